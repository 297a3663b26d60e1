/**
 * The one shape every check reports in: rule findings from synth, lint and the
 * adapters, and parse errors from the format readers.
 */

/** Where a setting was written: a line of a (hand-written or synthesized) file. */
export interface SourceLocation {
  /** File name as the user knows it (hand-written path, or path relative to the synth output). */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Where a rule's constraint comes from. Inferred rules are warnings unless a source proves more. */
export interface RuleSource {
  readonly kind: 'seed' | 'ibm' | 'rfc' | 'inferred';
  /** A citation: a seed step, an IBM page URL, an RFC section, or the reasoning for an inference. */
  readonly ref: string;
}

/** One finding: a rule violated (or a parse problem) at a place, with the fix. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Names the settings involved and what goes wrong for clients. */
  readonly message: string;
  /** How to fix it, in FTP.DATA / policy terms (and construct props where they differ). */
  readonly fix: string;
  /** The statements or parameters involved, e.g. ['SECURE_PASSWORD', 'SECURE_LOGIN']. */
  readonly settings: readonly string[];
  /** The line that carries the (first) offending setting, when there is one. */
  readonly location?: SourceLocation;
  /** Construct path (synth path only). */
  readonly path?: string;
  readonly sources: readonly RuleSource[];
  /** Set when a user acknowledged this finding with a reason; it then never fails synth or lint. */
  readonly acknowledged?: { readonly reason: string; readonly location?: SourceLocation };
}

/** A parse-level problem (unreadable file, syntax error); reported like a finding. */
export function parseFinding(
  ruleId: string,
  severity: Severity,
  message: string,
  fix: string,
  location: SourceLocation,
  settings: readonly string[] = [],
): Finding {
  return { ruleId, severity, message, fix, settings, location, sources: [{ kind: 'ibm', ref: 'syntax' }] };
}

/** A finding counts against synth/lint only when it is an error and not acknowledged. */
export function isBlocking(f: Finding): boolean {
  return f.severity === 'error' && !f.acknowledged;
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return loc.column ? `${loc.file}:${loc.line}:${loc.column}` : `${loc.file}:${loc.line}`;
}

/** One line per finding plus its fix, for terminals. */
export function formatFinding(f: Finding): string {
  const where = [formatLocation(f.location), f.path ? `[${f.path}]` : ''].filter(Boolean).join(' ');
  const ack = f.acknowledged ? ` (acknowledged: ${f.acknowledged.reason})` : '';
  return `${where ? where + ': ' : ''}${f.severity} ${f.ruleId}: ${f.message}${ack}\n    fix: ${f.fix}`;
}

/** Thrown for unusable input (not a finding about settings): names the file and why. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.name = 'InputError';
  }
}
