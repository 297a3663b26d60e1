/**
 * The shape of one rule in the catalogue. Rule ids are a permanent public
 * catalogue: once published an id is never reused or renumbered.
 */
import type { RuleSource, Severity, SourceLocation } from '../diagnostics';
import type { ServerModel } from '../model/config';

/** One violation found by a rule; the engine turns it into a Finding. */
export interface RuleHit {
  /** Names the settings involved and what clients will experience. */
  readonly message: string;
  /** How to fix it (FTP.DATA / policy terms). */
  readonly fix: string;
  /** Settings involved; defaults to the rule's `settings`. */
  readonly settings?: readonly string[];
  /** The statement or parameter the hit is about. */
  readonly location?: SourceLocation;
  /** Overrides the rule's severity — only where the rule's description says so. */
  readonly severity?: Severity;
}

export interface Rule {
  /** Stable public id, e.g. FTPD-CIPHER-NULL; the file is lib/rules/<id-lowercase>.ts. */
  readonly id: string;
  /** Default severity of a hit. */
  readonly severity: Severity;
  readonly title: string;
  /** The general remedy, for the catalogue documentation (each hit carries its specific fix). */
  readonly fix: string;
  /** What the rule checks and why; says when a hit's severity differs from the default. */
  readonly description: string;
  /** Why the constraint holds: seed step, IBM page, RFC section, or the inference made. */
  readonly sources: readonly RuleSource[];
  /** Statements / parameters the rule looks at. */
  readonly settings: readonly string[];
  check(model: ServerModel): RuleHit[];
}
