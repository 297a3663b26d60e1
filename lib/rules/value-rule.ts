/**
 * Builder for rules that check the raw value of one FTP.DATA statement (the
 * parser falls back to the z/OS default for a bad value; these rules say so).
 */
import type { RuleSource, Severity } from '../diagnostics';
import type { FtpDataStatement } from '../model/config';
import type { Rule, RuleHit } from './types';
import { statements } from './helpers';

export interface ValueRuleSpec {
  readonly id: string;
  readonly keyword: string;
  readonly severity: Severity;
  readonly title: string;
  readonly fix: string;
  readonly description: string;
  readonly sources: readonly RuleSource[];
  /** Returns a problem description for a bad value (and optionally a severity), or undefined. */
  readonly problem: (args: readonly string[], s: FtpDataStatement) => { text: string; fix: string; severity?: Severity } | undefined;
}

export function valueRule(spec: ValueRuleSpec): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    fix: spec.fix,
    description: spec.description,
    sources: spec.sources,
    settings: [spec.keyword],
    check(model) {
      const hits: RuleHit[] = [];
      for (const s of statements(model, spec.keyword)) {
        const p = spec.problem(s.args, s);
        if (!p) continue;
        hits.push({
          message: `${spec.keyword} ${s.args.join(' ') || '(no value)'}: ${p.text}`,
          fix: p.fix,
          location: s.location,
          ...(p.severity ? { severity: p.severity } : {}),
        });
      }
      return hits;
    },
  };
}

/** A problem for a statement that takes exactly one of `allowed` (case-insensitive). */
export function oneOf(keyword: string, allowed: readonly string[], fallback: string) {
  return (args: readonly string[]) => {
    if (args.length === 1 && allowed.includes(args[0].toUpperCase())) return undefined;
    return {
      text: `not one of ${allowed.join(', ')}; the server rejects the statement and uses ${fallback}`,
      fix: `Write \`${keyword} ${allowed.join(' | ')}\` with exactly one value.`,
    };
  };
}
