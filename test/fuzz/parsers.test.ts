/**
 * Fuzzing the FTP.DATA and AT-TLS parsers with mutations of the real fixtures
 * (test/formats already covers arbitrary policy-like text and render→parse of
 * generated specs). Properties: parsing never throws, is deterministic, every
 * finding names the file and a line that exists in it, and inserting comment
 * lines only shifts line numbers — the statements read stay the same.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../lib/diagnostics';
import { parseFtpData } from '../../lib/formats/ftp-data';
import { parsePolicy } from '../../lib/formats/attls';
import { fuzzParams } from './support/params';

const FIXTURES = join(__dirname, '../fixtures');

function fixtures(folder: string, ext: RegExp): { name: string; bytes: Buffer }[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => ext.test(f))
    .map((f) => ({ name: f, bytes: readFileSync(join(FIXTURES, folder, f)) }));
}

const ftpDataFixtures = fixtures('ftp-data', /\.(ftpdata|golden)$/);
const policyFixtures = fixtures('attls', /\.conf$/);

/** Lines as the parsers (and editors) count them: CR LF, a lone LF and a lone CR each end a line. */
function lineCount(input: string | Buffer): number {
  const text = typeof input === 'string' ? input : input.toString('latin1');
  return text.split(/\r\n|\r|\n/).length;
}

function assertWellPlaced(findings: readonly Finding[], file: string, input: string | Buffer): void {
  const lines = lineCount(input);
  for (const f of findings) {
    assert.ok(f.location, `finding ${f.ruleId} has no location`);
    assert.equal(f.location.file, file, `finding ${f.ruleId} names ${f.location.file}`);
    assert.ok(Number.isInteger(f.location.line) && f.location.line >= 1 && f.location.line <= lines, `finding ${f.ruleId} at line ${f.location.line} of ${lines}`);
  }
}

/** A mutation of a fixture, as text operations an editor (or a bad copy) could do. */
type Mutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'insertText'; at: number; col: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'flipByte'; at: number; value: number }
  | { op: 'moveToken'; from: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    op: fc.constant('insertText' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('{', '}', ';', '#', '"', '(', ')', ',', '\t', ' ', '\r', '\n', '\u0000', '\u00ff', 'TTLSRule', 'SECURE_FTP', 'On', '99999999999999999999'),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flipByte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('moveToken' as const), from: fc.nat(), to: fc.nat() }),
);

function mutate(bytes: Buffer, muts: readonly Mutation[]): Buffer {
  let b = bytes;
  for (const m of muts) {
    const lines = b.toString('latin1').split('\n');
    const pick = (n: number) => n % Math.max(1, lines.length);
    switch (m.op) {
      case 'deleteLine':
        lines.splice(pick(m.at), 1);
        break;
      case 'duplicateLine':
        lines.splice(pick(m.at), 0, lines[pick(m.at)] ?? '');
        break;
      case 'swapLines': {
        const [i, j] = [pick(m.at), pick(m.with)];
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'insertText': {
        const i = pick(m.at);
        const line = lines[i] ?? '';
        const col = m.col % (line.length + 1);
        lines[i] = line.slice(0, col) + Buffer.from(m.text, 'utf8').toString('latin1') + line.slice(col);
        break;
      }
      case 'truncate':
        b = b.subarray(0, b.length ? m.at % b.length : 0);
        continue;
      case 'flipByte': {
        if (!b.length) continue;
        b = Buffer.from(b);
        b[m.at % b.length] = m.value;
        continue;
      }
      case 'moveToken': {
        const tokens = b.toString('latin1').split(/(\s+)/);
        if (tokens.length < 2) continue;
        const [t] = tokens.splice(m.from % tokens.length, 1);
        tokens.splice(m.to % (tokens.length + 1), 0, t);
        b = Buffer.from(tokens.join(''), 'latin1');
        continue;
      }
    }
    b = Buffer.from(lines.join('\n'), 'latin1');
  }
  return b;
}

describe('FTP.DATA parser under mutated real fixtures', () => {
  it('never throws, is deterministic, and every finding names the file and an existing line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ftpDataFixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (fx, muts, asText) => {
        const input = mutate(fx.bytes, muts);
        const arg = asText ? input.toString('utf8') : input;
        const a = parseFtpData(arg, fx.name);
        assertWellPlaced(a.findings, fx.name, arg);
        assert.deepEqual(parseFtpData(arg, fx.name), a);
      }),
      fuzzParams('ftp-data mutations', 150),
    );
  });

  it('reads the same statements when comment lines are inserted; only line numbers move', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ftpDataFixtures.filter((f) => !f.name.startsWith('ebcdic'))), fc.nat(), fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s)), (fx, at, comment) => {
        const lines = fx.bytes.toString('utf8').split('\n');
        const i = at % (lines.length + 1);
        const shifted = [...lines.slice(0, i), `; ${comment}`, ...lines.slice(i)].join('\n');
        const before = parseFtpData(fx.bytes.toString('utf8'), fx.name);
        const after = parseFtpData(shifted, fx.name);
        const shift = (line: number) => (line > i ? line + 1 : line);
        assert.deepEqual(
          after.value.statements.map((s) => [s.keyword, s.args, s.location.line]),
          before.value.statements.map((s) => [s.keyword, s.args, shift(s.location.line)]),
        );
      }),
      fuzzParams('ftp-data comment shift', 80),
    );
  });
});

