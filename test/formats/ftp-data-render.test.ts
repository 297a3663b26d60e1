import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FTP_DATA_STATEMENTS, parseFtpData, renderFtpData } from '../../lib/formats/ftp-data';
import type { FtpDataSpec, FtpDataStatementSpec } from '../../lib/formats/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ftp-data');
// Set ZFTPS_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change; review the diff.
const UPDATE = process.env.ZFTPS_UPDATE_GOLDEN === '1';

function checkLayout(text: string): void {
  assert.ok(text.endsWith('\n'), 'final newline');
  assert.ok(!text.includes('\r') && !text.includes('\t'), 'LF only, no tabs');
  for (const [i, line] of text.slice(0, -1).split('\n').entries()) {
    assert.ok(line.length <= 72, `line ${i + 1} has ${line.length} columns: ${line}`);
    assert.ok(!/ $/.test(line), `line ${i + 1} has trailing blanks`);
  }
}

describe('renderFtpData: golden files', () => {
  for (const name of ['tls-server', 'minimal']) {
    it(`${name}.spec.json renders as ${name}.golden`, () => {
      const spec = JSON.parse(readFileSync(join(FIXTURES, `${name}.spec.json`), 'utf8')) as FtpDataSpec;
      const text = renderFtpData(spec);
      const goldenPath = join(FIXTURES, `${name}.golden`);
      if (UPDATE) writeFileSync(goldenPath, text);
      assert.equal(text, readFileSync(goldenPath, 'utf8'));
      checkLayout(text);
      // What we write, we read back without a single finding.
      assert.deepEqual(parseFtpData(text, `${name}.golden`).findings, []);
    });
  }

  it('puts a comment that does not fit after its statement on its own lines above it', () => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, 'tls-server.spec.json'), 'utf8')) as FtpDataSpec;
    const { value } = parseFtpData(renderFtpData(spec), 'f');
    const level = value.statements.find((s) => s.keyword === 'TLSRFCLEVEL')!;
    assert.equal(level.comment, 'clients may send CCC; the default DRAFT level refuses it, which breaks FileZilla and curl behind NAT');
    assert.equal(value.statements.find((s) => s.keyword === 'BANNER')!.comment, undefined, 'section titles are not comments');
    assert.equal(value.statements.find((s) => s.keyword === 'PASSIVEDATAPORTS')!.args[0], '(50000,50099)');
  });

  it('is deterministic and skips undefined entries', () => {
    const spec = { statements: [undefined, { keyword: 'SECURE_FTP', args: ['REQUIRED'] }] } as unknown as FtpDataSpec;
    assert.equal(renderFtpData(spec), 'SECURE_FTP REQUIRED\n');
    assert.equal(renderFtpData(spec), renderFtpData(spec));
  });

  it('refuses what FTP.DATA cannot express, naming the statement', () => {
    assert.throws(() => renderFtpData({ statements: [{ keyword: 'BANNER', args: ['/a b'] }] }), /BANNER value "\/a b"/);
    assert.throws(() => renderFtpData({ statements: [{ keyword: 'BANNER', args: ['/' + 'x'.repeat(80)] }] }), /BANNER is 88 columns long/);
    assert.throws(() => renderFtpData({ statements: [{ keyword: 'SECURE FTP', args: [] }] }), /not a statement name/);
  });
});

// ---- property: random specs round-trip through the text ----

const keywords = [...FTP_DATA_STATEMENTS.keys()];
const token = fc.stringMatching(/^[A-Za-z0-9_/().,$#@*-]{1,14}$/);
const word = fc.stringMatching(/^[A-Za-z0-9'(),.:!?=-]{1,16}$/).filter((w) => !/^([-=*#_+~])\1{2,}/.test(w));
const commentText = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' ')).filter((c) => !/^zftps-ack\b/i.test(c));
const statement: fc.Arbitrary<FtpDataStatementSpec> = fc.record(
  {
    keyword: fc.constantFrom(...keywords).chain((k) => fc.constantFrom(k, k.toLowerCase())),
    args: fc.array(token, { minLength: 1, maxLength: 3 }),
    comment: commentText,
  },
  { requiredKeys: ['keyword', 'args'] },
);
const entry = fc.oneof({ arbitrary: statement, weight: 5 }, { arbitrary: fc.record({ section: commentText }), weight: 1 });
const spec: fc.Arbitrary<FtpDataSpec> = fc.record(
  { header: fc.array(commentText, { maxLength: 3 }), statements: fc.array(entry, { maxLength: 25 }) },
  { requiredKeys: ['statements'] },
);

describe('renderFtpData ∘ parseFtpData', () => {
  it('gives back the same statements, values and comments; every line fits and has no trailing blank', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const text = renderFtpData(s);
        const statements = s.statements.filter((e): e is FtpDataStatementSpec => !('section' in e));
        if (s.statements.length + (s.header?.length ?? 0) === 0) {
          assert.equal(text, '');
          return;
        }
        checkLayout(text);
        const parsed = parseFtpData(text, 'rendered').value.statements;
        assert.deepEqual(
          parsed.map((p) => ({ keyword: p.keyword, args: p.args, comment: p.comment })),
          statements.map((st) => ({ keyword: st.keyword.toUpperCase(), args: st.args, comment: st.comment })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
