import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'basic-ftp';
import { startTestServer, run, tmp, type TestServer } from './support/harness';
import { RawFtp, login } from './support/raw';
import { testPki } from './support/pki';

describe('FTP protocol over explicit TLS', { timeout: 60000 }, () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('curl downloads, uploads and lists with --ssl-reqd', async () => {
    const ca = testPki().caPath;
    const url = `ftp://alice:secret@127.0.0.1:${t.port}`;
    const get = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca, `${url}/hello.txt`]);
    assert.equal(get.stderr, '');
    assert.equal(get.stdout, 'hello world\n');
    const dir = tmp();
    const src = join(dir, 'up.bin');
    writeFileSync(src, Buffer.alloc(300000, 7));
    const put = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca, '-T', src, `${url}/up.bin`]);
    assert.equal(put.code, 0, put.stderr);
    assert.deepEqual(readFileSync(join(t.home, 'up.bin')), readFileSync(src));
    const list = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca, `${url}/`]);
    assert.match(list.stdout, /hello\.txt/);
    assert.match(list.stdout, /up\.bin/);
  });

  it('basic-ftp: TLS session, mkdir, rename, size, delete, UTF-8 names', async () => {
    const c = new Client(10000);
    try {
      await c.access({ host: '127.0.0.1', port: t.port, user: 'alice', password: 'secret', secure: true, secureOptions: { ca: testPki().caCert, servername: 'localhost' } });
      await c.ensureDir('/dir ü');
      await c.cd('/');
      const { Readable } = await import('node:stream');
      await c.uploadFrom(Readable.from([Buffer.from('abc')]), '/dir ü/ä.txt');
      assert.equal(await c.size('/dir ü/ä.txt'), 3);
      await c.rename('/dir ü/ä.txt', '/dir ü/b.txt');
      const names = (await c.list('/dir ü')).map((f) => f.name);
      assert.deepEqual(names, ['b.txt']);
      await c.remove('/dir ü/b.txt');
      await c.removeEmptyDir('/dir ü');
      assert.equal(existsSync(join(t.home, 'dir ü')), false);
    } finally {
      c.close();
    }
  });

  it('replies with the RFC 4217 / z/OS codes for security commands', async () => {
    const c = await RawFtp.connect(t.port);
    try {
      assert.equal((await c.read()).code, 220);
      const feat = await c.cmd('FEAT');
      assert.equal(feat.code, 211);
      for (const f of [' AUTH TLS', ' PBSZ', ' PROT', ' CCC', ' SIZE', ' MDTM', ' REST STREAM', ' UTF8']) assert.ok(feat.lines.includes(f), f);
      assert.match((await c.cmd('PBSZ 0')).text, /^503 Must first establish authentication/);
      assert.equal((await c.cmd('PROT P')).code, 503);
      assert.equal((await c.cmd('CCC')).code, 533);
      assert.equal((await c.cmd('AUTH KERBEROS_V9')).code, 504);
      await c.authTls();
      assert.match((await c.cmd('PROT P')).text, /^503 Must first issue PBSZ/);
      assert.equal((await c.cmd('PBSZ 0')).text, '200 PBSZ=0');
      assert.match((await c.cmd('PROT S')).text, /^536 Data connection protection level S not supported/);
      assert.equal((await c.cmd('PROT E')).code, 536);
      assert.match((await c.cmd('PROT X')).text, /^504 /);
      assert.equal((await c.cmd('PROT P')).code, 200);
      assert.match((await c.cmd('AUTH TLS')).text, /^503 Authentication already established/);
      assert.match((await c.cmd('PASS x')).text, /^503 /);
      assert.equal((await c.cmd('CWD /')).code, 530);
      const stat = await c.cmd('STAT');
      assert.equal(stat.code, 211);
      assert.ok(stat.lines.includes('211-TLS security is supported at the RFC4217 level'), stat.text);
      await login(c);
      assert.equal((await c.cmd('RNTO x')).code, 503);
      assert.equal((await c.cmd('XYZZY')).code, 500);
      assert.equal((await c.cmd('SITE FILETYPE=JES')).code, 502);
      assert.equal((await c.cmd('PWD')).text, '257 "/" is the current directory.');
      assert.equal((await c.cmd('SIZE hello.txt')).text, '213 12');
      assert.match((await c.cmd('MDTM hello.txt')).text, /^213 \d{14}$/);
      assert.equal((await c.cmd('MODE B')).code, 504);
      assert.equal((await c.cmd('TYPE E')).code, 504);
      assert.equal((await c.cmd('MLST hello.txt')).code, 250);
      assert.equal((await c.cmd('RETR hello.txt')).code, 425); // no PASV/PORT yet
      assert.equal((await c.cmd('QUIT')).code, 221);
    } finally {
      c.close();
    }
  });

  it('refuses PORT/EPRT to a foreign address and accepts the peer', async () => {
    const c = await RawFtp.connect(t.port);
    try {
      await c.read();
      await login(c);
      assert.equal((await c.cmd('PORT 127,0,0,2,200,10')).text, '500 Illegal PORT command.');
      assert.equal((await c.cmd('EPRT |1|127.0.0.2|51210|')).code, 500);
      assert.equal((await c.cmd('PORT 127,0,0,1,0,21')).code, 504);
      assert.equal((await c.cmd('PORT 1,2,3')).code, 501);
      assert.equal((await c.cmd('EPRT |2|::1|51210|')).code, 522);
      assert.equal((await c.cmd('PORT 127,0,0,1,200,10')).code, 200);
      assert.equal((await c.cmd('EPRT |1|127.0.0.1|51210|')).code, 200);
    } finally {
      c.close();
    }
  });

  it('lftp active mode (PORT) over TLS works from the peer address', async () => {
    // curl 7.88's active mode fails client-side here ("sa_addr inet_ntop() failed"), so lftp drives PORT.
    const r = await run('lftp', ['-c', `set ssl:ca-file ${testPki().caPath}; set ftp:ssl-force true; set ftp:ssl-protect-data true; set ftp:passive-mode false; set net:max-retries 1; set net:timeout 5; open -u alice,secret ftp://127.0.0.1:${t.port}; cat hello.txt`]);
    assert.equal(r.stdout, 'hello world\n', r.stderr);
  });

  it('survives bad input: long lines, garbage, TLS on plaintext, vanished clients', async () => {
    const c = await RawFtp.connect(t.port);
    await c.read();
    c.write('NOOP ' + 'x'.repeat(5000) + '\r\n');
    assert.match((await c.read()).text, /^500 Command line too long/);
    c.write(Buffer.from([0x01, 0x02, 0x80, 0xfe, 0x0d, 0x0a]));
    assert.equal((await c.read()).code, 500);
    assert.equal((await c.cmd('NOOP')).code, 200);
    c.close();
    // A ClientHello on the plaintext port without AUTH: 421 and close.
    const h = await RawFtp.connect(t.port);
    await h.read();
    h.write(Buffer.from('16030100050100000100', 'hex'));
    assert.equal((await h.read()).code, 421);
    // Plaintext right after 234: 421, close.
    const p = await RawFtp.connect(t.port);
    await p.read();
    assert.equal((await p.cmd('AUTH TLS')).code, 234);
    p.write('USER alice\r\n');
    assert.equal((await p.read()).code, 421);
    // A client that vanishes mid-handshake.
    const v = await RawFtp.connect(t.port);
    await v.read();
    await v.cmd('AUTH TLS');
    v.write(Buffer.from('160301', 'hex'));
    v.close();
    // Server still serves.
    const ok = await run('curl', ['-sS', '--ssl-reqd', '--cacert', testPki().caPath, `ftp://alice:secret@127.0.0.1:${t.port}/hello.txt`]);
    assert.equal(ok.stdout, 'hello world\n');
  });

  it('never logs a password', () => {
    assert.ok(t.logs.length > 0);
    assert.ok(!t.logs.some((l) => l.includes('secret')), 'a log line contains the password');
  });
});
