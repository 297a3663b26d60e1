/**
 * Writes an FTP.DATA file z/OS reads both as an FB-80 member and as a z/OS UNIX
 * file: upper-case keywords, values in one column, `;` comments, at most 72
 * columns (so columns 73-80 stay free for sequence numbers), no tabs, no trailing
 * blanks, LF line ends and a final newline. The output depends only on the spec.
 *
 * A comment that does not fit after its statement goes on its own lines directly
 * above it; the parser attaches such a block to the statement below, so
 * render → parse gives back the same comment (words joined by single blanks).
 */
import { InputError } from '../../diagnostics';
import type { FtpDataSpec, FtpDataStatementSpec } from '../types';

export const MAX_COLUMNS = 72;
/** Trailing comments start no further right than this, so short ones line up. */
const MAX_COMMENT_COLUMN = 40;
const SECTION_RULE = `; ${'-'.repeat(MAX_COLUMNS - 2)}`;

export function renderFtpData(spec: FtpDataSpec): string {
  const entries = (spec.statements as readonly (FtpDataSpec['statements'][number] | undefined)[]).filter(
    (e): e is FtpDataSpec['statements'][number] => e !== undefined,
  );
  const statements = entries.filter((e): e is FtpDataStatementSpec => !('section' in e)).map(checkStatement);
  const keywordWidth = Math.max(0, ...statements.map((s) => s.keyword.length));
  const code = (s: FtpDataStatementSpec): string => {
    if (s.args.length === 0) return s.keyword;
    const aligned = `${s.keyword.padEnd(keywordWidth)} ${s.args.join(' ')}`;
    return aligned.length <= MAX_COLUMNS ? aligned : `${s.keyword} ${s.args.join(' ')}`;
  };
  const commentColumn = Math.min(
    MAX_COMMENT_COLUMN,
    Math.max(0, ...statements.filter((s) => cleanComment(s.comment)).map((s) => code(s).length + 1)),
  );

  const out: string[] = [];
  for (const line of spec.header ?? []) out.push(...commentLines(line));
  if (out.length) out.push('');

  for (const entry of entries) {
    if ('section' in entry) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      // The blank line after the block keeps the parser from taking it as the next statement's comment.
      out.push(SECTION_RULE, ...commentLines(entry.section), SECTION_RULE, '');
      continue;
    }
    const s = checkStatement(entry);
    const text = code(s);
    if (text.length > MAX_COLUMNS) {
      throw new InputError(`FTP.DATA statement ${s.keyword} is ${text.length} columns long; z/OS has no continuation lines and zftps writes at most ${MAX_COLUMNS}`);
    }
    const comment = cleanComment(s.comment);
    if (!comment) {
      out.push(text);
      continue;
    }
    const aligned = `${text.padEnd(Math.max(commentColumn, text.length + 1))}; ${comment}`;
    const tight = `${text} ; ${comment}`;
    if (aligned.length <= MAX_COLUMNS) out.push(aligned);
    else if (tight.length <= MAX_COLUMNS) out.push(tight);
    else out.push(...commentLines(comment), text);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Upper-cases the keyword and refuses what FTP.DATA cannot express (a programming error, not user input). */
function checkStatement(s: FtpDataStatementSpec): FtpDataStatementSpec {
  const keyword = s.keyword.toUpperCase();
  if (!/^[A-Z0-9_]+$/.test(keyword)) throw new InputError(`FTP.DATA keyword "${s.keyword}" is not a statement name`);
  for (const arg of s.args) {
    if (arg === '' || /[\s;]/.test(arg)) {
      throw new InputError(`FTP.DATA ${keyword} value "${arg}" cannot be written: values are single tokens without blanks or ;`);
    }
  }
  return { ...s, keyword };
}

function cleanComment(comment: string | undefined): string {
  return (comment ?? '').replace(/\s+/g, ' ').trim();
}

/** A comment as whole `;` lines of at most MAX_COLUMNS, broken between words. */
function commentLines(text: string): string[] {
  const words = cleanComment(text).split(' ').filter(Boolean);
  if (words.length === 0) return [';'];
  const width = MAX_COLUMNS - 2;
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (word.length > width) {
      if (current) lines.push(current);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      current = '';
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => `; ${l}`);
}
