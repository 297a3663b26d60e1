import type { Finding } from '../diagnostics';

/** A parse gives a value (best effort) plus findings for what it could not take. */
export interface ParseResult<T> {
  readonly value: T;
  /** Syntax-level problems (unknown statement, bad value, EBCDIC input, ...), each with file:line. */
  readonly findings: readonly Finding[];
}

/** One FTP.DATA statement to write. */
export interface FtpDataStatementSpec {
  readonly keyword: string;
  readonly args: readonly string[];
  /** Short comment written after the statement (`; ...`), kept within 72 columns. */
  readonly comment?: string;
}

/** A whole FTP.DATA file to write. */
export interface FtpDataSpec {
  /** Comment lines at the top of the file (without the leading `;`). */
  readonly header?: readonly string[];
  /** Statements in order; `undefined` entries are skipped; a `{ section }` entry writes a comment block. */
  readonly statements: readonly (FtpDataStatementSpec | { readonly section: string })[];
}

/** One policy parameter to write: `Key value...` or a nested inline group. */
export interface PolicyParamSpec {
  readonly key: string;
  readonly values?: readonly string[];
  readonly block?: PolicyStatementSpec;
  readonly comment?: string;
}

/** One policy statement to write. */
export interface PolicyStatementSpec {
  readonly type: string;
  readonly name?: string;
  readonly params: readonly PolicyParamSpec[];
  /** Comment line(s) written above the statement. */
  readonly comment?: string;
}

export interface PolicySpec {
  readonly header?: readonly string[];
  readonly statements: readonly PolicyStatementSpec[];
}
