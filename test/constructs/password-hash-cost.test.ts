// SecureFtpServer.passwordHashCost: the scrypt cost synth writes into users.json, and the
// server verifies passwords with it (scripts/bench-side-by-side.sh lowers it to vsftpd's ~1 ms).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FtpsApp, KeyRing, KeyRingName, Password, SecureFtpServer } from '../../lib/constructs';
import { synthesize } from '../../lib/synth';
import { artifactPath } from '../../lib/manifest';
import { loadServerConfig } from '../../lib/server/load-config';
import { DEFAULT_SCRYPT_COST } from '../../lib/pki';

function program(dir: string, cost?: { N: number; r: number; p: number }) {
  const app = new FtpsApp({ outdir: join(dir, 'out'), keyStoreDir: join(dir, 'keys'), quiet: true });
  const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('FTPRING') });
  new SecureFtpServer(app, 'srv', {
    keyRing,
    controlPort: 2121,
    users: [{ name: 'bench', password: Password.of('bench-pass') }],
    ...(cost ? { passwordHashCost: cost } : {}),
  });
  return app;
}

async function users(dir: string, cost?: { N: number; r: number; p: number }) {
  const out = join(dir, 'out');
  const { manifest } = await synthesize(program(dir, cost), { outdir: out, keyStoreDir: join(dir, 'keys') });
  const file = artifactPath(out, manifest.servers.srv, 'userRegistry');
  return { registry: JSON.parse(readFileSync(file, 'utf8')), config: artifactPath(out, manifest.servers.srv, 'serverConfig') };
}

describe('SecureFtpServer passwordHashCost', () => {
  it('defaults to scrypt N=2^14, r=8, p=1', async () => {
    const { registry } = await users(mkdtempSync(join(tmpdir(), 'zftps-cost-')));
    const h = registry.users[0].password;
    assert.deepEqual({ N: h.N, r: h.r, p: h.p }, DEFAULT_SCRYPT_COST);
  });

  it('is written to users.json, and the server verifies the password with it', async () => {
    const { registry, config } = await users(mkdtempSync(join(tmpdir(), 'zftps-cost-')), { N: 512, r: 8, p: 1 });
    const h = registry.users[0].password;
    assert.deepEqual({ kdf: h.kdf, N: h.N, r: h.r, p: h.p }, { kdf: 'scrypt', N: 512, r: 8, p: 1 });
    const settings = await loadServerConfig(config);
    const user = settings.users.find((u) => u.name === 'bench')!;
    assert.equal(await user.password!('bench-pass'), true);
    assert.equal(await user.password!('bench-pas'), false);
  });

  it('refuses a cost scrypt cannot use, naming it', async () => {
    await assert.rejects(users(mkdtempSync(join(tmpdir(), 'zftps-cost-')), { N: 1000, r: 8, p: 1 }), /scrypt N 1000 must be a power of two/);
  });
});
