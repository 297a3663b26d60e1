import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../lib/rules';
import { attlsFtp, CASES, keyRing, nativeFtp, policy } from './cases';
import { FTP_FILE, POLICY_FILE, lineOf, lint, lintModel } from './lint-driver';

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

describe('rule catalogue (lint path)', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.expect} — ${c.name}`, () => {
      const rule = byId.get(c.rule);
      assert.ok(rule, `case names unknown rule ${c.rule}`);
      const { parseFindings } = lintModel(c);
      assert.deepEqual(parseFindings.filter((f) => f.severity === 'error').map((f) => f.message), [], 'case text must parse cleanly');
      const hits = lint(c).filter((f) => f.ruleId === c.rule);
      if (c.expect === 'pass') {
        assert.deepEqual(hits.map((f) => f.message), []);
        return;
      }
      assert.ok(hits.length > 0, `${c.rule} did not report`);
      const words = c.mentions ?? [];
      const f = hits.find((h) => words.every((w) => h.message.includes(w))) ?? hits[0];
      assert.equal(f.severity, c.severity ?? rule.severity);
      assert.ok(f.fix.trim().length > 10, 'fix must say what to do');
      assert.deepEqual(f.sources, rule.sources);
      if (words.length > 0) for (const w of words) assert.ok(f.message.includes(w), `message should mention "${w}": ${f.message}`);
      else assert.ok(f.settings.some((s) => f.message.includes(s)), `message should name one of ${f.settings.join(', ')}: ${f.message}`);
      if (c.at) {
        const text = c.at.file === 'ftp' ? c.ftpData : c.policy!;
        assert.equal(f.location?.file, c.at.file === 'ftp' ? FTP_FILE : POLICY_FILE, f.message);
        assert.equal(f.location?.line, lineOf(text, c.at.text, c.at.nth), f.message);
      }
    });
  }

  it('every rule has a failing and a passing case', () => {
    for (const r of ALL_RULES) {
      assert.ok(CASES.some((c) => c.rule === r.id && c.expect === 'fail'), `${r.id} has no failing case`);
      assert.ok(CASES.some((c) => c.rule === r.id && c.expect === 'pass'), `${r.id} has no passing case`);
    }
  });

  it('a clean AT-TLS configuration with a modelled key ring yields no findings', () => {
    assert.deepEqual(lint({ ftpData: attlsFtp(), policy: policy(), keyRing: keyRing() }).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('a clean native configuration yields only the deprecation and export-regulation notes', () => {
    const ids = lint({ ftpData: nativeFtp(), keyRing: keyRing() }).map((f) => f.ruleId);
    assert.deepEqual(ids.sort(), ['FTPD-CIPHER-EXPORT-REG', 'FTPD-TLSMECH-FTP-DEPRECATED']);
  });

  it('ids are unique, well-formed, and each rule lives in <id-lowercase>.ts', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const files = new Set(readdirSync(join(__dirname, '../../lib/rules')));
    for (const r of ALL_RULES) {
      assert.match(r.id, /^(FTPD|ATTLS|CERT|RACF|ZFTPS)-[A-Z0-9]+(-[A-Z0-9]+)*$/);
      assert.ok(files.has(`${r.id.toLowerCase()}.ts`), `missing lib/rules/${r.id.toLowerCase()}.ts`);
      assert.ok(r.sources.length > 0 && r.title && r.description && r.settings.length > 0, `${r.id} metadata incomplete`);
    }
  });

  it('inferred-only rules are not errors', () => {
    for (const r of ALL_RULES) {
      if (r.sources.every((s) => s.kind === 'inferred')) assert.notEqual(r.severity, 'error', `${r.id} is inferred-only but an error`);
    }
  });

  it('findings are sorted by file and line', () => {
    const fs = lint({ ftpData: attlsFtp({ SECURE_FTP: 'ALLOWED', SECURE_SESSION_REUSE: 'REQUIRED' }), policy: policy({ adv: ['SecondaryMap Off'] }) });
    const keys = fs.filter((f) => f.location).map((f) => `${f.location!.file}:${String(f.location!.line).padStart(5, '0')}`);
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(fs.length >= 3);
  });
});
