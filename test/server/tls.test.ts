import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { startTestServer, run, python, PY_PRELUDE, tmp, type TestServer } from './support/harness';
import { RawFtp, login } from './support/raw';
import { testPki } from './support/pki';

const ca = () => testPki().caPath;
const pyEnv = (t: TestServer, extra: Record<string, string> = {}) => ({ CA: ca(), PORT: String(t.port), ...extra });

describe('SECURE_SESSION_REUSE REQUIRED', { timeout: 90000 }, () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ sessionReuse: 'REQUIRED', secureDataConn: 'PRIVATE' });
  });
  after(() => t.close());

  for (const v of ['1.2', '1.3']) {
    it(`curl resumes the control session on TLS ${v}`, async () => {
      const r = await run('curl', ['-sS', '--ssl-reqd', '--tls-max', v, '--cacert', ca(), `ftp://alice:secret@127.0.0.1:${t.port}/hello.txt`]);
      assert.equal(r.stdout, 'hello world\n', r.stderr);
    });
    it(`stock Python ftplib (no reuse) is refused with 425 on TLS ${v}`, async () => {
      const r = await python(
        PY_PRELUDE +
          `
f = ftplib.FTP_TLS(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
try:
    f.retrbinary('RETR hello.txt', sys.stdout.buffer.write)
    print('TRANSFERRED')
except Exception as e:
    print('ERR', type(e).__name__)
print(f.getline() if False else '')
`,
        pyEnv(t, { TLSMAX: v }),
      );
      assert.doesNotMatch(r.stdout, /TRANSFERRED/);
      assert.ok(t.logs.some((l) => l.includes('did not resume the control session')));
    });
    it(`Python with session=self.sock.session resumes five transfers in a row on TLS ${v} (RETR, NLST, STOR, LIST, RETR)`, async () => {
      const before = t.logs.length;
      const r = await python(
        PY_PRELUDE +
          `
f = ReuseFTP(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
out = io.BytesIO()
f.retrbinary('RETR hello.txt', out.write)
print('hello.txt' in f.nlst())
f.storbinary('STOR five.bin', io.BytesIO(b'5' * 200000))
lines = []; f.retrlines('LIST', lines.append); print(any(l.endswith(' five.bin') for l in lines))
f.retrbinary('RETR five.bin', out.write)
print(len(out.getvalue()))
f.quit()
`,
        pyEnv(t, { TLSMAX: v }),
      );
      assert.equal(r.stdout.trim(), 'True\nTrue\n200012', r.stderr);
      const data = t.logs.slice(before).filter((l) => l.includes('"channel":"data"'));
      assert.equal(data.length, 5, data.join('\n'));
      assert.ok(data.every((l) => l.includes('"reused":true')), data.join('\n'));
    });
  }

  // curl#6149: a ticket that reaches a client after it closed its socket with upload bytes
  // still queued makes its kernel reset the connection and drop them (426). The server sends
  // nothing on a TLS 1.3 upload before the client's data has ended.
  it('TLS 1.3 upload: no byte (NewSessionTicket) reaches the client before its data has ended', async () => {
    const r = await python(
      PY_PRELUDE +
        `
import socket, time
class Probe(ReuseFTP):
    def ntransfercmd(self, cmd, rest=None):
        conn, size = ReuseFTP.ntransfercmd(self, cmd, rest)
        conn.sendall(b'x' * 100000)
        time.sleep(0.3)
        conn.settimeout(0)   # peek at the raw socket, below TLS
        try:
            early = len(socket.socket.recv(conn, 4096, socket.MSG_PEEK))
        except BlockingIOError:
            early = 0
        conn.settimeout(10)
        print('early bytes', early)
        return conn, size
f = Probe(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
print(f.storbinary('STOR probe.bin', io.BytesIO(b'')))
f.quit()
`,
      pyEnv(t, { TLSMAX: '1.3' }),
    );
    assert.match(r.stdout, /^early bytes 0$/m, r.stdout + r.stderr);
    assert.match(r.stdout, /^226 /m, r.stderr);
    assert.equal(statSync(join(t.home, 'probe.bin')).size, 100000);
  });

  it('curl TLS 1.3 uploads 4 MiB intact (sha256) and downloads it again', async () => {
    const src = join(tmp(), 'big.bin');
    writeFileSync(src, randomBytes(4 * 1024 * 1024));
    const url = `ftp://alice:secret@127.0.0.1:${t.port}/big13.bin`;
    const put = await run('curl', ['-sS', '--ssl-reqd', '--tlsv1.3', '--cacert', ca(), '-T', src, url], { timeoutMs: 30000 });
    assert.equal(put.code, 0, put.stderr);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(readFileSync(join(t.home, 'big13.bin'))), sha(readFileSync(src)));
    const back = join(tmp(), 'back.bin');
    const get = await run('curl', ['-sS', '--ssl-reqd', '--tlsv1.3', '--cacert', ca(), '-o', back, url], { timeoutMs: 30000 });
    assert.equal(get.code, 0, get.stderr);
    assert.equal(sha(readFileSync(back)), sha(readFileSync(src)));
  });

  it('refuses another control connection\'s session (s_client -sess_out / -sess_in)', async () => {
    const dir = tmp();
    const sess = join(dir, 'a.sess');
    // Control connection A: save its session.
    await run('openssl', ['s_client', '-starttls', 'ftp', '-connect', `127.0.0.1:${t.port}`, '-tls1_2', '-CAfile', ca(), '-sess_out', sess], { input: 'QUIT\r\n', timeoutMs: 10000 });
    // Control connection B: PASV + RETR; offer A's session on B's data port.
    const b = await RawFtp.connect(t.port);
    try {
      await b.read();
      await b.authTls({ maxVersion: 'TLSv1.2' });
      await login(b);
      await b.cmd('PBSZ 0');
      await b.cmd('PROT P');
      const pasv = await b.cmd('EPSV');
      const port = Number(/\|\|\|(\d+)\|/.exec(pasv.text)![1]);
      b.write('RETR hello.txt\r\n');
      const sc = run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_2', '-CAfile', ca(), '-sess_in', sess], { input: '', timeoutMs: 10000 });
      assert.equal((await b.read()).code, 150);
      const done = await b.read(10000);
      assert.equal(done.code, 425, done.text);
      const out = await sc;
      assert.doesNotMatch(out.stdout, /^Reused/m);
    } finally {
      b.close();
    }
  });

  it('lftp resumes data sessions', async () => {
    const r = await run('lftp', ['-c', `set ssl:ca-file ${ca()}; set ftp:ssl-force true; set ftp:ssl-protect-data true; set net:max-retries 1; set net:timeout 5; open -u alice,secret ftp://127.0.0.1:${t.port}; cat hello.txt; cls`]);
    assert.match(r.stdout, /hello world/, r.stderr);
    assert.match(r.stdout, /hello\.txt/);
  });

  it('PROT C is refused under SECURE_DATACONN PRIVATE and a clear transfer gets 425', async () => {
    const c = await RawFtp.connect(t.port);
    try {
      await c.read();
      await c.authTls();
      await login(c);
      await c.cmd('PBSZ 0');
      assert.match((await c.cmd('PROT C')).text, /^536 Data connection protection level C not supported/);
      await c.cmd('PASV');
      assert.equal((await c.cmd('RETR hello.txt')).text, '425 Server requires protected data connection.');
    } finally {
      c.close();
    }
  });
});

