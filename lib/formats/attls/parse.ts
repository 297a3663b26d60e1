/**
 * Reads an AT-TLS policy file (Policy Agent syntax) into an AttlsPolicy, as people really write it:
 * `#` comments, any case for statement and parameter names, `{` on the header line or the next,
 * `}` alone or after a value, tabs, CRLF, ISPF sequence numbers. Never throws on content: what it
 * cannot take becomes a finding with file:line. Semantic checks live in the rule catalogue.
 */
import { readTextInput } from '../text-input';
import { parseFinding, type Finding, type RuleSource, type Severity, type SourceLocation } from '../../diagnostics';
import type { Acknowledgement, AttlsPolicy, PolicyParam, PolicyStatement } from '../../model/config';
import type { ParseResult } from '../types';
import { ATTLS_STATEMENTS, didYouMean, paramSpec, statementSpec, type ParamSpec, type StatementSpec } from './catalogue';

export interface ParseCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly RuleSource[];
}

const SYNTAX_SOURCE: RuleSource = {
  kind: 'ibm',
  ref: 'https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ipsecurity_cfg_file_structure.htm',
};
const PAGENT_REJECTS: RuleSource = {
  kind: 'ibm',
  ref: 'https://ibm.com/docs/en/zos/2.5.0?topic=statements-ttlsconfig-statement (any parse error: no new AT-TLS policy is installed)',
};

/** What the parser itself reports, for `zftps rules` listings and docs. */
export const ATTLS_PARSE_CHECKS: readonly ParseCheck[] = [
  {
    id: 'ATTLS-FILE-EMPTY',
    severity: 'error',
    title: 'Policy file has no statements',
    description: 'The file is empty or holds only comments; Policy Agent would install no AT-TLS policy, so AUTH TLS cannot work.',
    sources: [PAGENT_REJECTS],
  },
  {
    id: 'ATTLS-FILE-EBCDIC',
    severity: 'error',
    title: 'Policy file is EBCDIC',
    description: 'The bytes look like IBM-1047 text (transferred in binary). Transfer it in text/ASCII mode or convert it with iconv -f IBM-1047 -t UTF-8.',
    sources: [{ kind: 'ibm', ref: 'Policy Agent reads IBM-1047 by default (Codepage statement); zftps reads ASCII/UTF-8' }],
  },
  {
    id: 'ATTLS-FILE-BINARY',
    severity: 'error',
    title: 'Policy file is not text',
    description: 'The file contains NUL or other control bytes; it is not a policy text file.',
    sources: [SYNTAX_SOURCE],
  },
  {
    id: 'ATTLS-SYNTAX',
    severity: 'error',
    title: 'Policy syntax error',
    description:
      'Unbalanced braces, a parameter outside any statement, a top-level statement without a name, a group written without braces, or an unterminated quoted value. Policy Agent rejects the whole policy.',
    sources: [SYNTAX_SOURCE, PAGENT_REJECTS],
  },
  {
    id: 'ATTLS-UNKNOWN-STATEMENT',
    severity: 'error',
    title: 'Unknown statement type',
    description: 'A top-level statement type Policy Agent does not know for AT-TLS (with a did-you-mean hint).',
    sources: [SYNTAX_SOURCE, PAGENT_REJECTS],
  },
  {
    id: 'ATTLS-UNKNOWN-PARAMETER',
    severity: 'error',
    title: 'Unknown parameter',
    description:
      'A parameter its statement does not have. An error when it is close to a known name (a typo); a warning otherwise, since the catalogue may lack a parameter of a newer release.',
    sources: [SYNTAX_SOURCE, PAGENT_REJECTS],
  },
  {
    id: 'ATTLS-SEQUENCE-NUMBERS',
    severity: 'warning',
    title: 'ISPF sequence numbers in columns 73–80',
    description: 'zftps ignores them, but Policy Agent reads them as policy text; turn numbering off (ISPF NUMBER OFF, UNNUM).',
    sources: [{ kind: 'inferred', ref: 'docs/zos-reference.md §4.2: line numbers must be off for an ISPF member [T]' }],
  },
  {
    id: 'ATTLS-ACK-INVALID',
    severity: 'warning',
    title: 'Acknowledgement without rule id or reason',
    description: 'A `# zftps-ack RULE-ID reason` comment needs both a rule id and a reason; this one is ignored.',
    sources: [{ kind: 'inferred', ref: 'zftps convention (docs/architecture.md, acknowledgements)' }],
  },
];

