/**
 * The upload data path: a Writable over a raw file descriptor. Large buffered writes
 * through writev, no promise per chunk, fsync before 'finish' (so 'finish' means the
 * bytes are on disk), and the descriptor is closed only when no write or flush is in
 * flight — closing under a pending write could let a recycled fd receive the tail of an
 * upload. Every FLUSH_EVERY bytes an fdatasync starts in the background, so the disk
 * writes while the upload still arrives and the final fsync waits only for the tail
 * (without it, a 256 MiB upload waited about 0.5 s for the fsync after the last byte).
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

const FLUSH_EVERY = 32 << 20;

export class FdWriter extends Writable {
  bytesWritten = 0;
  /** Set when this writer's own I/O failed (disk full, EIO) — as opposed to being destroyed by the data source. */
  ioError: FsError | undefined;
  private writing = false;
  private flushing = false;
  private unflushed = 0;
  private whenIdle: (() => void) | undefined;
  private whenFlushed: (() => void) | undefined;

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
    this.unflushed = 0; // the fsync covers it
    const sync = () => fs.fsync(this.fd, (err) => this.done(err ? this.fail(err) : null, cb));
    if (this.flushing) this.whenFlushed = sync;
    else sync();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const close = () => fs.close(this.fd, () => cb(err));
    if (this.writing || this.flushing) this.whenIdle = close;
    else close();
  }

  /** Background writeback; its errors surface again in the final fsync. */
  private flushEarly(): void {
    if (this.flushing || this.unflushed < FLUSH_EVERY) return;
    this.flushing = true;
    this.unflushed = 0;
    fs.fdatasync(this.fd, () => {
      this.flushing = false;
      const next = this.whenFlushed;
      this.whenFlushed = undefined;
      if (next) return next();
      if (!this.writing) this.runIdle();
    });
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
        this.unflushed += n;
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
    if (!err) this.flushEarly();
    if (!this.flushing) this.runIdle();
    cb(err);
  }

  private runIdle(): void {
    const idle = this.whenIdle;
    this.whenIdle = undefined;
    idle?.();
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
