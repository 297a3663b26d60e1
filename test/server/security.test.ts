import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startTestServer, run, python, PY_PRELUDE, type SettingsPatch } from './support/harness';
import { RawFtp, login } from './support/raw';
import { testPki } from './support/pki';

const ca = () => testPki().caPath;

/**
 * Python prelude: AUTH TLS and login as alice with TLS driven through memory BIOs, so a test
 * controls exactly which bytes (TLS records or plaintext) go out in which TCP segment.
 * Leaves `s` (the socket), `obj` (the TLS object), `pump()` and `cmd(bytes)`.
 */
const TLS_LOGIN_OVER_MEMORY_BIO = `
import socket, ssl, os
ctx = ssl.create_default_context(cafile=os.environ['CA'])
s = socket.create_connection(('127.0.0.1', int(os.environ['PORT'])), timeout=10)
f = s.makefile('rb')
f.readline(); s.sendall(b'AUTH TLS\\r\\n'); f.readline()
inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
obj = ctx.wrap_bio(inc, out, server_hostname='localhost')
def pump():
    d = out.read()
    if d: s.sendall(d)
while True:
    try:
        obj.do_handshake(); break
    except ssl.SSLWantReadError:
        pump(); inc.write(s.recv(65536))
pump()
def cmd(c):
    obj.write(c); pump()
    while True:
        try:
            return obj.read(4096)
        except ssl.SSLWantReadError:
            inc.write(s.recv(65536))
cmd(b'USER alice\\r\\n'); cmd(b'PASS secret\\r\\n')`;
async function withServer(patch: SettingsPatch, fn: (port: number, implicitPort?: number) => Promise<void>): Promise<void> {
  const t = await startTestServer(patch);
  try {
    await fn(t.port, t.implicitPort);
  } finally {
    await t.close();
  }
}
const cert = (name: string) => ({ cert: testPki().clients[name].cert, key: testPki().clients[name].key });
async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const p = (s.address() as net.AddressInfo).port;
  s.close();
  return p;
}

describe('SECURE_FTP REQUIRED', { timeout: 30000 }, () => {
  it('USER before AUTH gets 530, other commands 534, AUTH then works', () =>
    withServer({ secureFtp: 'REQUIRED' }, async (port) => {
      const c = await RawFtp.connect(port);
      try {
        await c.read();
        assert.equal((await c.cmd('USER alice')).code, 530);
        assert.equal((await c.cmd('PASV')).code, 534);
        assert.equal((await c.cmd('NOOP')).code, 200);
        await c.authTls();
        await login(c);
      } finally {
        c.close();
      }
    }));
});

describe('client authentication', { timeout: 60000 }, () => {
  const mappings = () => [
    { userId: 'alice', subjectFilter: 'CN=alice.OU=FTP.O=Test', issuerFingerprint256: testPki().caFingerprint256 },
    { userId: 'bob', fingerprint256: testPki().clients.carol.fingerprint256 },
  ];

  it('level 1: no certificate → 531 on USER; rogue CA → connection closed; CA-signed → 331', () =>
    withServer({ secureLogin: 'REQUIRED', tls: { clientCert: 'request' } }, async (port) => {
      const none = await RawFtp.connect(port);
      await none.read();
      await none.authTls();
      assert.equal((await none.cmd('USER alice')).text, '531 Server requires client certificate for login processing');
      none.close();
      const rogue = await RawFtp.connect(port);
      await rogue.read();
      await rogue.authTls(cert('mallory')).catch(() => undefined);
      await assert.rejects(rogue.cmd('USER alice'));
      const good = await RawFtp.connect(port);
      await good.read();
      await good.authTls(cert('alice'));
      assert.equal((await good.cmd('USER alice')).code, 331);
      good.close();
    }));

  it('level 1 with a registered self-signed certificate (matched by fingerprint, not a CA)', () =>
    withServer({ secureLogin: 'REQUIRED', tls: { clientCert: 'request', trustedSelfSigned: [testPki().clients.carol.fingerprint256] } }, async (port) => {
      const c = await RawFtp.connect(port);
      await c.read();
      await c.authTls(cert('carol'));
      assert.equal((await c.cmd('USER bob')).code, 331);
      c.close();
    }));

  it('level 2: the same CN from another CA is refused; the mapped certificate logs in', () =>
    withServer({ secureLogin: 'VERIFY_USER', tls: { clientCert: 'request', trustedCas: [testPki().caCert, require('node:fs').readFileSync(testPki().dir + '/rogue.crt', 'utf8')] }, certificateMappings: mappings() }, async (port) => {
      const m = await RawFtp.connect(port);
      await m.read();
      await m.authTls(cert('mallory'));
      assert.equal((await m.cmd('USER alice')).code, 530);
      m.close();
      const a = await RawFtp.connect(port);
      await a.read();
      await a.authTls(cert('alice'));
      await login(a);
      assert.equal((await a.cmd('USER bob')).code, 530); // alice's certificate does not map to bob
      a.close();
    }));

  it('level 3: a permit for another port is refused, for this port accepted', async () => {
    const port = await freePort();
    const level3 = (ports: (number | '*')[]) => ({ profile: 'EZB.FTP.SYS1.FTPD1.PORT*', ports, permitted: ['ALICE'] });
    await withServer({ port, secureLogin: 'VERIFY_USER', tls: { clientCert: 'request' }, certificateMappings: mappings(), level3: { ...level3([port]), permitted: ['CAROL'] } }, async (p) => {
      const a = await RawFtp.connect(p);
      await a.read();
      await a.authTls(cert('alice'));
      assert.equal((await a.cmd('USER alice')).code, 530);
      a.close();
    });
    await withServer({ port, secureLogin: 'VERIFY_USER', tls: { clientCert: 'request' }, certificateMappings: mappings(), level3: level3([port]) }, async (p) => {
      const a = await RawFtp.connect(p);
      await a.read();
      await a.authTls(cert('alice'));
      assert.equal((await a.cmd('USER alice')).code, 331);
      a.close();
    });
  });

  it('SECURE_PASSWORD OPTIONAL: mapped certificate → 230-User alice is an authorized user', () =>
    withServer({ secureLogin: 'VERIFY_USER', securePassword: 'OPTIONAL', tls: { clientCert: 'request' }, certificateMappings: mappings() }, async (port) => {
      const a = await RawFtp.connect(port);
      await a.read();
      await a.authTls(cert('alice'));
      const r = await a.cmd('USER alice');
      assert.equal(r.code, 230);
      assert.equal(r.lines[0], '230-User alice is an authorized user');
      assert.equal((await a.cmd('PWD')).code, 257);
      a.close();
    }));

  it('AT-TLS ClientAuthType Required: the handshake itself fails without a certificate', () =>
    withServer({ tls: { clientCert: 'require' } }, async (port) => {
      const c = await RawFtp.connect(port);
      await c.read();
      await assert.rejects(async () => {
        await c.authTls();
        await c.cmd('NOOP');
      });
    }));
});