describe('SECURE_SESSION_REUSE ALLOWED accepts fresh handshakes', { timeout: 30000 }, () => {
  it('stock Python ftplib transfers', async () => {
    const t = await startTestServer({ sessionReuse: 'ALLOWED' });
    try {
      const r = await python(PY_PRELUDE + `
f = ftplib.FTP_TLS(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
out = io.BytesIO(); f.retrbinary('RETR hello.txt', out.write); print(out.getvalue().decode().strip()); f.quit()
`, pyEnv(t));
      assert.equal(r.stdout.trim(), 'hello world', r.stderr);
    } finally {
      await t.close();
    }
  });
});

describe('cipher suites as configured', { timeout: 30000 }, () => {
  it('offers only the configured suites, in the configured order', async () => {
    const t = await startTestServer({ tls: { ciphers: 'AES128-SHA:AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' } });
    try {
      const s = await run('openssl', ['s_client', '-starttls', 'ftp', '-connect', `127.0.0.1:${t.port}`, '-CAfile', ca(), '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384:AES256-GCM-SHA384:AES128-SHA'], { input: 'QUIT\r\n', timeoutMs: 10000 });
      assert.match(s.stdout, /Cipher is AES128-SHA/);
      const only = await run('openssl', ['s_client', '-starttls', 'ftp', '-connect', `127.0.0.1:${t.port}`, '-CAfile', ca(), '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256'], { input: 'QUIT\r\n', timeoutMs: 10000 });
      assert.doesNotMatch(only.stdout, /Cipher is ECDHE-RSA-AES128-GCM-SHA256/);
      const v13 = await run('openssl', ['s_client', '-starttls', 'ftp', '-connect', `127.0.0.1:${t.port}`, '-CAfile', ca(), '-tls1_3'], { input: 'QUIT\r\n', timeoutMs: 10000 });
      assert.doesNotMatch(v13.stdout, /TLSv1\.3/);
    } finally {
      await t.close();
    }
  });

  it('TLS 1.3 suites in the configured order', async () => {
    const t = await startTestServer({ tls: { ciphers: 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256:ECDHE-RSA-AES128-GCM-SHA256', minVersion: 'TLSv1.3' } });
    try {
      const s = await run('openssl', ['s_client', '-starttls', 'ftp', '-connect', `127.0.0.1:${t.port}`, '-CAfile', ca(), '-ciphersuites', 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256'], { input: 'QUIT\r\n', timeoutMs: 10000 });
      assert.match(s.stdout, /Cipher is TLS_AES_128_GCM_SHA256/);
    } finally {
      await t.close();
    }
  });
});
