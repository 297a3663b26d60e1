/**
 * Writes an AT-TLS policy in IBM's style: braces on their own lines, two-space indentation,
 * values aligned per block, `#` comments, no tabs, no trailing blanks, LF, final newline.
 * Deterministic; `parsePolicy(renderPolicy(spec))` gives back the same statements.
 */
import { InputError } from '../../diagnostics';
import type { PolicyParamSpec, PolicySpec, PolicyStatementSpec } from '../types';
import { statementSpec } from './catalogue';

const INDENT = '  ';
/** A word the parser reads back unchanged without quotes. */
const BARE = /^[^\s"{}#][^\s{}]*$/;
const WORD = /^[^\s"{}#]+$/;

export function renderPolicy(spec: PolicySpec): string {
  const out: string[] = [];
  for (const h of spec.header ?? []) out.push(...commentLines(h, ''));
  const typeWidth = Math.max(0, ...spec.statements.map((s) => s.type.length)) + 1;
  spec.statements.forEach((s) => {
    if (out.length > 0) out.push('');
    writeStatement(out, s, 0, typeWidth, undefined);
  });
  return out.join('\n') + '\n';
}

function writeStatement(
  out: string[],
  s: PolicyStatementSpec,
  depth: number,
  headWidth: number,
  trailing: string | undefined,
): void {
  const pad = INDENT.repeat(depth);
  const where = s.name ? `${s.type} ${s.name}` : s.type;
  word(s.type, `statement type in ${where}`);
  if (s.name !== undefined) word(s.name, `name of ${s.type}`);
  if (s.comment) out.push(...commentLines(s.comment, pad));
  out.push(withComment(pad + (s.name ? s.type.padEnd(headWidth) + s.name : s.type), trailing));
  out.push(pad + '{');

  const inner = pad + INDENT;
  const keyWidth = Math.max(0, ...s.params.filter((p) => !p.block).map((p) => p.key.length)) + 1;
  // Trailing comments of value lines line up one column apart from the longest such line.
  const lines = s.params.map((p) => (p.block ? undefined : inner + paramText(p, keyWidth, where)));
  const commentCol = Math.max(0, ...lines.map((l, i) => (l !== undefined && s.params[i].comment ? l.length : 0))) + 2;

  s.params.forEach((p, i) => {
    const line = lines[i];
    if (line === undefined) {
      const block = p.block!;
      word(p.key, `parameter of ${where}`);
      if (block.type.toLowerCase() !== p.key.toLowerCase()) {
        throw new InputError(`policy ${where}: inline group ${p.key} holds a ${block.type} statement; they must be the same type`);
      }
      if (statementSpec(p.key)?.inline === false) {
        throw new InputError(`policy ${where}: ${p.key} is a top-level statement and cannot be coded inline; refer to it with ${p.key}Ref`);
      }
      if (p.values?.length) throw new InputError(`policy ${where}: inline group ${p.key} cannot also have values`);
      writeStatement(out, { ...block, type: p.key }, depth + 1, p.key.length + 1, p.comment);
    } else {
      out.push(p.comment ? line.padEnd(commentCol) + '# ' + oneLine(p.comment) : line);
    }
  });
  out.push(pad + '}');
}

function paramText(p: PolicyParamSpec, keyWidth: number, where: string): string {
  word(p.key, `parameter of ${where}`);
  const values = (p.values ?? []).map((v) => value(v, `${where} ${p.key}`));
  return values.length ? p.key.padEnd(keyWidth) + values.join(' ') : p.key;
}

function value(v: string, where: string): string {
  if (BARE.test(v)) return v;
  if (/["\p{Cc}]/u.test(v)) {
    throw new InputError(`policy ${where}: value ${JSON.stringify(v)} cannot be written (quotes, tabs and line breaks are not allowed)`);
  }
  return `"${v}"`;
}

function word(w: string, what: string): void {
  if (!WORD.test(w)) throw new InputError(`policy: ${what} ${JSON.stringify(w)} must be one word without blanks, quotes, braces or #`);
}

function withComment(line: string, comment: string | undefined): string {
  return comment ? `${line}  # ${oneLine(comment)}` : line;
}

function oneLine(comment: string): string {
  return comment.replace(/\s+/g, ' ').trim();
}

function commentLines(comment: string, pad: string): string[] {
  return comment.split(/\r?\n/).map((l) => {
    const text = l.replace(/\s+/g, ' ').trim();
    return text ? `${pad}# ${text}` : `${pad}#`;
  });
}