const TITLES = new Map(ATTLS_PARSE_CHECKS.map((c) => [c.id, c]));

// ---- input decoding ----

type Decoded = { text: string } | { finding: Finding };

function decode(input: string | Buffer, file: string): Decoded {
  const read = readTextInput(input);
  if (read.kind === 'ebcdic') {
    return { finding: fileFinding('ATTLS-FILE-EBCDIC', `${file} is EBCDIC (IBM-1047) bytes, not ASCII/UTF-8 text`, { file, line: 1 }) };
  }
  if (read.kind === 'binary') {
    return { finding: fileFinding('ATTLS-FILE-BINARY', `${file} contains NUL or control bytes (first on line ${read.line}); it is not a policy text file`, { file, line: read.line }) };
  }
  return { text: read.text };
}

function fileFinding(id: string, message: string, at: SourceLocation): Finding {
  return finding(id, message, TITLES.get(id)!.description, at);
}

function finding(id: string, message: string, fix: string, at: SourceLocation, severity?: Severity, settings: string[] = []): Finding {
  const check = TITLES.get(id)!;
  return { ...parseFinding(id, severity ?? check.severity, message, fix, at, settings), sources: check.sources };
}

// ---- tokens ----

interface Token {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** Written in double quotes: never a brace or comment, may contain blanks. */
  readonly quoted: boolean;
}
const NL = Symbol('newline');
type Item = Token | typeof NL;

const isBrace = (t: Item, brace: '{' | '}'): boolean => t !== NL && !t.quoted && t.text === brace;

/** An ISPF member keeps 8-digit sequence numbers in columns 73–80 of every (80-column) record. */
function hasSequenceNumbers(lines: readonly string[]): boolean {
  const nonEmpty = lines.filter((l) => l.length > 0);
  return nonEmpty.length > 0 && nonEmpty.every((l) => l.length === 80 && /^\d{8}$/.test(l.slice(72)));
}

interface Lexed {
  readonly items: Item[];
  readonly comments: { text: string; line: number; col: number }[];
  readonly findings: Finding[];
}

function lex(text: string, file: string): Lexed {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const items: Item[] = [];
  const comments: Lexed['comments'] = [];
  const findings: Finding[] = [];
  const numbered = hasSequenceNumbers(lines);
  if (numbered) {
    findings.push(
      finding('ATTLS-SEQUENCE-NUMBERS', `${file} has ISPF sequence numbers in columns 73–80; they are ignored here, but Policy Agent would read them as policy text`,
        'Edit the member with NUMBER OFF and UNNUM, or copy it without sequence numbers.', { file, line: 1, column: 73 }),
    );
  }
  lines.forEach((raw, index) => {
    const line = index + 1;
    const src = numbered ? raw.slice(0, 72) : raw;
    let i = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === ' ' || c === '\t' || c === '\f' || c === '\u001a') {
        i++;
      } else if (c === '#') {
        comments.push({ text: src.slice(i + 1).trim(), line, col: i + 1 });
        break;
      } else if (c === '{' || c === '}') {
        items.push({ text: c, line, col: i + 1, quoted: false });
        i++;
      } else if (c === '"') {
        const end = src.indexOf('"', i + 1);
        if (end < 0) {
          findings.push(finding('ATTLS-SYNTAX', `line ${line}: the quoted value starting in column ${i + 1} has no closing "`,
            'Close the quoted value with " on the same line.', { file, line, column: i + 1 }));
        }
        const stop = end < 0 ? src.length : end;
        items.push({ text: src.slice(i + 1, stop), line, col: i + 1, quoted: true });
        i = stop + 1;
      } else {
        let j = i;
        while (j < src.length && !' \t\f{}'.includes(src[j])) j++;
        items.push({ text: src.slice(i, j), line, col: i + 1, quoted: false });
        i = j;
      }
    }
    items.push(NL);
  });
  return { items, comments, findings };
}

// ---- structure ----

interface MutableStatement {
  type: string;
  name?: string;
  params: PolicyParam[];
  location: SourceLocation;
}

interface Frame {
  readonly statement: MutableStatement;
  readonly spec?: StatementSpec;
  /** Set for an inline group: the statement it sits in. */
  readonly parent?: Frame;
  /** A stray `{` with no header: kept only to balance braces. */
  readonly anonymous: boolean;
}

