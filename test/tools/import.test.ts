// zftps import: hand-written FTP.DATA (+ policy) → main.ts → synth (the real program, run
// like `zftps synth` runs it) → parse the synthesized files → the same effective settings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runProgram } from '../../lib/cli/run-program';
import { importConfiguration } from '../../lib/tools/import';
import { effectiveSettings, loadSnapshot, settingsRecord } from '../../lib/tools/snapshot';

const ROOT = join(__dirname, '..', '..');
const FIX = 'test/fixtures';

interface Case {
  name: string;
  ftpData: string;
  policy?: string;
  /** Rule ids the original acknowledged that the typed program must still acknowledge. */
  acks: string[];
  /** Comment text from the original file that must reach the program. */
  kept: string[];
}

const CASES: Case[] = [
  {
    name: 'native TLS with a shared ring, an invalid value and acknowledgements',
    ftpData: `${FIX}/tools/import/native.ftpdata`,
    acks: ['FTPD-TLSMECH-FTP-DEPRECATED', 'FTPD-CIPHER-WEAK'],
    kept: ['shared ring owned by FTPD', 'partners present certificates', 'TLS for partners'],
  },
  {
    name: 'AT-TLS partner gateway, level 2 without password, policy on port 2021',
    ftpData: `${FIX}/tools/import/partner.ftpdata`,
    policy: `${FIX}/tools/import/partner.conf`,
    acks: ['ATTLS-CIPHER-WEAK'],
    kept: ['the certificate replaces the password', 'the stack does TLS'],
  },
  {
    name: 'the commented production FTP.DATA with the realistic policy',
    ftpData: `${FIX}/ftp-data/commented.ftpdata`,
    policy: `${FIX}/attls/realistic.conf`,
    acks: ['ATTLS-CIPHER-NON-RSA', 'FTPD-REUSE-REQUIRED'],
    kept: ['allow CCC for NAT firewalls', "our partners' clients need it"],
  },
];

describe('zftps import', () => {
  for (const c of CASES) {
    it(`${c.name}: the synthesized configuration has the original's effective settings`, () => {
      const read = (f: string) => ({ text: readFileSync(join(ROOT, f)), file: f });
      const result = importConfiguration({ ftpData: read(c.ftpData), policy: c.policy ? read(c.policy) : undefined });
      const dir = mkdtempSync(join(tmpdir(), 'zftps-import-'));
      const program = join(dir, 'main.ts');
      writeFileSync(program, result.source);

      // Acknowledged findings become acknowledge() calls; every other finding a comment.
      for (const id of c.acks) assert.match(result.source, new RegExp(`server\\.acknowledge\\('${id}', 'imported from [^']+:\\d+ — `), id);
      for (const f of result.originalFindings.filter((x) => !x.acknowledged)) assert.ok(result.source.includes(`// FINDING ${f.ruleId} (${f.severity}):`), f.ruleId);
      for (const text of c.kept) assert.ok(result.source.includes(text), `comment "${text}" kept`);
      assert.match(result.source, /z\/OS default: \w+ not coded/);

      const out = join(dir, 'out');
      assert.equal(runProgram(program, { outdir: out, keyStoreDir: join(dir, 'keys') }), 0, 'the imported program synthesizes');
      const before = settingsRecord(effectiveSettings(loadSnapshot(join(ROOT, c.ftpData), { policy: c.policy && join(ROOT, c.policy), port: result.controlPort })));
      const after = settingsRecord(effectiveSettings(loadSnapshot(out)));
      const differing = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).sort();
      // Only the behaviours the import reports as changed may differ, and each of them does.
      assert.deepEqual(differing, [...new Set(result.changes.map((x) => x.key))].sort(), JSON.stringify({ before, after, changes: result.changes }, null, 1));
    });
  }

  it('says what it dropped: an invalid value and native statements under ATTLS', () => {
    const native = importConfiguration({ ftpData: { text: readFileSync(join(ROOT, FIX, 'tools/import/native.ftpdata')), file: 'native.ftpdata' } });
    assert.match(native.source, /SECURE_SESSION_REUSE MAYBE \(native\.ftpdata:18\):[\s\S]*?z\/OS ignores it/);
    assert.match(native.source, /KeyRingName\.shared\('FTPD', 'PAYRING'\)/);
    assert.match(native.source, /CipherSuitePolicy\.of\('SSL_AES_256_SHA', 'SSL_AES_128_SHA', 'SSL_3DES_SHA'\)/);
    const partner = importConfiguration({
      ftpData: { text: readFileSync(join(ROOT, FIX, 'tools/import/partner.ftpdata')), file: 'partner.ftpdata' },
      policy: { text: readFileSync(join(ROOT, FIX, 'tools/import/partner.conf')), file: 'partner.conf' },
    });
    assert.match(partner.source, /KEYRING FTPRING \(partner\.ftpdata:18\): ignored with TLSMECHANISM ATTLS/);
    assert.match(partner.source, /BLKSIZE 27998 \(partner\.ftpdata:19\)/);
    assert.equal(partner.controlPort, 2021);
  });

  it('the CLI writes main.ts and names what changed; bad input is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zftps-import-cli-'));
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
    const ok = cli(['import', `${FIX}/ftp-data/commented.ftpdata`, '--policy', `${FIX}/attls/realistic.conf`, '--out', join(dir, 'main.ts')]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /wrote .*main\.ts: \d+ findings? carried over/);
    assert.match(readFileSync(join(dir, 'main.ts'), 'utf8'), /from 'zftps';/);
    const missing = cli(['import', 'no-such.ftpdata']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read FTP\.DATA no-such\.ftpdata: ENOENT/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
    const ebcdic = cli(['import', `${FIX}/ftp-data/ebcdic.ftpdata`]);
    assert.equal(ebcdic.status, 2);
    assert.match(ebcdic.stderr, /ebcdic\.ftpdata:1: .*EBCDIC/);
  });
});
