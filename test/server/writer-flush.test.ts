// FdWriter's background fdatasync (every 32 MiB of an upload): the bytes arrive whole and in
// order, 'finish' still means fsynced, and a destroy while a flush runs closes the fd once.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { finished } from 'node:stream/promises';
import { FdWriter } from '../../lib/server/storage/writer';
import { tmp } from './support/harness';

function chunks(total: number, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let n = 0; n < total; n += size) out.push(randomBytes(Math.min(size, total - n)));
  return out;
}

describe('FdWriter background flush', () => {
  it('writes a 100 MiB upload whole and in order across several background flushes', async () => {
    const file = join(tmp(), 'big.bin');
    const fd = fs.openSync(file, 'w');
    const w = new FdWriter(fd, '/big.bin');
    const hash = createHash('sha256');
    const total = 100 * 1024 * 1024 + 12345;
    for (const c of chunks(total, 256 * 1024)) {
      hash.update(c);
      if (!w.write(c)) await new Promise((r) => w.once('drain', r));
    }
    w.end();
    await finished(w);
    assert.equal(w.bytesWritten, total);
    // autoDestroy: the writer closes itself after 'finish'
    if (!w.closed) await new Promise((r) => w.once('close', r));
    assert.throws(() => fs.fstatSync(fd), /EBADF/, 'the descriptor is closed after destroy');
    assert.equal(createHash('sha256').update(fs.readFileSync(file)).digest('hex'), hash.digest('hex'));
  });

  it('closes the descriptor only after a flush in flight when destroyed mid-upload', async () => {
    const file = join(tmp(), 'cut.bin');
    const fd = fs.openSync(file, 'w');
    const w = new FdWriter(fd, '/cut.bin');
    let written = 0;
    for (const c of chunks(40 * 1024 * 1024, 1024 * 1024)) {
      written += c.length;
      if (!w.write(c)) await new Promise((r) => w.once('drain', r));
    }
    w.on('error', () => {});
    w.destroy(new Error('client went away'));
    if (!w.closed) await new Promise((r) => w.once('close', r));
    assert.throws(() => fs.fstatSync(fd), /EBADF/);
    assert.ok(fs.statSync(file).size <= written);
  });
});
