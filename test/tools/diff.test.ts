// zftps diff: golden files for a set of changes (FTP.DATA + policy sides), and a program-to-program
// diff that reaches the trust bundle and the RACF commands. ZFTPS_UPDATE_GOLDEN=1 rewrites the goldens.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const DIR = 'test/fixtures/tools/diff';
const zftps = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });

const CASES = [
  { name: 'hardening', args: [`${DIR}/base.ftpdata`, `${DIR}/hardened.ftpdata`, '--old-policy', `${DIR}/base.conf`, '--new-policy', `${DIR}/hardened.conf`] },
  { name: 'relaxing', args: [`${DIR}/hardened.ftpdata`, `${DIR}/base.ftpdata`, '--old-policy', `${DIR}/hardened.conf`, '--new-policy', `${DIR}/base.conf`] },
  { name: 'native-ciphers', args: [`${DIR}/native-old.ftpdata`, `${DIR}/native-new.ftpdata`] },
  { name: 'to-attls', args: [`${DIR}/native-new.ftpdata`, `${DIR}/hardened.ftpdata`, '--new-policy', `${DIR}/hardened.conf`] },
  { name: 'unchanged', args: [`${DIR}/base.ftpdata`, `${DIR}/base.ftpdata`, '--old-policy', `${DIR}/base.conf`, '--new-policy', `${DIR}/base.conf`] },
];

function golden(file: string, actual: string) {
  const path = join(ROOT, DIR, file);
  if (process.env.ZFTPS_UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} (ZFTPS_UPDATE_GOLDEN=1 to accept a deliberate change)`);
}

describe('zftps diff', () => {
  for (const c of CASES) {
    it(`${c.name}: text and JSON match the golden files`, () => {
      const text = zftps(['diff', ...c.args]);
      assert.equal(text.status, 0, text.stderr);
      golden(`${c.name}.golden.txt`, text.stdout);
      const json = zftps(['diff', ...c.args, '--format', 'json']);
      assert.equal(json.status, 0, json.stderr);
      golden(`${c.name}.golden.json`, json.stdout);
      JSON.parse(json.stdout);
    });
  }

  it('the hardening diff says who is refused and what curl/Python negotiate', () => {
    const d = JSON.parse(zftps(['diff', ...CASES[0].args, '--format', 'json']).stdout);
    const impact = d.clientImpact.join('\n');
    assert.match(impact, /without AUTH TLS now get 530/);
    assert.match(impact, /PROT C is refused \(536\)/);
    assert.match(impact, /stock Python ftplib .* and curl's second TLS 1\.3 transfer fail/);
    assert.match(impact, /without a certificate the ring trusts now get 531/);
    assert.deepEqual(d.negotiation[0], { client: 'OpenSSL 3 clients (curl, Python ftplib, lftp)', old: 'TLS_RSA_WITH_AES_128_CBC_SHA (TLSv1.2)', new: 'TLS_AES_256_GCM_SHA384 (TLSv1.3)' });
  });

  it('program to program: a CA-signed ring means a new client trust bundle and RACF commands to run', () => {
    const r = zftps(['diff', 'examples/quickstart/main.ts', 'examples/client-auth/main.ts']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /SECURE_LOGIN: NO_CLIENT_AUTH → VERIFY_USER/);
    assert.match(r.stdout, /client trust bundle changed \(the CA changed\): every client must import clientauth\/keys\/client-trust-bundle\.pem/);
    assert.match(r.stdout, /RACF commands to run[^\n]*\n(\s+- .*\n)*\s+- RACDCERT CERTAUTH ADD\('FTPD\.ZFTPS\.CA1\.CRT'\) WITHLABEL\('Example FTP CA'\) TRUST/);
    assert.match(r.stdout, /RACDCERT ID\(ALICE\) ADD\(/);
  });

  it('unusable input is a clear error with exit status 2', () => {
    const r = zftps(['diff', 'no-such.ftpdata', `${DIR}/base.ftpdata`]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /zftps: no-such\.ftpdata not found/);
  });
});
