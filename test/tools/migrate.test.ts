// zftps migrate --to attls: the native example's synthesized FTP.DATA becomes a lint-clean
// AT-TLS configuration that the zftps server, loaded exactly as z/OS files, serves to curl.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runProgram } from '../../lib/cli/run-program';
import { artifactPath, manifestServer, readManifest } from '../../lib/manifest';
import { loadZosConfig, startServer, type Logger } from '../../lib/server';
import { migrateToAttls } from '../../lib/tools/migrate';

const ROOT = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('curl', args, { timeout: 30000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }));
  });
}

describe('zftps migrate --to attls', () => {
  let out: string;
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zftps-migrate-'));
    out = join(dir, 'native');
    assert.equal(runProgram(join(ROOT, 'examples/native/main.ts'), { outdir: out, keyStoreDir: join(dir, 'keys') }), 0);
  });

  it('maps KEYRING, CIPHERSUITE (translated, in order), TLSTIMEOUT and SSLV3 into the policy, lint-clean', () => {
    const server = manifestServer(readManifest(out));
    const file = artifactPath(out, server, 'ftpData');
    const r = migrateToAttls({ ftpData: { text: readFileSync(file), file }, port: 2121 });
    assert.deepEqual(r.findings.filter((f) => f.severity !== 'info' && !f.acknowledged).map((f) => f.ruleId), []);
    assert.match(r.ftpData, /^TLSMECHANISM\s+ATTLS\b/m);
    for (const moved of ['KEYRING', 'CIPHERSUITE', 'TLSTIMEOUT', 'SSLV3']) assert.doesNotMatch(r.ftpData, new RegExp(`^${moved}\\b`, 'm'), moved);
    assert.match(r.policy, /Keyring\s+FTPRING/);
    assert.match(r.policy, /V3CipherSuites TLS_RSA_WITH_AES_256_CBC_SHA\n\s*V3CipherSuites TLS_RSA_WITH_AES_128_CBC_SHA\n/);
    assert.match(r.policy, /GSK_V3_SESSION_TIMEOUT 3600/);
    assert.match(r.policy, /LocalPortRange\s+2121/);
    assert.match(r.policy, /Direction\s+Inbound/);
    assert.match(r.policy, /ApplicationControlled On/);
    assert.match(r.policy, /SecondaryMap\s+On/);
    assert.match(r.policy, /HandshakeRole\s+Server\b/);
    for (const p of ['SSLv3 +Off', 'TLSv1 +Off', 'TLSv1\\.1 +Off', 'TLSv1\\.2 +On', 'TLSv1\\.3 +Off']) assert.match(r.policy, new RegExp(p));
    assert.match(r.policyAgentConfig, /^TTLSConfig \S+ FLUSH PURGE$/m);
    assert.match(r.tcpipProfile, /^TCPCONFIG TTLS/m);
    assert.match(r.report, /SSL_AES_256_SHA → TLS_RSA_WITH_AES_256_CBC_SHA/);
    assert.match(r.report, /CertificateLabel/);
    assert.match(r.report, /TLSv1\.2 and TLSv1\.3 Off/);
  });

  it('reports CCCNONOTIFY as an error with IBM\'s remedy, drops the null cipher, and maps client auth', () => {
    const text = [
      'EXTENSIONS AUTH_TLS', 'TLSMECHANISM FTP', 'TLSRFCLEVEL CCCNONOTIFY', 'KEYRING FTPD/RING1',
      'CIPHERSUITE SSL_NULL_SHA', 'CIPHERSUITE SSL_AES_128_SHA', 'SECURE_LOGIN VERIFY_USER', 'TLSPORT 990', '',
    ].join('\n');
    const r = migrateToAttls({ ftpData: { text, file: 'old.ftpdata' } });
    const error = r.notes.find((n) => n.kind === 'error' && /CCCNONOTIFY/.test(n.topic));
    assert.ok(error && /TLSRFCLEVEL RFC4217/.test(error.text), 'CCCNONOTIFY error names the remedy');
    assert.ok(r.findings.some((f) => f.ruleId === 'FTPD-CCCNONOTIFY-ATTLS'), 'lint of the result reports it too');
    assert.ok(r.notes.some((n) => n.topic === 'null cipher' && /SSL_NULL_SHA/.test(n.text)));
    assert.doesNotMatch(r.policy, /NULL/);
    assert.match(r.policy, /HandshakeRole\s+ServerWithClientAuth/);
    assert.match(r.policy, /ClientAuthType\s+Required/);
    assert.match(r.policy, /Keyring\s+FTPD\/RING1/);
    assert.match(r.policy, /GSK_V3_SESSION_TIMEOUT 100/, 'TLSTIMEOUT default carried over');
    assert.match(r.policy, /LocalPortRange\s+990/, 'the implicit TLSPORT gets its own rule');
  });

  it('refuses a configuration that already uses AT-TLS, naming file and line', () => {
    assert.throws(() => migrateToAttls({ ftpData: { text: 'EXTENSIONS AUTH_TLS\nTLSMECHANISM ATTLS\n', file: 'a.ftpdata' } }), /a\.ftpdata:2:1: a\.ftpdata already uses TLSMECHANISM ATTLS/);
  });

  it('the migrated configuration, loaded as z/OS files, serves curl --ssl-reqd', async () => {
    const server = manifestServer(readManifest(out));
    const file = artifactPath(out, server, 'ftpData');
    const port = await freePort();
    const migrated = join(dir, 'migrated');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'migrate', '--to', 'attls', file, '--out', migrated, '--port', String(port)], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr + cli.stdout);
    assert.match(cli.stdout, /Behaviour that changes/);
    const root = join(dir, 'data');
    mkdirSync(join(root, 'demo'), { recursive: true });
    writeFileSync(join(root, 'demo', 'hello.txt'), 'hello from AT-TLS\n');
    const settings = await loadZosConfig({
      ftpData: join(migrated, 'FTP.DATA'),
      policy: join(migrated, 'attls-policy.conf'),
      keys: dirname(artifactPath(out, server, 'serverKey')),
      users: artifactPath(out, server, 'userRegistry'),
      root,
      port,
    });
    const running = await startServer(settings, { logger: silent });
    try {
      const bundle = artifactPath(out, server, 'clientTrustBundle');
      const r = await curl(['--silent', '--show-error', '--ssl-reqd', '--cacert', bundle, '--user', 'demo:zftps-demo', `ftp://127.0.0.1:${running.port}/hello.txt`]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'hello from AT-TLS\n');
      const v = await curl(['--silent', '--show-error', '--ssl-reqd', '--cacert', bundle, '--user', 'demo:zftps-demo', '--verbose', `ftp://127.0.0.1:${running.port}/hello.txt`]);
      assert.match(v.stderr, /TLSv1\.2 .*AES256-SHA|SSL connection using TLSv1\.2 \/ AES256-SHA/, 'TLS 1.2 with the first migrated suite');
    } finally {
      await running.close(100);
    }
  });
});

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