describe('CCC', { timeout: 60000 }, () => {
  it('Python FTP_TLS.ccc(), then plaintext commands', () =>
    withServer({}, async (port) => {
      const r = await python(PY_PRELUDE + `
f = ftplib.FTP_TLS(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
print(f.ccc()); print(f.pwd()); f.prot_c() if False else None
out = io.BytesIO(); f.retrbinary('RETR hello.txt', out.write); print(out.getvalue().decode().strip())
try:
    f.sendcmd('PROT C')
except ftplib.error_perm as e:
    print(e)
f.quit()
`, { CA: ca(), PORT: String(port) });
      assert.match(r.stdout, /^200 /m, r.stderr);
      assert.match(r.stdout, /^\/$/m);
      assert.match(r.stdout, /hello world/);
      assert.match(r.stdout, /503 Command PROT rejected -- PROT not allowed after CCC/);
    }));

  for (const mode of ['passive', 'active']) {
    it(`curl --ftp-ssl-ccc-mode ${mode}`, () =>
      withServer({}, async (port) => {
        const r = await run('curl', ['-sS', '--ssl-reqd', '--ftp-ssl-ccc', '--ftp-ssl-ccc-mode', mode, '--cacert', ca(), `ftp://alice:secret@127.0.0.1:${port}/hello.txt`]);
        assert.equal(r.stdout, 'hello world\n', r.stderr);
      }));
  }

  it('lftp with ftp:ssl-use-ccc', () =>
    withServer({}, async (port) => {
      const r = await run('lftp', ['-c', `set ssl:ca-file ${ca()}; set ftp:ssl-force true; set ftp:ssl-use-ccc true; set net:max-retries 1; set net:timeout 5; open -u alice,secret ftp://127.0.0.1:${port}; cat hello.txt`]);
      assert.match(r.stdout, /hello world/, r.stderr);
    }));

  // lftp keeps reading reply lines after CCC's 200 and takes a TLS EOF found there for
  // "Peer closed connection": a server close_notify sent right behind the 200 lost the
  // session whenever both arrived in one read (under CPU load). The server's close_notify
  // must answer the client's.
  it('the server close_notify answers the client close_notify; nothing follows the 200 before it', () =>
    withServer({}, async (port) => {
      const r = await python(`${TLS_LOGIN_OVER_MEMORY_BIO}
import time
print(cmd(b'CCC\\r\\n').decode().strip())
time.sleep(0.2)   # a client busy elsewhere (lftp under load) before it reads on
s.setblocking(False)
try:
    early = len(s.recv(65536))
except BlockingIOError:
    early = 0
s.setblocking(True)
print('bytes after 200 before our close_notify:', inc.pending + early)
try:
    obj.unwrap()
except ssl.SSLWantReadError:
    pump()
    while True:
        try:
            obj.unwrap(); break
        except ssl.SSLWantReadError:
            inc.write(s.recv(65536))
print('server close_notify received')
s.sendall(b'PWD\\r\\n')
print(f.readline().decode().strip())
`, { CA: ca(), PORT: String(port) });
      assert.match(r.stdout, /^200 /m, r.stderr);
      assert.match(r.stdout, /bytes after 200 before our close_notify: 0$/m);
      assert.match(r.stdout, /server close_notify received/);
      assert.match(r.stdout, /257 "\/" is the current directory/);
    }));

  it('close_notify and the next command in one TCP segment', () =>
    withServer({}, async (port) => {
      const r = await python(`${TLS_LOGIN_OVER_MEMORY_BIO}
print(cmd(b'CCC\\r\\n').decode().strip())
try:
    obj.unwrap()
except ssl.SSLWantReadError:
    pass
s.sendall(out.read() + b'PWD\\r\\n')   # close_notify + plaintext in one segment
data = b''
while b'257' not in data:
    data += s.recv(65536)
print(data[data.index(b'257'):].decode().strip())
`, { CA: ca(), PORT: String(port) });
      assert.match(r.stdout, /^200 /m, r.stderr);
      assert.match(r.stdout, /257 "\/" is the current directory/);
    }));

  it('534 under SECURE_CTRLCONN PRIVATE and at TLSRFCLEVEL DRAFT', async () => {
    for (const patch of [{ secureCtrlConn: 'PRIVATE' as const }, { rfcLevel: 'DRAFT' as const }]) {
      await withServer(patch, async (port) => {
        const c = await RawFtp.connect(port);
        await c.read();
        await c.authTls();
        assert.match((await c.cmd('CCC')).text, /^534 CCC not supported/);
        c.close();
      });
    }
  });
});

