/**
 * Directory listing formats: the `ls -l` line most FTP clients parse for LIST, and the
 * RFC 3659 fact lines for MLST/MLSD. Pure functions of a FileInfo.
 */

export interface FileInfo {
  name: string;
  type: 'file' | 'dir' | 'link' | 'other';
  size: number;
  mtime: Date;
  /** Permission bits (0o7777) as *this user* may use them: write bits cleared for read-only users. */
  mode: number;
}

/** The MLST facts zftps can produce, in the order FEAT announces them. */
export const MLSX_FACTS = ['type', 'size', 'modify', 'perm', 'unix.mode'] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR_MS = 182 * 24 * 3600 * 1000;

function modeString(info: FileInfo): string {
  const typeChar = { file: '-', dir: 'd', link: 'l', other: '?' }[info.type];
  let s = typeChar;
  for (const shift of [6, 3, 0]) {
    const bits = (info.mode >> shift) & 7;
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return s;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `-rw-r--r--    1 ftp      ftp          1234 Mar 05 14:07 name` — times in UTC (vsftpd's
 * default), the year instead of the time when the file is older than ~6 months or in the
 * future. Owner and group are always `ftp`: host user names and ids are not the client's business.
 */
export function formatListLine(info: FileInfo, now: Date): string {
  const t = info.mtime;
  const age = now.getTime() - t.getTime();
  const when =
    age >= 0 && age < HALF_YEAR_MS ? `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}` : ` ${t.getUTCFullYear()}`;
  const date = `${MONTHS[t.getUTCMonth()]} ${pad2(t.getUTCDate())} ${when}`;
  return `${modeString(info)}    1 ftp      ftp      ${String(info.size).padStart(12)} ${date} ${info.name}`;
}

/** RFC 3659 time-val: YYYYMMDDHHMMSS in UTC. */
export function mlsxTime(d: Date): string {
  return (
    String(d.getUTCFullYear()).padStart(4, '0') +
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    pad2(d.getUTCHours()) +
    pad2(d.getUTCMinutes()) +
    pad2(d.getUTCSeconds())
  );
}

/** RFC 3659 §7.5.5 perm letters, derived from the user-relative owner bits. */
function perm(info: FileInfo): string {
  const writable = (info.mode & 0o200) !== 0;
  const readable = (info.mode & 0o400) !== 0;
  if (info.type === 'dir') return `${writable ? 'cdfmp' : ''}${readable ? 'el' : 'e'}`;
  return `${readable ? 'r' : ''}${writable ? 'adfw' : ''}`;
}

function typeFact(info: FileInfo): string {
  if (info.type === 'file' || info.type === 'dir') return info.type;
  return info.type === 'link' ? 'OS.unix=symlink' : 'OS.unix=other';
}

/**
 * `type=file;size=12;modify=20240101123456;perm=adfrw; name` with the facts the client
 * selected (OPTS MLST; case-insensitive), always in MLSX_FACTS order. `size` is given for
 * files only, as RFC 3659 defines it.
 */
export function formatMlsxFacts(info: FileInfo, facts: string[]): string {
  const wanted = new Set(facts.map((f) => f.toLowerCase()));
  let out = '';
  for (const fact of MLSX_FACTS) {
    if (!wanted.has(fact)) continue;
    switch (fact) {
      case 'type':
        out += `type=${typeFact(info)};`;
        break;
      case 'size':
        if (info.type === 'file') out += `size=${info.size};`;
        break;
      case 'modify':
        out += `modify=${mlsxTime(info.mtime)};`;
        break;
      case 'perm':
        out += `perm=${perm(info)};`;
        break;
      case 'unix.mode':
        out += `unix.mode=0${(info.mode & 0o7777).toString(8)};`;
        break;
    }
  }
  return `${out} ${info.name}`;
}
