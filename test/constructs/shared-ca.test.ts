// One CertificateAuthority used by several key rings is one CA: one key, one
// certificate, one trust anchor for the clients of every server it signs for.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { CertificateAuthority, FtpsApp, KeyRing, KeyRingName, SecureFtpServer } from '../../lib/constructs';
import { synthesize } from '../../lib/synth';
import { artifactPath } from '../../lib/manifest';

function program(dir: string) {
  const app = new FtpsApp({ outdir: join(dir, 'out'), keyStoreDir: join(dir, 'keys'), quiet: true });
  const ca = new CertificateAuthority('corp-ca', { subject: { commonName: 'Corp FTP CA', organization: 'Corp' } });
  for (const name of ['east', 'west']) {
    // Different ring key sizes: the shared CA must still be made once and then kept.
    const keyRing = new KeyRing(app, `${name}-ring`, { name: KeyRingName.saf('FTPRING'), keyBits: name === 'east' ? 2048 : 3072, serverCertificate: { label: `${name} server`, signedBy: ca } });
    new SecureFtpServer(app, name, { keyRing, controlPort: name === 'east' ? 2121 : 2122 });
  }
  return app;
}

describe('a CA shared by several key rings', () => {
  it('is generated once: both servers chain to the same CA certificate, and re-synth keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zftps-shared-ca-'));
    const out = join(dir, 'out');
    const first = await synthesize(program(dir), { outdir: out, keyStoreDir: join(dir, 'keys') });
    const bundle = (id: string) => readFileSync(artifactPath(out, first.manifest.servers[id], 'clientTrustBundle'), 'utf8');
    assert.equal(bundle('east'), bundle('west'));
    for (const id of ['east', 'west']) {
      const leaf = artifactPath(out, first.manifest.servers[id], 'serverCertificate', { kind: 'certificate' });
      // both servers' certificates verify against the one shared anchor
      execFileSync('openssl', ['verify', '-CAfile', artifactPath(out, first.manifest.servers.east, 'clientTrustBundle'), leaf]);
    }
    const eastBundle = bundle('east');
    await synthesize(program(dir), { outdir: out, keyStoreDir: join(dir, 'keys') });
    assert.equal(bundle('east'), eastBundle);
  });
});
