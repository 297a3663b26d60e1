/**
 * The upload data path: a Writable over a raw file descriptor. Large buffered writes
 * through writev, no promise per chunk, fsync before 'finish' (so 'finish' means the
 * bytes are on disk), and the descriptor is closed only when no write is in flight —
 * closing under a pending write could let a recycled fd receive the tail of an upload.
 */
import * as fs from 'node:fs';
import { Writable } from 'node:stream';
import { FsError, toFsError } from './errors';

/** Test-only fault injection: the write that crosses `failAfterBytes` fails with `code`. */
export interface StorageFaults {
  failAfterBytes?: number;
  /** Default ENOSPC. */
  code?: 'ENOSPC' | 'EDQUOT' | 'EIO';
}

export class FdWriter extends Writable {
  bytesWritten = 0;
  /** Set when this writer's own I/O failed (disk full, EIO) — as opposed to being destroyed by the data source. */
  ioError: FsError | undefined;
  private writing = false;
  private whenIdle: (() => void) | undefined;

  constructor(
    private readonly fd: number,
    private readonly vpath: string,
    private readonly faults?: StorageFaults,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writeAll([chunk], cb);
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (err?: Error | null) => void): void {
    this.writeAll(
      chunks.map((c) => c.chunk),
      cb,
    );
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.writing = true;
    fs.fsync(this.fd, (err) => this.done(err ? this.fail(err) : null, cb));
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const close = () => fs.close(this.fd, () => cb(err));
    if (this.writing) this.whenIdle = close;
    else close();
  }

  private writeAll(buffers: Buffer[], cb: (err?: Error | null) => void): void {
    let bufs = buffers;
    let injected: NodeJS.ErrnoException | undefined;
    if (this.faults?.failAfterBytes !== undefined) {
      const room = Math.max(0, this.faults.failAfterBytes - this.bytesWritten);
      if (totalLength(bufs) > room) {
        bufs = take(bufs, room);
        const code = this.faults.code ?? 'ENOSPC';
        injected = Object.assign(new Error(`${code}: injected fault`), { code });
      }
    }
    this.writing = true;
    const step = (): void => {
      if (bufs.length === 0) return this.done(injected ? this.fail(injected) : null, cb);
      fs.writev(this.fd, bufs, (err, n) => {
        if (err) return this.done(this.fail(err), cb);
        this.bytesWritten += n;
        bufs = drop(bufs, n);
        step();
      });
    };
    step();
  }

  private fail(err: unknown): FsError {
    this.ioError = toFsError(err, this.vpath);
    return this.ioError;
  }

  private done(err: Error | null, cb: (err?: Error | null) => void): void {
    this.writing = false;
    const idle = this.whenIdle;
    this.whenIdle = undefined;
    idle?.();
    cb(err);
  }
}

function totalLength(bufs: Buffer[]): number {
  return bufs.reduce((n, b) => n + b.length, 0);
}

/** The first `n` bytes of `bufs`, without copying. */
function take(bufs: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of bufs) {
    if (n <= 0) break;
    out.push(b.length <= n ? b : b.subarray(0, n));
    n -= b.length;
  }
  return out;
}

/** `bufs` without its first `n` bytes (a short write), without copying. */
function drop(bufs: Buffer[], n: number): Buffer[] {
  let i = 0;
  while (i < bufs.length && n >= bufs[i].length) n -= bufs[i++].length;
  const rest = bufs.slice(i);
  if (rest.length > 0 && n > 0) rest[0] = rest[0].subarray(n);
  return rest;
}