describe('implicit TLS (TLSPORT)', { timeout: 30000 }, () => {
  it('SECUREIMPLICITZOS FALSE: handshake first; curl ftps:// works; AUTH → 503, CCC → 534', () =>
    withServer({ implicitPort: 0, secureImplicitZos: false }, async (_p, implicitPort) => {
      const r = await run('curl', ['-sS', '--cacert', ca(), `ftps://alice:secret@127.0.0.1:${implicitPort}/hello.txt`]);
      assert.equal(r.stdout, 'hello world\n', r.stderr);
      const c = await RawFtp.connect(implicitPort!, { implicitTls: { servername: 'localhost' } });
      assert.equal((await c.read()).code, 220);
      assert.equal((await c.cmd('AUTH TLS')).text, '503 Server on the TLS secure port does not accept the AUTH command.');
      assert.match((await c.cmd('CCC')).text, /^534 Command CCC not allowed for connection to secure port/);
      c.close();
    }));

  it('SECUREIMPLICITZOS TRUE: 220 in clear, then the handshake', () =>
    withServer({ implicitPort: 0, secureImplicitZos: true }, async (_p, implicitPort) => {
      const c = await RawFtp.connect(implicitPort!);
      assert.equal((await c.read()).code, 220);
      const tls = await import('node:tls');
      const s = tls.connect({ socket: c.sock as net.Socket, ca: testPki().caCert, servername: 'localhost' });
      await new Promise((res, rej) => { s.once('secureConnect', res); s.once('error', rej); });
      s.write('USER alice\r\n');
      const reply = await new Promise<string>((res) => s.once('data', (d) => res(String(d))));
      assert.match(reply, /^331 /);
      s.destroy();
    }));
});

describe('REIN', { timeout: 20000 }, () => {
  it('answers 220 over TLS and resets the login', () =>
    withServer({}, async (port) => {
      const c = await RawFtp.connect(port);
      await c.read();
      await c.authTls();
      await login(c);
      assert.equal((await c.cmd('REIN')).code, 220);
      c.close();
    }));
});

describe('limits', { timeout: 20000 }, () => {
  it('locks an address out after repeated failed logins (421)', () =>
    withServer({ limits: { maxLoginFailures: 2, lockoutSeconds: 60 } }, async (port) => {
      const c = await RawFtp.connect(port);
      await c.read();
      await c.cmd('USER alice');
      assert.equal((await c.cmd('PASS wrong')).code, 530);
      await c.cmd('USER alice');
      const r = await c.cmd('PASS wrong');
      assert.equal(r.code, 530);
      assert.equal((await c.read()).code, 421);
      const again = await RawFtp.connect(port);
      assert.equal((await again.read()).code, 421);
    }));

  it('max sessions per address → 421', () =>
    withServer({ limits: { maxSessionsPerAddress: 1 } }, async (port) => {
      const a = await RawFtp.connect(port);
      assert.equal((await a.read()).code, 220);
      const b = await RawFtp.connect(port);
      assert.equal((await b.read()).code, 421);
      a.close();
    }));
});
