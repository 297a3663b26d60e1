/**
 * xferlog, the transfer log format of wu-ftpd that vsftpd (xferlog_std_format), ProFTPD
 * (TransferLog) and Pure-FTPd (-O xferlog) all write, so existing log tooling reads ours:
 *
 *   current-time transfer-time remote-host file-size filename transfer-type
 *   special-action-flag direction access-mode username service-name
 *   authentication-method authenticated-user-id completion-status
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';

export interface XferlogEntry {
  /** When the transfer ended. */
  time: Date;
  durationMs: number;
  remoteHost: string;
  bytes: number;
  /** The file's path as the log reader should see it (the virtual path, or the real one if the operator prefers). */
  path: string;
  /** @default 'binary' */
  type?: 'ascii' | 'binary';
  direction: 'in' | 'out' | 'delete';
  /** @default 'real' */
  accessMode?: 'real' | 'guest' | 'anonymous';
  user: string;
  /** @default 'ftp' */
  service?: string;
  complete: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** ctime(3) without the newline, in local time as the C servers write it: `Fri Jan  5 09:03:07 2024`. */
export function ctime(d: Date): string {
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${time} ${d.getFullYear()}`;
}

/** Fields are space-separated, so whitespace in a name becomes '_' (as vsftpd and wu-ftpd do). */
function field(s: string): string {
  return s.replace(/\s/g, '_') || '-';
}

export function xferlogLine(e: XferlogEntry): string {
  return [
    ctime(e.time),
    Math.max(0, Math.round(e.durationMs / 1000)), // whole seconds, like the C servers
    field(e.remoteHost),
    e.bytes,
    field(e.path),
    e.type === 'ascii' ? 'a' : 'b',
    '_', // special-action-flag: no compression or tar on the fly
    { in: 'i', out: 'o', delete: 'd' }[e.direction],
    { real: 'r', guest: 'g', anonymous: 'a' }[e.accessMode ?? 'real'],
    field(e.user),
    field(e.service ?? 'ftp'),
    0, // authentication-method: none (no RFC 931 ident)
    '*', // authenticated-user-id: unavailable
    e.complete ? 'c' : 'i',
  ].join(' ');
}

export interface XferlogAppender {
  append(entry: XferlogEntry): void;
  /** Closes and reopens the file (log rotation on SIGHUP). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Appends one line per transfer to `path` (folder created, mode 0640). Writes are buffered and ordered. */
export function createXferlog(path: string): XferlogAppender {
  fs.mkdirSync(dirname(path), { recursive: true });
  let stream = open();
  function open(): fs.WriteStream {
    return fs.createWriteStream(path, { flags: 'a', mode: 0o640 });
  }
  function end(s: fs.WriteStream): Promise<void> {
    return new Promise((resolve) => s.end(() => resolve()));
  }
  return {
    append(entry) {
      stream.write(`${xferlogLine(entry)}\n`);
    },
    async reopen() {
      const old = stream;
      stream = open();
      await end(old);
    },
    close: () => end(stream),
  };
}
