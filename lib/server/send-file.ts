/**
 * Sends a file over a data connection from a few buffers that are reused.
 *
 * fs.createReadStream allocates a fresh 256 KiB buffer per read; a TLS socket holds
 * each until its write completes, so they outlive young-generation collections and
 * V8 falls into full mark-compacts every few tens of milliseconds (docs/performance.md).
 * Here a buffer is read into again only after the write that carried it completed,
 * so the bytes on the wire are never overwritten while queued.
 */
import type { Writable } from 'node:stream';
import type { FileReader } from './storage';

const CHUNK = 256 * 1024;
const BUFFERS = 4;

export async function sendFile(reader: FileReader, out: Writable, onBytes: (n: number) => void): Promise<void> {
  const free = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(CHUNK));
  let inFlight = 0;
  let needDrain = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (err: Error) => {
    failure ??= err;
    poke();
  };
  const onClose = () => fail(new Error('data connection closed during the transfer'));
  const onDrain = () => {
    needDrain = false;
    poke();
  };
  const until = async (ready: () => boolean) => {
    while (!failure && !ready()) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };
  out.on('drain', onDrain);
  out.once('close', onClose);
  out.once('error', fail);
  try {
    for (;;) {
      await until(() => !needDrain && free.length > 0);
      const buf = free.pop()!;
      const n = await reader.read(buf);
      if (n === 0) {
        free.push(buf);
        break;
      }
      if (failure) throw failure;
      onBytes(n);
      inFlight++;
      const more = out.write(buf.subarray(0, n), (err) => {
        inFlight--;
        if (err) return fail(err);
        free.push(buf);
        poke();
      });
      if (!more) needDrain = true;
    }
    await until(() => inFlight === 0);
  } finally {
    out.off('drain', onDrain);
    out.off('close', onClose);
    out.off('error', fail);
  }
}
