import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyRingSpec } from '../../lib/pki';

export function tempDir(prefix = 'zftps-pki-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Run openssl; returns { ok, out } (stdout + stderr) instead of throwing, so tests can assert failures. */
export function openssl(args: string[], cwd?: string): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

export function opensslOk(args: string[], cwd?: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** sha256 of every file under dir, by relative path: a tree fingerprint. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** A small ring: one CA, a CA-signed server, a CA-signed client and a self-signed client. */
export function sampleSpec(overrides: Partial<KeyRingSpec> = {}): KeyRingSpec {
  return {
    id: 'test',
    ringName: 'FTPRING',
    ringOwner: 'FTPD',
    form: 'saf',
    keyBits: 2048,
    validityDays: 90,
    cas: [{ name: 'ftp-ca', label: 'Test FTP CA', subject: { commonName: 'Test FTP CA', organization: 'Example', country: 'US' } }],
    server: {
      label: 'FTP Server',
      subject: { commonName: 'ftp.example.test', organization: 'Example' },
      dnsNames: ['ftp.example.test', 'localhost'],
      ipAddresses: ['127.0.0.1'],
      signedBy: 'ftp-ca',
    },
    clients: [
      { name: 'alice', label: 'alice cert', subject: { commonName: 'alice', organizationalUnit: 'FTP', organization: 'Example' }, userId: 'ALICE', signedBy: 'ftp-ca' },
      { name: 'bob', label: 'bob cert', subject: { commonName: 'bob' }, userId: 'BOB' },
    ],
    certificateMaps: [{ userId: 'ALICE', subjectFilter: 'OU=FTP.O=Example', signedBy: 'ftp-ca', label: 'ftp users' }],
    pkcs12Algorithm: '3des',
    expiryWarningDays: 30,
    level3: { sysname: 'SYS1', daemonJobName: 'FTPD1', ports: [21], permittedUsers: ['ALICE'] },
    ...overrides,
  };
}

export const NOW = new Date('2026-01-15T12:00:00Z');
