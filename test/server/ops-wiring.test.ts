/**
 * The engine wired to lib/server/ops: pino event lines with session ids, xferlog,
 * metrics and the ops endpoint, driven by real clients (curl, Python ftplib, a raw
 * control connection) over loopback.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as net from 'node:net';
import { startServer, type RunningServer } from '../../lib/server';
import { baseSettings, python, PY_PRELUDE, run, tmp, type SettingsPatch } from './support/harness';
import { RawFtp, login } from './support/raw';
import { testPki } from './support/pki';
import { DEMO_PASSWORD, openProtectedData, readAll, ROOT, startChild, synthQuickstart, until, type Quickstart } from './support/quickstart';

interface Started {
  server: RunningServer;
  root: string;
  logFile: string;
  xferlog: string;
  lines(): Record<string, unknown>[];
}

const servers: RunningServer[] = [];
after(async () => {
  for (const s of servers) await s.close(100);
});

/** A server with the default (pino) logger writing to a file, an xferlog and an ops endpoint. */
async function start(patch: SettingsPatch = {}): Promise<Started> {
  const root = tmp('zftps-ops-');
  for (const u of ['alice', 'bob']) mkdirSync(join(root, u));
  writeFileSync(join(root, 'alice', 'hello.txt'), 'hello world\n');
  const logFile = join(root, 'logs', 'zftps.log');
  const xferlog = join(root, 'logs', 'xferlog');
  const settings = { ...baseSettings(root, patch), logLevel: 'info' as const, xferlog, ops: { port: 0 } };
  const server = await startServer(settings, { logDestination: logFile });
  servers.push(server);
  const lines = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { server, root, logFile, xferlog, lines };
}

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, body: await r.text() };
}

function metric(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  assert.ok(line, `no series ${series} in\n${text}`);
  return Number(line.split(' ')[1]);
}

const ca = () => testPki().caPath;

