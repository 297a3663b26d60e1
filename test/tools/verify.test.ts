/**
 * zftps verify against real zftps servers: the server synth configured passes
 * every check; servers started with one setting changed fail exactly the check
 * that covers that setting, and every other check still passes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FtpsApp, KeyRing, KeyRingName, SecureFtpServer, ClientAuthLevel, ClientCertificate, CertificateAuthority, Password } from '../../lib/constructs';
import { synthesize } from '../../lib/synth';
import { loadServerConfig, startServer, type EffectiveSettings, type TransferRecord } from '../../lib/server';
import { verifyServer, parseTarget, renderVerifyReport, verifyExitCode, type VerifyReport } from '../../lib/tools/verify';
import { artifactPath, manifestServer, readManifest } from '../../lib/manifest';

let dir: string;
let outdir: string;
let configFile: string;
let base: EffectiveSettings;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zftps-verify-'));
  outdir = join(dir, 'out');
  const app = new FtpsApp({ outdir, keyStoreDir: join(dir, 'keys'), quiet: true });
  const ca = new CertificateAuthority('ca');
  const keyRing = new KeyRing(app, 'ring', {
    name: KeyRingName.saf('FTPRING'),
    certificateAuthorities: [ca],
    serverCertificate: { signedBy: ca, ipAddresses: ['127.0.0.1'] },
    clientCertificates: [new ClientCertificate('alice', { userId: 'ALICE', signedBy: ca })],
  });
  new SecureFtpServer(app, 'ftps1', {
    keyRing,
    clientAuth: ClientAuthLevel.LEVEL_2,
    implicitTls: { port: 990 },
    users: [
      { name: 'alice', password: Password.of('secret') },
      { name: 'bob', password: Password.of('bobpw') },
    ],
  });
  await synthesize(app, { outdir, keyStoreDir: join(dir, 'keys') });
  configFile = artifactPath(outdir, manifestServer(readManifest(outdir)), 'serverConfig');
  const root = join(dir, 'root');
  mkdirSync(join(root, 'alice'), { recursive: true });
  mkdirSync(join(root, 'bob'), { recursive: true });
  writeFileSync(join(root, 'alice', 'hello.txt'), 'hello\n');
  base = await loadServerConfig(configFile, { port: 0, implicitPort: 0, root, logLevel: 'silent' });
  base = { ...base, limits: { ...base.limits, failedLoginDelayMs: 50 } };
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function verifyAgainst(settings: EffectiveSettings, onTransfer?: (t: TransferRecord) => void): Promise<VerifyReport> {
  const server = await startServer(settings, { onTransfer });
  try {
    return await verifyServer({ target: `127.0.0.1:${server.port}`, outdir, implicitPort: server.implicitPort, user: 'alice', password: 'secret' });
  } finally {
    await server.close(200);
  }
}

const failing = (r: VerifyReport) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort();

function tree(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).sort().map((p) => {
    const st = statSync(join(root, p));
    return `${relative(root, join(root, p))} ${st.size} ${st.mtimeMs}`;
  });
}

describe('zftps verify', () => {
  it('the server synth configured passes every check, and nothing on the server changes', async () => {
    const before = tree(join(dir, 'root'));
    const transfers: TransferRecord[] = [];
    const r = await verifyAgainst(base, (t) => transfers.push(t));
    assert.deepEqual(failing(r), [], renderVerifyReport(r, 'text'));
    assert.equal(r.summary.skip, 0, renderVerifyReport(r, 'text'));
    assert.equal(verifyExitCode(r), 0);
    for (const id of ['certificate.fingerprint', 'certificate.chain', 'tls.version.TLSv1', 'tls.version.TLSv1.3', 'tls.ciphers.TLSv1.2.order', 'tls.ciphers.TLSv1.2.unconfigured-refused',
      'tls.ciphers.TLSv1.3.order', 'stat.tls-level', 'secure-ftp.required', 'prot-c', 'session-reuse.resumed', 'session-reuse.full-handshake',
      'client-auth.without-certificate', 'client-auth.with-certificate', 'client-auth.other-user', 'implicit-tls']) {
      assert.ok(r.checks.some((c) => c.id === id && c.status === 'pass'), `${id} passes`);
    }
    assert.ok(r.connections <= 60, `a bounded number of connections (${r.connections})`);
    assert.deepEqual(tree(join(dir, 'root')), before, 'no file on the server changed');
    assert.ok(transfers.every((t) => t.direction === 'out'), 'only downloads (LIST) were made');
  });

  // One setting changed on the running server → exactly the checks that cover it fail.
  const tls12Reversed = (s: EffectiveSettings) => {
    const names = s.tls!.ciphers.split(':');
    const v13 = names.filter((n) => n.startsWith('TLS_'));
    const v12 = names.filter((n) => !n.startsWith('TLS_') && !n.startsWith('@'));
    return [...v13, ...v12.reverse()].join(':');
  };
  const cases: { name: string; patch: (s: EffectiveSettings) => EffectiveSettings; fails: string[] }[] = [
    { name: 'TLS 1.2 cipher order reversed', patch: (s) => ({ ...s, tls: { ...s.tls!, ciphers: tls12Reversed(s) } }), fails: ['tls.ciphers.TLSv1.2.order'] },
    { name: 'TLS 1.3 off', patch: (s) => ({ ...s, tls: { ...s.tls!, maxVersion: 'TLSv1.2' } }), fails: ['tls.ciphers.TLSv1.3.order', 'tls.version.TLSv1.3'] },
    { name: 'TLS 1.1 on', patch: (s) => ({ ...s, tls: { ...s.tls!, minVersion: 'TLSv1.1', ciphers: s.tls!.ciphers + ':AES256-SHA:@SECLEVEL=0' } }), fails: ['tls.ciphers.TLSv1.2.unconfigured-refused', 'tls.version.TLSv1.1'] },
    { name: 'SECURE_FTP ALLOWED', patch: (s) => ({ ...s, secureFtp: 'ALLOWED' }), fails: ['secure-ftp.required'] },
    { name: 'SECURE_DATACONN CLEAR', patch: (s) => ({ ...s, secureDataConn: 'CLEAR' }), fails: ['prot-c'] },
    { name: 'SECURE_SESSION_REUSE ALLOWED', patch: (s) => ({ ...s, sessionReuse: 'ALLOWED' }), fails: ['session-reuse.full-handshake'] },
    { name: 'SECURE_LOGIN REQUIRED (level 1) instead of VERIFY_USER', patch: (s) => ({ ...s, secureLogin: 'REQUIRED' }), fails: ['client-auth.other-user'] },
    { name: 'ClientAuthType Full instead of Required', patch: (s) => ({ ...s, tls: { ...s.tls!, clientCert: 'request' } }), fails: ['client-auth.without-certificate'] },
    { name: 'TLSRFCLEVEL DRAFT', patch: (s) => ({ ...s, rfcLevel: 'DRAFT' }), fails: ['stat.tls-level'] },
    { name: 'SECUREIMPLICITZOS TRUE', patch: (s) => ({ ...s, secureImplicitZos: true }), fails: ['implicit-tls'] },
    { name: 'a different (self-signed) certificate', patch: (s) => ({ ...s, tls: { ...s.tls!, ...otherCertificate() } }), fails: ['certificate.chain', 'certificate.fingerprint'] },
  ];
  for (const c of cases) {
    it(`names the mismatch: ${c.name}`, async () => {
      const r = await verifyAgainst(c.patch(base));
      assert.deepEqual(failing(r), [...c.fails].sort(), renderVerifyReport(r, 'text'));
      assert.equal(verifyExitCode(r), 1);
      for (const id of c.fails) {
        const f = r.checks.find((x) => x.id === id)!;
        assert.ok(f.expected && f.observed && f.expected !== f.observed, `${id} says what it expected and what it saw`);
      }
    });
  }

  it('skips the session-reuse check with its reason when no credentials are given', async () => {
    const server = await startServer(base);
    try {
      const r = await verifyServer({ target: `127.0.0.1:${server.port}`, outdir, implicitPort: server.implicitPort });
      const reuse = r.checks.filter((c) => c.id.startsWith('session-reuse'));
      assert.equal(reuse.length, 2);
      for (const c of reuse) {
        assert.equal(c.status, 'skip');
        assert.match(c.reason!, /--user U --password-env VAR/);
      }
      assert.equal(verifyExitCode(r), 0);
    } finally {
      await server.close(200);
    }
  });

  it('probes loopback only unless the host is named with --allow-host', () => {
    assert.deepEqual(parseTarget('127.0.0.1:21'), { host: '127.0.0.1', port: 21 });
    assert.deepEqual(parseTarget('[::1]:2121'), { host: '::1', port: 2121 });
    assert.throws(() => parseTarget('zos.example.com:21'), /only loopback is probed unless the host is named with --allow-host zos.example.com/);
    assert.deepEqual(parseTarget('zos.example.com:21', ['zos.example.com']), { host: 'zos.example.com', port: 21 });
    assert.throws(() => parseTarget('127.0.0.1'), /is not host:port/);
  });

  it('CLI: JSON output and exit 0 against the matching server; exit 2 when unreachable or not loopback; no password option', async () => {
    const server = await startServer(base);
    try {
      const r = await cli(['verify', `127.0.0.1:${server.port}`, outdir, '--format', 'json', '--implicit-port', String(server.implicitPort), '--user', 'alice', '--password-env', 'VERIFY_PW'], { VERIFY_PW: 'secret' });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout) as VerifyReport;
      assert.equal(report.summary.fail, 0);
      assert.ok(report.checks.every((c) => ['pass', 'fail', 'skip'].includes(c.status) && typeof c.expected === 'string' && typeof c.observed === 'string'));
      assert.ok(!r.stdout.includes('secret'), 'the password is never printed');
    } finally {
      await server.close(200);
    }
    const closed = await cli(['verify', '127.0.0.1:1', outdir]);
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, /not reachable/);
    const remote = await cli(['verify', '192.0.2.1:21', outdir]);
    assert.equal(remote.code, 2);
    assert.match(remote.stderr, /--allow-host 192\.0\.2\.1/);
    const noManifest = await cli(['verify', '127.0.0.1:21', dir]);
    assert.equal(noManifest.code, 2);
    assert.match(noManifest.stderr, /manifest\.json not found/);
    const help = await cli(['verify', '--help']);
    assert.match(help.stdout, /--password-env/);
    assert.match(help.stdout, /never taken on the command line/);
    assert.doesNotMatch(help.stdout, /--password\s/);
  });
});

let other: { key: string; cert: string } | undefined;
function otherCertificate(): { key: string; cert: string } {
  if (other) return other;
  const d = mkdtempSync(join(tmpdir(), 'zftps-verify-other-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { cwd: d, stdio: 'pipe' });
  other = { key: readFileSync(join(d, 'k.pem'), 'utf8'), cert: readFileSync(join(d, 'c.pem'), 'utf8') };
  rmSync(d, { recursive: true, force: true });
  return other;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../lib/cli/main.ts'), ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
