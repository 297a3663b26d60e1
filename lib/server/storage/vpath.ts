/**
 * Virtual paths: what the client sees. A virtual path is absolute ('/a/b'), uses '/',
 * and never contains '.', '..' or empty components. This module only does string work;
 * confinement on the real file system is checked in confine.ts.
 */
import { fsError } from './errors';

/** Entries whose names start with this prefix belong to zftps (partial uploads, temp files). */
export const RESERVED_PREFIX = '.zftps-';

// C0 controls, DEL and C1 controls: a name with these could inject lines into LIST output or replies.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A lone UTF-16 surrogate: the engine decoded bytes that were not valid UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s) && !s.includes('\uFFFD');
}

export function isReservedName(name: string): boolean {
  return name.toLowerCase().startsWith(RESERVED_PREFIX);
}

/** A name a client may see and use: well-formed UTF-8/UTF-16, no control characters, not reserved. */
export function isPresentableName(name: string): boolean {
  return name !== '' && !CONTROL.test(name) && isWellFormed(name) && !isReservedName(name);
}

/**
 * Joins `path` onto `cwd` and normalizes it into components. '..' that would climb above
 * the virtual root is refused (ESCAPE) rather than clamped, so a hostile path never
 * silently turns into a different file.
 */
export function parseVirtual(cwd: string, path: string): string[] {
  const shown = path;
  if (CONTROL.test(path) || CONTROL.test(cwd)) throw fsError('ESCAPE', printable(shown), 'control characters in path');
  if (!isWellFormed(path) || !isWellFormed(cwd)) throw fsError('ESCAPE', printable(shown), 'malformed UTF-8 in path');
  const full = path.startsWith('/') ? path : `${cwd.startsWith('/') ? cwd : `/${cwd}`}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw fsError('ESCAPE', shown);
      parts.pop();
      continue;
    }
    if (isReservedName(part)) throw fsError('EACCES', shown, 'reserved name');
    parts.push(part);
  }
  return parts;
}

export function toVirtual(parts: readonly string[]): string {
  return `/${parts.join('/')}`;
}

/** For messages only: control characters shown as '?', so an error text cannot break a reply line. */
function printable(s: string): string {
  return s.replace(new RegExp(CONTROL.source, 'g'), '?');
}
