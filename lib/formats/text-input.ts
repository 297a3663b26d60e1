/**
 * How a configuration file's bytes read, shared by the FTP.DATA and AT-TLS policy
 * parsers: text, EBCDIC (a binary transfer from MVS), or not text at all.
 */

export type TextInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ebcdic' }
  | { readonly kind: 'binary'; readonly line: number };

/** Control characters other than tab, LF, FF, CR and the DOS EOF 0x1A some editors append. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f]/g;

export function readTextInput(input: string | Buffer): TextInput {
  if (looksEbcdic(input)) return { kind: 'ebcdic' };
  const text = typeof input === 'string' ? input : decode(input);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes('\u0000') || controls > Math.max(2, text.length / 20)) {
    const first = text.search(CONTROL);
    return { kind: 'binary', line: text.slice(0, first).split('\n').length };
  }
  return { kind: 'text', text: text.replace(/^\uFEFF/, '') };
}

/** UTF-8, or ISO-8859-1 when the bytes are not UTF-8: a Latin-1 comment must not make a file unreadable. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/**
 * Decides from the first 64 KiB: IBM-1047 text has many 0x40 blanks and letters and digits
 * in the high half. A string that was already decoded from EBCDIC bytes shows them as
 * U+FFFD (UTF-8) or as Latin-1 letters, so strings are classified by their code units.
 */
function looksEbcdic(input: string | Buffer): boolean {
  const n = Math.min(input.length, 65536);
  if (n === 0) return false;
  let blank = 0;
  let alnum = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const code = typeof input === 'string' ? input.charCodeAt(i) : input[i];
    const b = code === 0xfffd ? 0xc1 : code;
    if (b === 0x40) blank++;
    if ((b >= 0x81 && b <= 0xa9) || (b >= 0xc1 && b <= 0xe9) || (b >= 0xf0 && b <= 0xf9)) alnum++;
    if (b >= 0x80) high++;
  }
  return blank / n >= 0.05 && (blank + alnum) / n >= 0.5 && high / n >= 0.1;
}