const STATEMENT_NAMES = ATTLS_STATEMENTS.map((s) => s.name);

function describe(f: Frame): string {
  const s = f.statement;
  if (f.anonymous) return `the block opened with '{' at line ${s.location.line}`;
  return `${s.type}${s.name ? ' ' + s.name : ''} (line ${s.location.line})`;
}

export function parsePolicy(text: string | Buffer, file: string): ParseResult<AttlsPolicy> {
  const decoded = decode(text, file);
  if ('finding' in decoded) return { value: { file, statements: [], acknowledgements: [] }, findings: [decoded.finding] };

  const { items, comments, findings } = lex(decoded.text, file);
  const statements: MutableStatement[] = [];
  const stack: Frame[] = [];
  const loc = (t: Token): SourceLocation => ({ file, line: t.line, column: t.col });
  const syntax = (message: string, fix: string, t: Token, settings: string[] = []) =>
    findings.push(finding('ATTLS-SYNTAX', message, fix, loc(t), undefined, settings));

  let i = 0;
  const skipNewlines = () => {
    while (i < items.length && items[i] === NL) i++;
  };

  const open = (words: Token[]) => {
    const [typeTok, nameTok, ...extra] = words;
    const top = stack[stack.length - 1];
    let spec = statementSpec(typeTok.text);

    // A top-level-only statement inside a block almost always means a `}` is missing above it.
    if (top && spec && !spec.inline && !top.anonymous) {
      for (const f of [...stack].reverse()) {
        syntax(`${describe(f)} has no closing '}' before ${typeTok.text} at line ${typeTok.line}`,
          `Add '}' to close ${f.statement.type} before line ${typeTok.line}.`, typeTok, [f.statement.type]);
      }
      stack.length = 0;
      return open(words);
    }

    if (extra.length > 0) {
      syntax(`line ${typeTok.line}: unexpected '${extra.map((t) => t.text).join(' ')}' after ${typeTok.text} ${nameTok.text}; a block header is 'Type [name]'`,
        'Put only the statement type and its name before {.', extra[0], [typeTok.text]);
    }
    const statement: MutableStatement = { type: typeTok.text, name: nameTok?.text, params: [], location: loc(typeTok) };

    if (!top) {
      if (!spec) {
        const hint = didYouMean(typeTok.text, STATEMENT_NAMES);
        findings.push(finding('ATTLS-UNKNOWN-STATEMENT',
          `line ${typeTok.line}: ${typeTok.text} is not an AT-TLS policy statement${hint ? `; did you mean ${hint}?` : ''}`,
          hint ? `Write ${hint}.` : `Use one of the statements listed in docs/attls.md.`, loc(typeTok), undefined, [typeTok.text]));
      } else if (!nameTok) {
        syntax(`line ${typeTok.line}: ${spec.name} at top level has no name; top-level statements need a name (1–32 characters) so rules can refer to them`,
          `Write '${spec.name} some_name' (or code it inline inside the statement that uses it).`, typeTok, [spec.name]);
      }
      statements.push(statement);
    } else {
      const param = checkNested(top, typeTok, true);
      spec = param?.value.kind === 'group' ? statementSpec(param.value.statement) : undefined;
      top.statement.params.push({ key: typeTok.text, values: [], block: statement, location: loc(typeTok) });
    }
    stack.push({ statement, spec, parent: top, anonymous: false });
  };

  /** Checks a parameter (or inline group when `block`) against its statement; undefined if it does not fit there. */
  const checkNested = (frame: Frame, keyTok: Token, block: boolean): ParamSpec | undefined => {
    if (!frame.spec) return undefined; // the statement itself was already reported
    const key = keyTok.text;
    const param = paramSpec(frame.spec.name, key);
    const owner = frame.spec.name;
    if (!param) {
      const hint = didYouMean(key, frame.spec.params.map((x) => x.name));
      const elsewhere = !hint ? statementSpec(key) ?? undefined : undefined;
      findings.push(finding('ATTLS-UNKNOWN-PARAMETER',
        `line ${keyTok.line}: ${key} is not a parameter of ${owner}` +
          (hint ? `; did you mean ${hint}?` : elsewhere ? `; ${elsewhere.name} cannot be coded inside ${owner}` : ''),
        hint ? `Write ${hint}.` : `Remove it, or check the ${owner} parameters in docs/attls.md.`,
        loc(keyTok), hint || elsewhere ? 'error' : 'warning', [key]));
      return undefined;
    }
    if (block && param.value.kind !== 'group') {
      syntax(`line ${keyTok.line}: ${param.name} takes a value, not a { ... } block`, `Write '${param.name} value' on one line.`, keyTok, [param.name]);
      return undefined;
    }
    if (!block && param.value.kind === 'group') {
      syntax(`line ${keyTok.line}: ${param.name} is a parameter group and needs a { ... } block`,
        `Open a block after ${param.name}, or refer to a top-level statement with '${param.name}Ref name'.`, keyTok, [param.name]);
      return undefined;
    }
    return param;
  };

  while (i < items.length) {
    skipNewlines();
    if (i >= items.length) break;
    const t = items[i] as Token;

    if (isBrace(t, '}')) {
      i++;
      const f = stack.pop();
      if (!f) syntax(`line ${t.line}: '}' closes nothing; there is no open statement here`, 'Remove the extra }, or add the statement it was meant to close.', t);
      continue;
    }
    if (isBrace(t, '{')) {
      i++;
      syntax(`line ${t.line}: '{' has no statement type before it`, 'Write the statement type and name (e.g. TTLSRule my_rule) before {.', t);
      stack.push({ statement: { type: '', params: [], location: loc(t) }, parent: stack[stack.length - 1], anonymous: true });
      continue;
    }

    const words: Token[] = [];
    while (i < items.length && items[i] !== NL && !isBrace(items[i], '{') && !isBrace(items[i], '}')) words.push(items[i++] as Token);
    const afterWords = i;
    skipNewlines();
    if (i < items.length && isBrace(items[i], '{')) {
      i++;
      open(words);
      continue;
    }
    i = afterWords; // a `}` right after the values, or the next line, is handled by the loop

    const [keyTok, ...valueToks] = words;
    const top = stack[stack.length - 1];
    if (!top) {
      const spec = statementSpec(keyTok.text);
      if (spec) {
        syntax(`line ${keyTok.line}: ${spec.name}${valueToks[0] ? ' ' + valueToks[0].text : ''} has no '{' block after it`,
          `Follow the header with { on the next line and close the statement with }.`, keyTok, [spec.name]);
      } else {
        syntax(`line ${keyTok.line}: ${words.map((w) => w.text).join(' ')} is outside any statement; parameters belong inside 'Type name { ... }'`,
          'Move the parameter into the statement it belongs to, or remove a } that closed that statement too early.', keyTok, [keyTok.text]);
      }
      continue;
    }
    if (!top.anonymous) checkNested(top, keyTok, false);
    top.statement.params.push({ key: keyTok.text, values: valueToks.map((v) => v.text), location: loc(keyTok) });
  }

  for (const f of [...stack].reverse()) {
    const s = f.statement;
    findings.push(finding('ATTLS-SYNTAX',
      f.parent && !f.anonymous
        ? `${describe(f)} inside ${describe(f.parent)} has no closing '}' before the end of ${file}`
        : `${describe(f)} has no closing '}' before the end of ${file}`,
      `Add '}' to close ${s.type || 'the block'} opened at line ${s.location.line}.`, s.location, undefined, s.type ? [s.type] : []));
  }

  if (statements.length === 0 && !findings.some((f) => f.ruleId === 'ATTLS-SYNTAX')) {
    findings.push(fileFinding('ATTLS-FILE-EMPTY', `${file} holds no policy statements${comments.length ? ' (only comments)' : ''}`, { file, line: 1 }));
  }

  const acknowledgements: Acknowledgement[] = [];
  for (const c of comments) {
    const m = /^zftps-ack\b\s*(\S*)\s*(.*)$/i.exec(c.text);
    if (!m) continue;
    const location = { file, line: c.line, column: c.col };
    if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/i.test(m[1]) || !m[2]) {
      findings.push(finding('ATTLS-ACK-INVALID', `line ${c.line}: '# ${c.text}' needs a rule id and a reason; it is ignored`,
        'Write # zftps-ack RULE-ID why this is acceptable here.', location));
      continue;
    }
    acknowledgements.push({ ruleId: m[1].toUpperCase(), reason: m[2].trim(), location });
  }

  findings.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
  return { value: { file, statements: statements as PolicyStatement[], acknowledgements }, findings };
}
