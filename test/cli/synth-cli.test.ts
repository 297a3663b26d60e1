// `zftps synth` end to end: real programs (the examples, and invalid variants
// written to temp files) run through the CLI into temp folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CLI = [process.execPath, '--import', 'tsx', join(ROOT, 'lib/cli/main.ts')];

function zftps(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(CLI[0], [...CLI.slice(1), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'zftps-synth-'));

describe('zftps synth', () => {
  for (const example of ['quickstart', 'native', 'client-auth']) {
    it(`synthesizes examples/${example} with no error or warning, every artifact in the manifest`, () => {
      const dir = tmp();
      const out = join(dir, 'out');
      const r = zftps(['synth', `examples/${example}/main.ts`, '--out', out, '--keystore', join(dir, 'keys')]);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /\b(error|warning) [A-Z]+-[A-Z0-9-]+:(?![^\n]*acknowledged)/);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      const [server] = Object.values(manifest.servers) as { artifacts: { role: string; path: string; sha256: string; sensitive?: boolean }[] }[];
      const roles = new Set(server.artifacts.map((a) => a.role));
      for (const role of ['ftpData', 'serverConfig', 'tcpipProfile', 'serverKey', 'serverCertificate', 'serverPkcs12', 'pkcs12Password', 'clientTrustBundle', 'racfCommands', 'userRegistry', 'imageContext'])
        assert.ok(roles.has(role), `missing role ${role}`);
      if (example !== 'native') for (const role of ['attlsPolicy', 'policyAgentConfig']) assert.ok(roles.has(role), `missing role ${role}`);
      for (const a of server.artifacts) {
        const p = join(out, a.path);
        assert.ok(existsSync(p), a.path);
        if (statSync(p).isFile()) {
          assert.equal(createHash('sha256').update(readFileSync(p)).digest('hex'), a.sha256, `sha256 of ${a.path}`);
          if (a.sensitive) assert.equal(statSync(p).mode & 0o777, 0o600, `${a.path} must be 0600`);
        }
      }
    });
  }

  it('a second synth with no change writes byte-identical files', () => {
    const dir = tmp();
    const args = (o: string) => ['synth', 'examples/client-auth/main.ts', '--out', join(dir, o), '--keystore', join(dir, 'keys')];
    assert.equal(zftps(args('a')).code, 0);
    assert.equal(zftps(args('b')).code, 0);
    assert.deepEqual(treeHashes(join(dir, 'b')), treeHashes(join(dir, 'a')));
  });

  it('honours ZFTPS_OUTDIR', () => {
    const dir = tmp();
    const r = spawnSync(CLI[0], [...CLI.slice(1), 'synth', 'examples/quickstart/main.ts'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ZFTPS_OUTDIR: join(dir, 'env-out'), ZFTPS_KEYSTORE: join(dir, 'keys') },
    });
    // --out has a default, so the CLI passes it; programs run directly read ZFTPS_OUTDIR:
    assert.equal(r.status, 0, r.stderr);
    const tsx = require('node:url').pathToFileURL(require.resolve('tsx')).href;
    const direct = spawnSync(process.execPath, ['--import', tsx, '--require', require.resolve('./support/self-resolve.cjs'), join(ROOT, 'examples/quickstart/main.ts')], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, ZFTPS_OUTDIR: join(dir, 'direct'), ZFTPS_KEYSTORE: join(dir, 'keys') },
    });
    assert.equal(direct.status, 0, direct.stderr);
    assert.ok(existsSync(join(dir, 'direct', 'manifest.json')));
  });

  it('an invalid program fails with every rule id and the fix, and writes nothing', () => {
    const dir = tmp();
    const program = join(dir, 'bad.ts');
    writeFileSync(
      program,
      `import { FtpsApp, KeyRing, KeyRingName, SecureFtpServer, TlsRfcLevel, ClientAuthLevel } from 'zftps';
const app = new FtpsApp();
const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('FTPRING') });
new SecureFtpServer(app, 'bad', { keyRing, tlsRfcLevel: TlsRfcLevel.CCCNONOTIFY, clientAuth: ClientAuthLevel.NONE.withoutPassword() });
app.synth();
`,
    );
    const out = join(dir, 'out');
    const r = zftps(['synth', program, '--out', out, '--keystore', join(dir, 'keys')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error FTPD-CCCNONOTIFY-ATTLS:/);
    assert.match(r.stderr, /error FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH:/);
    assert.match(r.stderr, /fix: /);
    assert.match(r.stderr, /bad\/FTP\.DATA:\d+/);
    assert.doesNotMatch(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
    assert.equal(existsSync(out), false, 'nothing written');
    assert.equal(existsSync(join(dir, 'keys')), false, 'no key generated for a configuration that fails the rules');
  });

  it('shows progress on stderr while key generation takes more than a moment', () => {
    const dir = tmp();
    const program = join(dir, 'many.ts');
    writeFileSync(
      program,
      `import { FtpsApp, KeyRing, KeyRingName, SecureFtpServer, ClientAuthLevel, ClientCertificate, CertificateAuthority } from 'zftps';
const app = new FtpsApp();
const ca = new CertificateAuthority('ca');
const clients = Array.from({ length: 6 }, (_, i) => new ClientCertificate('c' + i, { signedBy: ca, userId: 'U' + i }));
const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('FTPRING'), keyBits: 4096, certificateAuthorities: [ca], serverCertificate: { signedBy: ca }, clientCertificates: clients });
new SecureFtpServer(app, 'many', { keyRing, clientAuth: ClientAuthLevel.LEVEL_2, users: clients.map((_, i) => ({ name: 'U' + i })) });
app.synth();
`,
    );
    const r = zftps(['synth', program, '--out', join(dir, 'out'), '--keystore', join(dir, 'keys')]);
    assert.equal(r.code, 0, r.stderr);
    // 8 keys (CA, server, 6 clients) and their 8 certificates; RSA-4096 keygen takes seconds
    assert.match(r.stderr, /zftps: key ring ring: 16\/16 keys and certificates/);
  });

  it('a missing program is unusable input (exit 2)', () => {
    const r = zftps(['synth', 'no/such/program.ts']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /program no\/such\/program\.ts not found/);
  });
});
