// sendFile reuses its buffers: a buffer must never be read into again while a write
// that carries it is still queued, or the bytes on the wire would change under it.
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { sendFile } from '../../lib/server/send-file';
import { createUserFileSystem } from '../../lib/server/storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('sendFile', () => {
  it('delivers every byte in order through a slow writer that holds chunks, from an offset', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zftps-send-'));
    const body = randomBytes(5 * 1024 * 1024 + 123);
    writeFileSync(join(home, 'f.bin'), body);
    const fs = await createUserFileSystem({ root: home, canWrite: false });
    for (const offset of [0, 1000]) {
      const received: Buffer[] = [];
      const out = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _enc, done) {
          // Hold the chunk for a while before "sending" it: a buffer reused too early would change it.
          const seen = sha(chunk);
          setTimeout(() => {
            assert.equal(sha(chunk), seen, 'a queued chunk was overwritten');
            received.push(Buffer.from(chunk));
            done();
          }, 2);
        },
      });
      const reader = await fs.openReader('/f.bin', offset);
      let counted = 0;
      await sendFile(reader, out, (n) => (counted += n));
      await reader.close();
      const all = Buffer.concat(received);
      assert.equal(counted, body.length - offset);
      assert.equal(sha(all), sha(body.subarray(offset)));
    }
  });

  it('fails (and does not hang) when the connection closes mid-file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zftps-send-'));
    writeFileSync(join(home, 'f.bin'), randomBytes(4 * 1024 * 1024));
    const fs = await createUserFileSystem({ root: home, canWrite: false });
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(_chunk, _enc, done) {
        setTimeout(done, 5);
      },
    });
    setTimeout(() => out.destroy(), 20);
    const reader = await fs.openReader('/f.bin');
    await assert.rejects(sendFile(reader, out, () => undefined));
    await reader.close();
  });
});