describe('ops wired into the engine', { timeout: 60000 }, () => {
  it('logs TLS, client certificate, login and transfer events per session; writes xferlog; counts metrics', async () => {
    const t = await start({ tls: { clientCert: 'request' } });
    const url = `ftp://alice:secret@127.0.0.1:${t.server.port}`;
    const alice = testPki().clients.alice;
    const src = join(tmp(), 'up.bin');
    writeFileSync(src, Buffer.alloc(100000, 3));
    const put = await run('curl', ['-sS', '--ssl-reqd', '--tls-max', '1.2', '--cacert', ca(), '-T', src, `${url}/up.bin`]);
    assert.equal(put.code, 0, put.stderr);
    const got = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca(), '--cert', alice.certPath, '--key', alice.keyPath, `${url}/hello.txt`]);
    assert.equal(got.stdout, 'hello world\n', got.stderr);
    const bad = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca(), `ftp://alice:wrong@127.0.0.1:${t.server.port}/hello.txt`]);
    assert.notEqual(bad.code, 0);
    // A certificate from another CA: the server ends the connection after the handshake.
    const mallory = testPki().clients.mallory;
    const rogue = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca(), '--cert', mallory.certPath, '--key', mallory.keyPath, `${url}/hello.txt`]);
    assert.notEqual(rogue.code, 0);

    const lines = t.lines();
    const events = (name: string) => lines.filter((l) => l.event === name);
    for (const l of lines) assert.equal(l.service, 'zftps');
    const control = events('tls.established').filter((l) => l.channel === 'control');
    assert.ok(control.length >= 3);
    assert.ok(control.every((l) => /^TLSv1\.[23]$/.test(String(l.version)) && typeof l.cipher === 'string' && typeof l.session === 'string'));
    assert.ok(events('tls.established').some((l) => l.channel === 'data' && l.reused === true), 'curl resumes on the data connection');
    const certs = events('tls.client_certificate');
    assert.ok(certs.some((l) => /CN=alice/.test(String(l.subject)) && /CN=ca CA/.test(String(l.issuer)) && l.verified === true));
    assert.ok(certs.some((l) => /CN=rogue CA/.test(String(l.issuer)) && l.verified === false));
    assert.equal(events('tls.handshake_failed').length, 1);
    const logins = events('login');
    assert.equal(logins.length, 2);
    assert.deepEqual([...new Set(logins.map((l) => l.user))], ['alice']);
    assert.equal(events('login.failed')[0].reason, 'bad-password');
    const transfers = events('transfer');
    assert.deepEqual(
      transfers.map((l) => [l.direction, l.path, l.bytes, l.result]),
      [
        ['in', '/up.bin', 100000, 'ok'],
        ['out', '/hello.txt', 12, 'ok'],
      ],
    );
    // One session id per control connection, on every line of that session.
    const uploadSession = transfers[0].session;
    assert.ok(control.some((l) => l.session === uploadSession));
    assert.notEqual(transfers[1].session, uploadSession);
    assert.ok(!readFileSync(t.logFile, 'utf8').includes('secret'), 'no password in the log');

    const x = readFileSync(t.xferlog, 'utf8').trim().split('\n');
    assert.equal(x.length, 2);
    assert.match(x[0], /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} \d+ 127\.0\.0\.1 100000 \/up\.bin b _ i r alice ftp 0 \* c$/);
    assert.match(x[1], / 12 \/hello\.txt b _ o r alice ftp 0 \* c$/);

    const m = (await get(t.server.opsPort!, '/metrics')).body;
    assert.equal(metric(m, 'zftps_sessions_total'), 4);
    assert.equal(metric(m, 'zftps_data_bytes_total{direction="in"}'), 100000);
    assert.equal(metric(m, 'zftps_data_bytes_total{direction="out"}'), 12);
    assert.equal(metric(m, 'zftps_transfers_total{direction="in",result="ok"}'), 1);
    assert.equal(metric(m, 'zftps_login_failures_total{reason="bad-password"}'), 1);
    assert.equal(metric(m, 'zftps_tls_handshake_failures_total{channel="control"}'), 1);
  });

  it('counts reuse refusals (stock Python ftplib under SECURE_SESSION_REUSE REQUIRED)', async () => {
    const t = await start({ sessionReuse: 'REQUIRED', secureDataConn: 'PRIVATE' });
    const r = await python(
      PY_PRELUDE +
        `
f = ftplib.FTP_TLS(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
try:
    f.retrbinary('RETR hello.txt', sys.stdout.buffer.write)
except Exception:
    # The server drops the data connection, then answers on the control connection.
    try:
        f.getresp()
    except ftplib.error_temp as e:
        print('REFUSED', str(e)[:3])
`,
      { CA: ca(), PORT: String(t.server.port), TLSMAX: '1.2' },
    );
    assert.match(r.stdout, /REFUSED 425/, r.stderr);
    const m = (await get(t.server.opsPort!, '/metrics')).body;
    assert.equal(metric(m, 'zftps_tls_reuse_refusals_total{reason="not-resumed"}'), 1);
    assert.ok(t.lines().some((l) => l.event === 'tls.reuse_refused'));
  });

  it('/readyz turns 503 at shutdown; a running upload finishes, new connections get 421', async () => {
    const t = await start({ limits: { shutdownGraceSeconds: 10 } });
    const ops = t.server.opsPort!;
    assert.equal((await get(ops, '/livez')).status, 200);
    assert.equal((await get(ops, '/readyz')).status, 200);
    const c = await RawFtp.connect(t.server.port);
    await c.read();
    await login(c);
    await c.cmd('TYPE I');
    const pasv = await c.cmd('EPSV');
    const dataPort = Number(/\|\|\|(\d+)\|/.exec(pasv.text)![1]);
    c.write('STOR late.bin\r\n');
    const data = net.connect({ host: '127.0.0.1', port: dataPort });
    await new Promise((r) => data.once('connect', r));
    assert.equal((await c.read()).code, 150);
    data.write(Buffer.alloc(50000, 1));

    const closed = t.server.close();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await get(ops, '/readyz')).status, 503);
    const late = await RawFtp.connect(t.server.port);
    assert.equal((await late.read()).code, 421);
    data.end(Buffer.alloc(50000, 2));
    assert.equal((await c.read()).code, 226);
    assert.equal((await c.read()).code, 421);
    await closed;
    assert.equal(readFileSync(join(t.root, 'alice', 'late.bin')).length, 100000);
    await assert.rejects(get(ops, '/livez'));
    assert.ok(t.lines().some((l) => l.event === 'server.closed'));
  });
});

