/**
 * Line formatting for TSO commands and JCL: nothing past column 72 (columns
 * 73-80 of a card image are sequence numbers), TSO continuation with a
 * trailing '-', JCL continuation on a '//' card starting in columns 4-16.
 */

export const MAX_COLUMNS = 72;

/** Quote a value for a RACF operand: apostrophes doubled. */
export function q(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Split at blanks that are outside quotes; keeps parentheses groups as written. */
function tokens(command: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of command) {
    if (ch === "'") quoted = !quoted;
    if (ch === ' ' && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * One TSO command as lines of at most 72 columns. Breaks fall between operands
 * (a ' -' ends every line but the last); an operand too long for a line is cut
 * with '-' at column 72 and continues in column 1, since a '-' continuation
 * keeps the next line's leading blanks and so joins the pieces exactly.
 */
export function tsoCommand(command: string, indent = 2): string[] {
  const pad = ' '.repeat(indent);
  const contPad = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let line = pad;
  const room = MAX_COLUMNS - 2; // leave ' -'
  for (const tok of tokens(command)) {
    const sep = line.trim() === '' ? '' : ' ';
    if ((line + sep + tok).length <= room) {
      line += sep + tok;
      continue;
    }
    if (line.trim() !== '') {
      lines.push(line + ' -');
      line = contPad;
    }
    let rest = tok;
    while ((line + rest).length > room) {
      const take = MAX_COLUMNS - 1 - line.length;
      lines.push(line + rest.slice(0, take) + '-');
      rest = rest.slice(take);
      line = '';
    }
    line += rest;
  }
  lines.push(line);
  return lines;
}

/** A TSO comment block, one comment per line, wrapped at 72 columns. */
export function tsoComment(text: string, indent = 0): string[] {
  const width = MAX_COLUMNS - indent - 6;
  // A '*/' inside the text (e.g. '*TOKEN*/name') would end the comment early and turn the rest into a command.
  return wrapWords(text.replace(/\*\//g, '* /'), width).map((l) => `${' '.repeat(indent)}/* ${l.padEnd(width)} */`);
}

/** A JCL comment block (`//*`). */
export function jclComment(text: string): string[] {
  return wrapWords(text, MAX_COLUMNS - 4).map((l) => `//* ${l}`.trimEnd());
}

export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && (line + ' ' + word).length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
      while (line.length > width) {
        out.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    out.push(line);
  }
  return out;
}

/** Every line ≤ 72 columns, no tabs, no trailing blanks, final newline. */
export function finish(lines: readonly string[]): string {
  for (const l of lines) {
    if (l.length > MAX_COLUMNS) throw new Error(`internal: line longer than ${MAX_COLUMNS} columns: ${l}`);
  }
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}
