import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../lib/rules';
import { RULES_DOC_PATH, renderRulesDoc } from '../../scripts/gen-rules-doc';

describe('docs/rules.md', () => {
  it('is up to date with the catalogue (run `npm run docs:rules`)', () => {
    assert.equal(readFileSync(RULES_DOC_PATH, 'utf8'), renderRulesDoc());
  });

  it('no id is used twice across rules, parser checks and engine checks', () => {
    const ids = [...renderRulesDoc().matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('documents every rule with its severity, sources and fix', () => {
    const doc = renderRulesDoc();
    for (const r of ALL_RULES) {
      const section = doc.split(`### ${r.id}\n`)[1]?.split('\n### ')[0];
      assert.ok(section, `${r.id} missing`);
      assert.ok(section.includes(`**${r.severity}**`));
      assert.ok(section.includes('Why:') && section.includes(`Fix: ${r.fix}`));
    }
  });
});