describe('regressions found by the long fuzz run', () => {
  // seed 15371: a lone CR is a line end for both parsers (as for editors); findings after it
  // name lines counted that way, so a check that counted LF only saw "line 16 of 15".
  it('a lone CR ends a line: findings after it name lines that exist', () => {
    const text = '\r' + readFileSync(join(FIXTURES, 'attls/golden-render.conf'), 'latin1').slice(0, 493);
    const r = parsePolicy(Buffer.from(text, 'latin1'), 'cr.conf');
    assert.ok(r.findings.length > 0);
    assertWellPlaced(r.findings, 'cr.conf', text);
    const f = parseFtpData('\rSECURE_FTP REQUIRED\rBOGUS 1\n', 'cr.ftpdata');
    assert.deepEqual(f.value.statements.map((s) => [s.keyword, s.location.line]), [['SECURE_FTP', 2], ['BOGUS', 3]]);
    assertWellPlaced(f.findings, 'cr.ftpdata', '\rSECURE_FTP REQUIRED\rBOGUS 1\n');
  });
});

describe('AT-TLS parser under mutated real fixtures', () => {
  it('never throws, is deterministic, and every finding names the file and an existing line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyFixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (fx, muts, asText) => {
        const input = mutate(fx.bytes, muts);
        const arg = asText ? input.toString('utf8') : input;
        const a = parsePolicy(arg, fx.name);
        assertWellPlaced(a.findings, fx.name, arg);
        assert.deepEqual(parsePolicy(arg, fx.name), a);
      }),
      fuzzParams('attls mutations', 150),
    );
  });

  it('reads the same statements when comment lines are inserted; only line numbers move', () => {
    // Not the ISPF-numbered file: an unnumbered line in it rightly changes how columns 73-80 are read.
    const plain = policyFixtures.filter((f) => !f.name.startsWith('ispf'));
    fc.assert(
      fc.property(fc.constantFrom(...plain), fc.nat(), fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s)), (fx, at, comment) => {
        const lines = fx.bytes.toString('utf8').split('\n');
        const i = at % (lines.length + 1);
        const shifted = [...lines.slice(0, i), `# ${comment}`, ...lines.slice(i)].join('\n');
        const before = parsePolicy(fx.bytes.toString('utf8'), fx.name);
        const after = parsePolicy(shifted, fx.name);
        const shift = (line: number) => (line > i ? line + 1 : line);
        assert.deepEqual(
          after.value.statements.map((s) => [s.type, s.name, s.location.line]),
          before.value.statements.map((s) => [s.type, s.name, shift(s.location.line)]),
        );
        assert.deepEqual(
          after.findings.map((f) => [f.ruleId, f.location?.line]),
          before.findings.map((f) => [f.ruleId, f.location && shift(f.location.line)]),
        );
      }),
      fuzzParams('attls comment shift', 80),
    );
  });
});