describe('signals on a real server process (synthesized quickstart)', { timeout: 120000 }, () => {
  const main = join(ROOT, 'lib/server/main.ts');
  const serve = (qs: Quickstart, keysDir: string, extra: string[] = []) =>
    startChild(process.execPath, ['--import', 'tsx', main, '--config', qs.config, '--port', '0', '--root', tmp('zftps-data-'), '--keys-dir', keysDir, ...extra]);

  /** A protected, logged-in control connection to the quickstart server. */
  async function session(port: number, ca: string): Promise<RawFtp> {
    const c = await RawFtp.connect(port);
    assert.equal((await c.read()).code, 220);
    await c.authTls({ ca, servername: 'localhost' });
    await login(c, 'demo', DEMO_PASSWORD);
    assert.equal((await c.cmd('PBSZ 0')).code, 200);
    assert.equal((await c.cmd('PROT P')).code, 200);
    return c;
  }

  function peerSubject(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      RawFtp.connect(port).then(async (c) => {
        await c.read();
        const s = await c.authTls({ rejectUnauthorized: false });
        resolve(s.getPeerCertificate().subject.CN);
        c.close();
      }, reject);
    });
  }

  it('SIGHUP: a new connection gets the new certificate, an open session keeps working', async () => {
    const qs = synthQuickstart();
    const keys = tmp('zftps-keys-');
    cpSync(join(qs.dir, 'keys'), keys, { recursive: true });
    const oldCa = readFileSync(join(keys, 'server.chain.pem'), 'utf8');
    const child = await serve(qs, keys);
    try {
      const c = await session(child.port, oldCa);
      assert.equal(await peerSubject(child.port), 'localhost');

      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(keys, 'server.key.pem'), '-out', join(keys, 'server.chain.pem'), '-days', '1', '-subj', '/CN=reloaded', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'pipe' });
      child.proc.kill('SIGHUP');
      await until(() => child.stderr().includes('config.reloaded'), 'config.reloaded');
      assert.equal(await peerSubject(child.port), 'reloaded');

      // The session opened before the reload: its control TLS and its session cache are untouched.
      assert.equal((await c.cmd('PWD')).code, 257);
      const { data, reply150 } = await openProtectedData(c, 'LIST', oldCa);
      assert.equal(reply150, 150);
      await readAll(data);
      assert.equal((await c.read()).code, 226);
      c.close();
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('SIGHUP with a broken key keeps the old configuration and serving', async () => {
    const qs = synthQuickstart();
    const keys = tmp('zftps-keys-');
    cpSync(join(qs.dir, 'keys'), keys, { recursive: true });
    const child = await serve(qs, keys);
    try {
      writeFileSync(join(keys, 'server.key.pem'), 'not a key\n');
      child.proc.kill('SIGHUP');
      await until(() => child.stderr().includes('config.reload_failed'), 'config.reload_failed').catch((e: Error) => assert.fail(`${e.message}: ${child.stderr()}`));
      assert.equal(await peerSubject(child.port), 'localhost');
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('SIGTERM: the running upload finishes, new connections get 421, /readyz 503, exit 0', async () => {
    const qs = synthQuickstart();
    const ca = readFileSync(join(qs.dir, 'keys', 'server.chain.pem'), 'utf8');
    const child = await serve(qs, join(qs.dir, 'keys'), ['--ops-port', '0']);
    const c = await session(child.port, ca);
    await c.cmd('TYPE I');
    const { data, reply150 } = await openProtectedData(c, 'STOR big.bin', ca);
    assert.equal(reply150, 150);
    data.write(Buffer.alloc(64 * 1024, 1));
    child.proc.kill('SIGTERM');
    const ready = await until503(child.opsPort!);
    assert.equal(ready, 503);
    const late = await RawFtp.connect(child.port);
    assert.equal((await late.read()).code, 421);
    await new Promise<void>((r) => data.end(Buffer.alloc(64 * 1024, 2), () => r()));
    assert.equal((await c.read(10000).catch((e: Error) => assert.fail(`${e.message}\n${child.stderr()}`))).code, 226);
    assert.equal((await c.read()).code, 421);
    assert.equal(await child.exited, 0);
  });
});

async function until503(port: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const s = (await get(port, '/readyz')).status;
    if (s === 503) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  return 200;
}
