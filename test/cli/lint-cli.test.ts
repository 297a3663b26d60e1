// `zftps lint` on hand-written files: exit codes, file:line in every finding,
// and the three output formats.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'test', 'fixtures');

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'lint', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string | Buffer): string {
  const p = join(mkdtempSync(join(tmpdir(), 'zftps-lint-')), name);
  writeFileSync(p, text);
  return p;
}

describe('zftps lint', () => {
  it('exit 0 for a clean configuration (warnings and infos do not fail)', () => {
    const r = lint(join(FIX, 'ftp-data/commented.ftpdata'), '--policy', join(FIX, 'attls/realistic.conf'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /0 error/);
  });

  it('exit 1 with file:line, rule id and fix for each error', () => {
    const f = file('FTP.DATA', 'EXTENSIONS AUTH_TLS\nTLSMECHANISM ATTLS\nTLSRFCLEVEL CCCNONOTIFY\nSECURE_PASSWORD OPTIONAL\n');
    const r = lint(f);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3(:\\d+)?: error FTPD-CCCNONOTIFY-ATTLS:`));
    assert.match(r.stdout, /:4(:\d+)?: error FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH:/);
    assert.match(r.stdout, /error FTPD-TLSMECH-ATTLS-NEEDS-POLICY:/);
    assert.match(r.stdout, /\n {4}fix: /);
  });

  it('a typo gets a did-you-mean finding at its line', () => {
    const f = file('FTP.DATA', 'EXTENSIONS AUTH_TLS\nSECURE_FPT REQUIRED\n');
    const r = lint(f);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /:2(:\d+)?: error FTPD-UNKNOWN-STATEMENT:.*SECURE_FTP/);
  });

  it('exit 2 for unusable input: missing, EBCDIC, binary, empty', () => {
    assert.equal(lint('/no/such/FTP.DATA').code, 2);
    assert.match(lint('/no/such/FTP.DATA').stderr, /cannot read \/no\/such\/FTP\.DATA/);
    const ebc = lint(join(FIX, 'ftp-data/ebcdic.ftpdata'));
    assert.equal(ebc.code, 2);
    assert.match(ebc.stdout, /FTPD-FILE-EBCDIC/);
    assert.equal(lint(file('bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0]))).code, 2);
    assert.equal(lint(file('empty', '')).code, 2);
  });

  it('json and sarif formats carry the same findings', () => {
    const f = file('FTP.DATA', 'EXTENSIONS AUTH_TLS\nTLSMECHANISM ATTLS\nTLSRFCLEVEL CCCNONOTIFY\n');
    const json = JSON.parse(lint(f, '--format', 'json').stdout);
    const ids = json.findings.map((x: { ruleId: string }) => x.ruleId).sort();
    assert.ok(ids.includes('FTPD-CCCNONOTIFY-ATTLS'));
    const sarif = JSON.parse(lint(f, '--format', 'sarif').stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((x: { ruleId: string }) => x.ruleId).sort(), ids);
    const ccc = results.find((x: { ruleId: string }) => x.ruleId === 'FTPD-CCCNONOTIFY-ATTLS');
    assert.equal(ccc.level, 'error');
    assert.equal(ccc.locations[0].physicalLocation.region.startLine, 3);
  });

  it('bad arguments are exit 2 with help; --help works for every command', () => {
    assert.equal(lint(join(FIX, 'ftp-data/commented.ftpdata'), '--format', 'xml').code, 2);
    for (const cmd of ['synth', 'lint', 'serve']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), cmd, '--help'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0);
      assert.match(r.stdout, new RegExp(`Usage: zftps ${cmd}`));
    }
  });
});
