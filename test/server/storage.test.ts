import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { FileType, parseList } from 'basic-ftp';
import {
  createUserFileSystem,
  formatListLine,
  formatMlsxFacts,
  FsError,
  MLSX_FACTS,
  PARTIAL_DIR_NAME,
  type FileInfo,
  type UserFileSystem,
} from '../../lib/server/storage';

let base: string;
let n = 0;

before(() => {
  base = fs.mkdtempSync(join(tmpdir(), 'zftps-storage-'));
});
after(() => fs.rmSync(base, { recursive: true, force: true }));

/** A fresh home and, beside it, an "outside" folder holding a secret the user must never reach. */
async function setup(opts: { canWrite?: boolean } & Record<string, unknown> = {}) {
  const dir = join(base, `case${++n}`);
  const home = join(dir, 'home');
  const outside = join(dir, 'outside');
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
  const ufs = await createUserFileSystem({ root: home, canWrite: true, ...opts });
  return { ufs, home, outside };
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof FsError, `expected FsError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

async function readAll(ufs: UserFileSystem, vpath: string, offset = 0): Promise<string> {
  const { stream } = await ufs.openRead(vpath, offset);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

async function upload(ufs: UserFileSystem, vpath: string, content: string | Buffer, mode: 'replace' | 'append' | 'unique' = 'replace') {
  const h = await ufs.openWrite(vpath, { mode });
  await pipeline(Readable.from([Buffer.from(content)]), h.stream);
  await h.commit();
  return h.vpath;
}

function write(stream: NodeJS.WritableStream, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(data, (err) => (err ? reject(err) : resolve())));
}

const names = async (ufs: UserFileSystem, vpath = '/') => (await ufs.list(vpath)).map((i) => i.name);

describe('confinement', () => {
  it('refuses ".." above the home and keeps ".." inside it', async () => {
    const { ufs } = await setup();
    await ufs.mkdir('/a');
    await rejectsWith(ufs.resolve('/', '..'), 'ESCAPE');
    await rejectsWith(ufs.resolve('/a', '../../etc/passwd'), 'ESCAPE');
    await rejectsWith(ufs.openRead('/../outside/secret.txt'), 'ESCAPE');
    await rejectsWith(ufs.openRead('/a/../../outside/secret.txt'), 'ESCAPE');
    assert.equal(await ufs.resolve('/a', '..'), '/');
    assert.equal(await ufs.resolve('/a', './b/../c'), '/a/c');
  });

  it('treats absolute paths as relative to the home, never the host', async () => {
    const { ufs, outside } = await setup();
    assert.equal(await ufs.resolve('/a', '/etc/passwd'), '/etc/passwd');
    await rejectsWith(ufs.openRead('/etc/passwd'), 'ENOENT');
    await rejectsWith(ufs.openRead(join(outside, 'secret.txt')), 'ENOENT');
    assert.equal((await ufs.stat('/')).type, 'dir');
  });

  it('refuses a symlink to a file outside the home, also for overwriting it', async () => {
    const { ufs, home, outside } = await setup();
    fs.symlinkSync(join(outside, 'secret.txt'), join(home, 'out-file'));
    await rejectsWith(ufs.openRead('/out-file'), 'ESCAPE');
    await rejectsWith(ufs.stat('/out-file'), 'ESCAPE');
    await rejectsWith(ufs.resolve('/', 'out-file'), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/out-file', { mode: 'replace' }), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/out-file', { mode: 'append' }), 'ESCAPE');
    assert.equal(fs.readFileSync(join(outside, 'secret.txt'), 'utf8'), 'TOP SECRET');
    const listed = (await ufs.list('/')).find((i) => i.name === 'out-file');
    assert.equal(listed?.type, 'link', 'shown as a link, not as the secret file');
    assert.notEqual(listed?.size, 'TOP SECRET'.length);
  });

  it('refuses a symlink to a directory outside the home for every operation', async () => {
    const { ufs, home, outside } = await setup();
    fs.symlinkSync(outside, join(home, 'out-dir'));
    await rejectsWith(ufs.list('/out-dir'), 'ESCAPE');
    await rejectsWith(ufs.openRead('/out-dir/secret.txt'), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/out-dir/new.txt', { mode: 'replace' }), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/out-dir/x', { mode: 'unique' }), 'ESCAPE');
    await rejectsWith(ufs.mkdir('/out-dir/sub'), 'ESCAPE');
    await rejectsWith(ufs.remove('/out-dir/secret.txt'), 'ESCAPE');
    await rejectsWith(ufs.rename('/out-dir/secret.txt', '/stolen.txt'), 'ESCAPE');
    await rejectsWith(ufs.resolve('/out-dir', 'secret.txt'), 'ESCAPE');
    assert.deepEqual(fs.readdirSync(outside), ['secret.txt']);
  });

  it('refuses a dangling symlink that could create something outside', async () => {
    const { ufs, home, outside } = await setup();
    fs.symlinkSync(join(outside, 'not-yet'), join(home, 'dangle'));
    await rejectsWith(ufs.openWrite('/dangle', { mode: 'replace' }), 'ESCAPE');
    await rejectsWith(ufs.mkdir('/dangle/sub'), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/dangle/f', { mode: 'replace' }), 'ESCAPE');
    assert.deepEqual(fs.readdirSync(outside), ['secret.txt']);
  });

  it('accepts symlinks that stay inside the home', async () => {
    const { ufs, home } = await setup();
    fs.mkdirSync(join(home, 'real-docs'));
    fs.writeFileSync(join(home, 'real-docs', 'a.txt'), 'inside');
    fs.symlinkSync(join(home, 'real-docs'), join(home, 'docs'));
    fs.symlinkSync('real-docs/a.txt', join(home, 'alias.txt'));
    assert.equal((await ufs.stat('/docs')).type, 'dir');
    assert.deepEqual(await names(ufs, '/docs'), ['a.txt']);
    assert.equal(await readAll(ufs, '/docs/a.txt'), 'inside');
    assert.equal(await readAll(ufs, '/alias.txt'), 'inside');
    const root = await ufs.list('/');
    assert.equal(root.find((i) => i.name === 'docs')?.type, 'dir');
    assert.equal(root.find((i) => i.name === 'alias.txt')?.type, 'file');
    // STOR through an inside link replaces what it points to, and the link stays a link.
    await upload(ufs, '/alias.txt', 'replaced');
    assert.equal(fs.readFileSync(join(home, 'real-docs', 'a.txt'), 'utf8'), 'replaced');
    assert.ok(fs.lstatSync(join(home, 'alias.txt')).isSymbolicLink());
  });

  it('refuses NUL bytes, control characters, malformed UTF-16 and reserved names; takes UTF-8', async () => {
    const { ufs, home } = await setup();
    await rejectsWith(ufs.resolve('/', 'a\0b'), 'ESCAPE');
    await rejectsWith(ufs.openRead('/etc/passwd\0.txt'), 'ESCAPE');
    await rejectsWith(ufs.mkdir('/bad\r\nname'), 'ESCAPE');
    await rejectsWith(ufs.openWrite('/tab\there', { mode: 'replace' }), 'ESCAPE');
    await rejectsWith(ufs.resolve('/', 'x\uD800y'), 'ESCAPE');
    await rejectsWith(ufs.list(`/${PARTIAL_DIR_NAME}`), 'EACCES');
    await rejectsWith(ufs.openWrite('/.ZFTPS-partial/x', { mode: 'replace' }), 'EACCES');
    await ufs.mkdir('/Grüße 日本');
    await upload(ufs, '/Grüße 日本/naïve café.txt', 'ü');
    assert.deepEqual(await names(ufs, '/Grüße 日本'), ['naïve café.txt']);
    assert.ok(fs.existsSync(join(home, 'Grüße 日本', 'naïve café.txt')));
  });

  it('hides names on disk that a client could not use safely', async () => {
    const { ufs, home } = await setup();
    fs.writeFileSync(join(home, 'ok.txt'), '');
    fs.writeFileSync(join(home, 'evil\r\n226 fake'), '');
    fs.writeFileSync(Buffer.concat([Buffer.from(home + '/'), Buffer.from([0x66, 0xff, 0x66])]), '');
    assert.deepEqual(await names(ufs), ['ok.txt']);
  });

  it('does not hang on a FIFO and refuses to read non-regular files', async () => {
    const { ufs, home } = await setup();
    execFileSync('mkfifo', [join(home, 'pipe')]);
    await rejectsWith(ufs.openRead('/pipe'), 'EACCES');
    await rejectsWith(ufs.openRead('/'), 'EISDIR');
    assert.equal((await ufs.list('/')).find((i) => i.name === 'pipe')?.type, 'other');
  });
});

describe('atomic uploads', () => {
  it('keeps the old content visible until commit, with no temp file in listings', async () => {
    const { ufs, home } = await setup();
    await upload(ufs, '/f.txt', 'old content');
    const h = await ufs.openWrite('/f.txt', { mode: 'replace' });
    await write(h.stream, 'new content, first half ');
    assert.equal(await readAll(ufs, '/f.txt'), 'old content');
    assert.deepEqual(await names(ufs), ['f.txt']);
    assert.deepEqual(fs.readdirSync(home).sort(), [PARTIAL_DIR_NAME, 'f.txt'].sort());
    h.stream.end('second half');
    await h.commit();
    assert.equal(await readAll(ufs, '/f.txt'), 'new content, first half second half');
    assert.deepEqual(fs.readdirSync(join(home, PARTIAL_DIR_NAME)), []);
  });

  it('abort leaves the old file intact and nothing partial behind', async () => {
    const { ufs, home } = await setup();
    await upload(ufs, '/f.txt', 'old');
    const h = await ufs.openWrite('/f.txt', { mode: 'replace' });
    await write(h.stream, 'garbage that must never be seen');
    await h.abort();
    assert.equal(await readAll(ufs, '/f.txt'), 'old');
    assert.deepEqual(await names(ufs), ['f.txt']);
    assert.deepEqual(fs.readdirSync(join(home, PARTIAL_DIR_NAME)), []);
    // a new file aborted never appears at all
    const h2 = await ufs.openWrite('/new.txt', { mode: 'replace' });
    await write(h2.stream, 'x');
    await h2.abort();
    await rejectsWith(ufs.stat('/new.txt'), 'ENOENT');
  });

  it('keeps the old file when the data source breaks mid-transfer', async () => {
    const { ufs } = await setup();
    await upload(ufs, '/f.txt', 'old');
    const h = await ufs.openWrite('/f.txt', { mode: 'replace' });
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 0x41));
        this.destroy(new Error('ECONNRESET'));
      },
    });
    await assert.rejects(pipeline(broken, h.stream));
    await rejectsWith(h.commit(), 'EIO');
    assert.equal(await readAll(ufs, '/f.txt'), 'old');
  });

  it('APPE copies, appends and renames: the target is never half-appended', async () => {
    const { ufs } = await setup();
    await upload(ufs, '/log.txt', 'hello ');
    const h = await ufs.openWrite('/log.txt', { mode: 'append' });
    await write(h.stream, 'wor');
    assert.equal(await readAll(ufs, '/log.txt'), 'hello ');
    h.stream.end('ld');
    await h.commit();
    assert.equal(await readAll(ufs, '/log.txt'), 'hello world');
    await upload(ufs, '/fresh.txt', 'created by APPE', 'append');
    assert.equal(await readAll(ufs, '/fresh.txt'), 'created by APPE');
  });

  it('keeps the file mode of a replaced file', async () => {
    const { ufs, home } = await setup();
    await upload(ufs, '/x.sh', 'v1');
    fs.chmodSync(join(home, 'x.sh'), 0o600);
    await upload(ufs, '/x.sh', 'v2');
    assert.equal(fs.statSync(join(home, 'x.sh')).mode & 0o777, 0o600);
    fs.chmodSync(join(home, 'x.sh'), 0o666); // bits the umask would strip
    await upload(ufs, '/x.sh', 'v3');
    assert.equal(fs.statSync(join(home, 'x.sh')).mode & 0o777, 0o666);
  });
});

describe('REST + STOR resume', () => {
  it('continues a kept partial at exactly its size, then discards it', async () => {
    const { ufs, home } = await setup();
    const whole = Buffer.from('0123456789'.repeat(300));
    const h = await ufs.openWrite('/big.bin', { mode: 'replace' });
    await write(h.stream, whole.subarray(0, 1000));
    await h.abort(true); // the engine's choice after a broken transfer
    await rejectsWith(ufs.stat('/big.bin'), 'ENOENT');
    assert.deepEqual(await names(ufs), []);
    assert.equal(fs.readdirSync(join(home, PARTIAL_DIR_NAME)).length, 1);

    await rejectsWith(ufs.openWrite('/big.bin', { mode: 'resume', offset: 999 }), 'EBUSY');
    await rejectsWith(ufs.openWrite('/big.bin', { mode: 'resume', offset: 2000 }), 'EBUSY');
    await rejectsWith(ufs.openWrite('/other.bin', { mode: 'resume', offset: 1000 }), 'EBUSY');

    const r = await ufs.openWrite('/big.bin', { mode: 'resume', offset: 1000 });
    await pipeline(Readable.from([whole.subarray(1000)]), r.stream);
    await r.commit();
    assert.deepEqual(fs.readFileSync(join(home, 'big.bin')), whole);
    assert.deepEqual(fs.readdirSync(join(home, PARTIAL_DIR_NAME)), []);
  });

  it('a STOR without REST discards a kept partial; an abort without keep keeps nothing', async () => {
    const { ufs, home } = await setup();
    const h = await ufs.openWrite('/f', { mode: 'replace' });
    await write(h.stream, 'partial');
    await h.abort(true);
    await upload(ufs, '/f', 'fresh');
    await rejectsWith(ufs.openWrite('/f', { mode: 'resume', offset: 7 }), 'EBUSY');
    assert.deepEqual(fs.readdirSync(join(home, PARTIAL_DIR_NAME)), []);
    assert.equal(await readAll(ufs, '/f'), 'fresh');
  });

  it('removes kept partials older than the maximum age when a session opens the home', async () => {
    const { ufs, home } = await setup();
    const h = await ufs.openWrite('/f', { mode: 'replace' });
    await write(h.stream, 'partial');
    await h.abort(true);
    const [kept] = fs.readdirSync(join(home, PARTIAL_DIR_NAME));
    const keptPath = join(home, PARTIAL_DIR_NAME, kept);
    await createUserFileSystem({ root: home, canWrite: true });
    assert.ok(fs.existsSync(keptPath), 'a fresh partial survives a new session');
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    fs.utimesSync(keptPath, old, old);
    await createUserFileSystem({ root: home, canWrite: true });
    assert.ok(!fs.existsSync(keptPath), 'a partial older than 24 h is gone');
  });

  it('reads from an offset (REST + RETR) and reports the whole size', async () => {
    const { ufs } = await setup();
    await upload(ufs, '/r.txt', 'abcdefghij');
    assert.equal(await readAll(ufs, '/r.txt', 4), 'efghij');
    assert.equal((await ufs.openRead('/r.txt', 4)).size, 10);
    assert.equal(await readAll(ufs, '/r.txt', 50), '');
    await rejectsWith(ufs.openRead('/r.txt', -1), 'EIO');
  });
});

describe('concurrent uploads', () => {
  it('a second writer of the same file gets EBUSY, across sessions and through links', async () => {
    const { ufs, home } = await setup();
    const other = await createUserFileSystem({ root: home, canWrite: true });
    const first = await ufs.openWrite('/same.txt', { mode: 'replace' });
    await rejectsWith(ufs.openWrite('/same.txt', { mode: 'replace' }), 'EBUSY');
    await rejectsWith(other.openWrite('/same.txt', { mode: 'append' }), 'EBUSY');
    await rejectsWith(other.rename('/x', '/same.txt'), 'EBUSY');
    await upload(ufs, '/target.txt', 't');
    fs.symlinkSync('target.txt', join(home, 'link.txt'));
    const viaTarget = await ufs.openWrite('/target.txt', { mode: 'replace' });
    await rejectsWith(other.openWrite('/link.txt', { mode: 'replace' }), 'EBUSY');
    await viaTarget.abort();
    first.stream.end('first wins whole');
    await first.commit();
    assert.equal(await readAll(ufs, '/same.txt'), 'first wins whole');
    await upload(other, '/same.txt', 'then the second');
    assert.equal(await readAll(ufs, '/same.txt'), 'then the second');
  });

  it('parallel uploads of different files do not interfere', async () => {
    const { ufs } = await setup();
    const files = Array.from({ length: 8 }, (_, i) => `/p${i}.bin`);
    await Promise.all(files.map((f, i) => upload(ufs, f, Buffer.alloc(200_000 + i, i))));
    for (const [i, f] of files.entries()) {
      const { stream } = await ufs.openRead(f);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      assert.deepEqual(Buffer.concat(chunks), Buffer.alloc(200_000 + i, i), f);
    }
  });
});

describe('disk full', () => {
  it('an ENOSPC mid-upload leaves the old file intact, removes the temp and tells the caller', async () => {
    const events: { vpath: string; bytesWritten: number }[] = [];
    const { ufs, home } = await setup({
      faults: { failAfterBytes: 100_000 },
      onDiskFull: (e: { vpath: string; bytesWritten: number }) => events.push(e),
    });
    fs.writeFileSync(join(home, 'data.bin'), 'precious old content');
    const h = await ufs.openWrite('/data.bin', { mode: 'replace' });
    const source = Readable.from(Array.from({ length: 16 }, () => Buffer.alloc(64 * 1024, 7)));
    await assert.rejects(pipeline(source, h.stream), (err: unknown) => err instanceof FsError && err.code === 'ENOSPC');
    await rejectsWith(h.commit(), 'ENOSPC');
    await h.abort(true);
    assert.equal(fs.readFileSync(join(home, 'data.bin'), 'utf8'), 'precious old content');
    assert.deepEqual(fs.readdirSync(join(home, PARTIAL_DIR_NAME)), []);
    assert.deepEqual(events, [{ vpath: '/data.bin', bytesWritten: 100_000 }]);
    // the lock is released: the next upload works once there is room
    const retry = await ufs.openWrite('/data.bin', { mode: 'replace' });
    retry.stream.end('small');
    await retry.commit();
    assert.equal(fs.readFileSync(join(home, 'data.bin'), 'utf8'), 'small');
  });

  it('maps EDQUOT to ENOSPC', async () => {
    const { ufs } = await setup({ faults: { failAfterBytes: 0, code: 'EDQUOT' } });
    const h = await ufs.openWrite('/q', { mode: 'replace' });
    await assert.rejects(pipeline(Readable.from([Buffer.from('x')]), h.stream), (err: unknown) => (err as FsError).code === 'ENOSPC');
    await rejectsWith(ufs.stat('/q'), 'ENOENT');
  });
});

describe('STOU unique names', () => {
  it('creates a new name when the wanted one exists, and never the same twice', async () => {
    const { ufs } = await setup();
    assert.equal(await upload(ufs, '/report.txt', 'a', 'unique'), '/report.txt');
    const [h1, h2] = await Promise.all([ufs.openWrite('/report.txt', { mode: 'unique' }), ufs.openWrite('/report.txt', { mode: 'unique' })]);
    assert.notEqual(h1.vpath, h2.vpath);
    assert.deepEqual([h1.vpath, h2.vpath].sort(), ['/report.txt.1', '/report.txt.2']);
    h1.stream.end('one');
    await h1.commit();
    await h2.abort(true);
    assert.equal(await readAll(ufs, '/report.txt'), 'a');
    assert.equal(await readAll(ufs, '/report.txt.1'), 'one');
    assert.deepEqual(await names(ufs), ['report.txt', 'report.txt.1']);
  });
});

describe('directory operations and permissions', () => {
  it('mkdir, rename, remove, rmdir with the right errors', async () => {
    const { ufs } = await setup();
    await ufs.mkdir('/d');
    await rejectsWith(ufs.mkdir('/d'), 'EEXIST');
    await rejectsWith(ufs.mkdir('/missing/child'), 'ENOENT');
    await upload(ufs, '/d/f', 'x');
    await rejectsWith(ufs.rmdir('/d'), 'ENOTEMPTY');
    await rejectsWith(ufs.remove('/d'), 'EISDIR');
    await rejectsWith(ufs.rmdir('/d/f'), 'ENOTDIR');
    await ufs.rename('/d/f', '/g');
    await ufs.remove('/g');
    await ufs.rmdir('/d');
    await rejectsWith(ufs.rmdir('/'), 'EACCES');
    await rejectsWith(ufs.rename('/', '/x'), 'EACCES');
    assert.deepEqual(await names(ufs), []);
  });

  it('a read-only user can read and list but change nothing, and sees no write bits', async () => {
    const { home } = await setup();
    fs.writeFileSync(join(home, 'r.txt'), 'read me');
    const ro = await createUserFileSystem({ root: home, canWrite: false });
    assert.equal(await readAll(ro, '/r.txt'), 'read me');
    for (const p of [
      ro.openWrite('/r.txt', { mode: 'replace' }),
      ro.openWrite('/n.txt', { mode: 'unique' }),
      ro.mkdir('/d'),
      ro.remove('/r.txt'),
      ro.rename('/r.txt', '/s.txt'),
    ]) {
      await rejectsWith(p, 'EACCES');
    }
    const [info] = await ro.list('/');
    assert.equal(info.mode & 0o222, 0);
    assert.match(formatMlsxFacts(info, ['perm']), /^perm=r; r\.txt$/);
  });

  it('refuses a partial dir that clients could see or that is on another file system', async () => {
    const dir = join(base, `case${++n}`);
    await assert.rejects(createUserFileSystem({ root: join(dir, 'home'), canWrite: true, partialDir: join(dir, 'home', 'visible') }), /inside the home/);
    await assert.rejects(createUserFileSystem({ root: join(dir, 'home'), canWrite: true, partialDir: 'relative' }), /absolute/);
    const ok = await createUserFileSystem({ root: join(dir, 'home'), canWrite: true, partialDir: join(dir, 'partials') });
    const h = await ok.openWrite('/f', { mode: 'replace' });
    await write(h.stream, 'abc');
    await h.abort(true);
    assert.equal(fs.readdirSync(join(dir, 'partials')).length, 1);
    const r = await ok.openWrite('/f', { mode: 'resume', offset: 3 });
    r.stream.end('def');
    await r.commit();
    assert.equal(fs.readFileSync(join(dir, 'home', 'f'), 'utf8'), 'abcdef');
  });
});

describe('listing formats', () => {
  const now = new Date(Date.UTC(2025, 5, 15, 12, 0, 0));
  const infos: FileInfo[] = [
    { name: 'report 2025.txt', type: 'file', size: 1234567, mtime: new Date(Date.UTC(2025, 4, 3, 9, 7)), mode: 0o644 },
    { name: 'archive', type: 'dir', size: 4096, mtime: new Date(Date.UTC(2019, 11, 31, 23, 59)), mode: 0o755 },
    { name: 'Grüße', type: 'file', size: 0, mtime: new Date(Date.UTC(2025, 0, 1)), mode: 0o600 },
  ];

  it('LIST lines have the ls -l columns clients parse', () => {
    const lines = infos.map((i) => formatListLine(i, now));
    assert.equal(lines[0], '-rw-r--r--    1 ftp      ftp           1234567 May 03 09:07 report 2025.txt');
    assert.equal(lines[1], 'drwxr-xr-x    1 ftp      ftp              4096 Dec 31  2019 archive');
    const cols = /^([-dl?])([-r][-w][-x]){3}\s+(\d+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\w{3}) (\d\d) (\d\d:\d\d| \d{4}) (.+)$/;
    for (const [k, line] of lines.entries()) {
      const m = cols.exec(line);
      assert.ok(m, line);
      assert.equal(Number(m[6]), infos[k].size);
      assert.equal(m[10], infos[k].name);
    }
  });

  it('LIST output parses back with a real FTP client parser (basic-ftp)', () => {
    const parsed = parseList(infos.map((i) => formatListLine(i, now)).join('\r\n'));
    assert.deepEqual(
      parsed.map((p) => [p.name, p.type, p.size]),
      [
        ['report 2025.txt', FileType.File, 1234567],
        ['archive', FileType.Directory, 4096],
        ['Grüße', FileType.File, 0],
      ],
    );
    assert.equal(parsed[0].permissions?.user, 6);
  });

  it('MLSD facts follow RFC 3659 and parse back with basic-ftp', () => {
    const lines = infos.map((i) => formatMlsxFacts(i, [...MLSX_FACTS]));
    assert.equal(lines[0], 'type=file;size=1234567;modify=20250503090700;perm=radfw;unix.mode=0644; report 2025.txt');
    assert.equal(lines[1], 'type=dir;modify=20191231235900;perm=cdfmpel;unix.mode=0755; archive');
    const parsed = parseList(lines.join('\r\n'));
    assert.deepEqual(
      parsed.map((p) => [p.name, p.type, p.size, p.modifiedAt?.toISOString()]),
      [
        ['report 2025.txt', FileType.File, 1234567, '2025-05-03T09:07:00.000Z'],
        ['archive', FileType.Directory, 0, '2019-12-31T23:59:00.000Z'],
        ['Grüße', FileType.File, 0, '2025-01-01T00:00:00.000Z'],
      ],
    );
    assert.equal(formatMlsxFacts(infos[0], ['Size', 'TYPE']), 'type=file;size=1234567; report 2025.txt');
  });

  it('what list() returns formats into lines the client parser reads back', async () => {
    const { ufs } = await setup();
    await ufs.mkdir('/sub dir');
    await upload(ufs, '/a file.txt', 'x'.repeat(321));
    const listed = await ufs.list('/');
    const parsed = parseList(listed.map((i) => formatListLine(i, new Date())).join('\r\n'));
    assert.deepEqual(
      parsed.map((p) => [p.name, p.type, p.size]).filter((p) => p[1] === FileType.File),
      [['a file.txt', FileType.File, 321]],
    );
    assert.ok(parsed.some((p) => p.name === 'sub dir' && p.type === FileType.Directory));
  });
});
