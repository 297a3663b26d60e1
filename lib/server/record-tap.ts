/**
 * RecordTap: the transport a control-connection TLSSocket sits on, so TLS can be
 * removed again from a live TCP socket (CCC, REIN) — node-tls-spike.md §2.
 *
 * - Inbound bytes are handed to TLS only as whole TLS records, so bytes after the
 *   client's close_notify never disappear inside OpenSSL.
 * - Ending or destroying the TLSSocket never ends or destroys the TCP socket; the
 *   control session owns that.
 * - After `drain()`, records that still arrive (the client's close_notify, which
 *   TLS 1.3 hides in an application_data record) go to TLS; the first byte that
 *   does not start a record header is plaintext, and it and everything after it is
 *   returned from `feed()` for the FTP command parser.
 */
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

const HEADER = 5;
/** Largest legal TLS record body (2^14 + 2048 for TLS 1.2 ciphertext expansion). */
const MAX_RECORD = 16384 + 2048;

/** Content types 20–24 followed by major version 3. */
export function looksLikeRecord(buf: Buffer, at = 0): boolean {
  return buf.length - at >= 2 && buf[at] >= 0x14 && buf[at] <= 0x18 && buf[at + 1] === 0x03;
}

export type TapState = 'tls' | 'draining' | 'detached';

export class RecordTap extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private state: TapState = 'tls';
  /** Writes from TLS are dropped (CCCNONOTIFY: no close_notify may reach the wire). */
  private muted = false;

  constructor(private readonly socket: Socket) {
    super({ allowHalfOpen: true });
  }

  get mode(): TapState {
    return this.state;
  }

  /**
   * Takes bytes read from TCP. Returns plaintext that follows the TLS session once
   * draining found it ('detached' from then on); otherwise undefined. Throws when
   * the stream is not TLS at all (a plaintext command where a record must be).
   */
  feed(chunk: Buffer): Buffer | undefined {
    if (this.state === 'detached') return chunk;
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length > 0) {
      if (this.pending.length >= 2 && !looksLikeRecord(this.pending)) {
        if (this.state === 'draining') return this.detach();
        throw new NotTlsError();
      }
      if (this.pending.length < HEADER) return undefined;
      const len = this.pending.readUInt16BE(3);
      if (len > MAX_RECORD) throw new NotTlsError();
      if (this.pending.length < HEADER + len) return undefined;
      const record = this.pending.subarray(0, HEADER + len);
      this.pending = this.pending.subarray(HEADER + len);
      if (!this.muted) this.push(record);
    }
    return undefined;
  }

  /** CCC/REIN: from now on the first non-record byte ends the TLS stream. */
  drain(opts: { mute: boolean }): void {
    this.muted = opts.mute;
    if (this.state === 'tls') this.state = 'draining';
  }

  private detach(): Buffer {
    this.state = 'detached';
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    this.push(null);
    return rest;
  }

  override _read(): void {
    // Records are pushed as they arrive; TLS consumes them as fast as they come.
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.muted || this.state === 'detached' || this.socket.destroyed || this.socket.writableEnded) return cb();
    this.socket.write(chunk, () => cb());
  }

  override _final(cb: (err?: Error | null) => void): void {
    cb(); // never end TCP: the control connection goes on in plaintext
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    cb(err); // never destroy TCP here; the session decides
  }
}

export class NotTlsError extends Error {
  constructor() {
    super('plaintext received where a TLS record was expected');
    this.name = 'NotTlsError';
  }
}
