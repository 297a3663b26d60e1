/**
 * Runs the rule catalogue over one server model and applies acknowledgements.
 * Synth and lint both come here, so a finding looks the same on either path.
 */
import type { Finding, SourceLocation } from '../diagnostics';
import type { Acknowledgement, ServerModel } from '../model/config';
import { ATTLS_PARSE_CHECKS } from '../formats/attls';
import { FTP_DATA_PARSE_CHECKS } from '../formats/ftp-data';
import { ALL_RULES } from './index';
import type { Rule } from './types';

export const ACK_UNKNOWN_RULE = 'ZFTPS-ACK-UNKNOWN-RULE';
export const ACK_NO_REASON = 'ZFTPS-ACK-NO-REASON';
export const RULE_FAILED = 'ZFTPS-RULE-FAILED';

/** Ids the engine itself reports (documented with the catalogue). */
export const ENGINE_CHECKS = [
  {
    id: ACK_UNKNOWN_RULE,
    severity: 'warning' as const,
    title: 'Acknowledgement names an unknown rule id',
    description:
      'A `zftps-ack` comment or `acknowledge()` call names a rule id that is not in the catalogue, ' +
      'so it silences nothing (usually a typo, or a rule id from a newer zftps).',
    fix: 'Correct the rule id (see docs/rules.md) or remove the acknowledgement.',
  },
  {
    id: ACK_NO_REASON,
    severity: 'warning' as const,
    title: 'Acknowledgement without a reason',
    description: 'An acknowledgement must say why the finding is accepted; one without a reason is ignored.',
    fix: 'Write the reason after the rule id: `; zftps-ack RULE-ID reason...`.',
  },
  {
    id: RULE_FAILED,
    severity: 'error' as const,
    title: 'A rule could not run',
    description: 'A rule threw while checking this configuration; its verdict is unknown, so the run fails.',
    fix: 'Report the message to the zftps maintainers; meanwhile check the setting by hand.',
  },
];

/** The parsers' own finding ids: lint may acknowledge them too, so they are not "unknown". */
const PARSE_CHECK_IDS = [...FTP_DATA_PARSE_CHECKS, ...ATTLS_PARSE_CHECKS].map((c) => c.id);

/**
 * Runs every rule and returns its findings, acknowledged where the model says so,
 * sorted by file, line, column and rule id. The parsers' check ids and `extraKnownIds`
 * may be acknowledged although no rule here reports them.
 */
export function runRules(
  model: ServerModel,
  rules: readonly Rule[] = ALL_RULES,
  extraKnownIds: readonly string[] = [],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let hits;
    try {
      hits = rule.check(model);
    } catch (e) {
      findings.push({
        ruleId: RULE_FAILED,
        severity: 'error',
        message: `rule ${rule.id} failed: ${e instanceof Error ? e.message : String(e)}`,
        fix: 'Report this to the zftps maintainers and check the settings of this rule by hand.',
        settings: rule.settings,
        path: model.path,
        sources: rule.sources,
      });
      continue;
    }
    for (const hit of hits) {
      findings.push({
        ruleId: rule.id,
        severity: hit.severity ?? rule.severity,
        message: hit.message,
        fix: hit.fix,
        settings: hit.settings ?? rule.settings,
        ...(hit.location ? { location: hit.location } : {}),
        ...(model.path ? { path: model.path } : {}),
        sources: rule.sources,
      });
    }
  }
  const known = new Set([...rules.map((r) => r.id), ...PARSE_CHECK_IDS, ...extraKnownIds, ...ENGINE_CHECKS.map((c) => c.id)]);
  return sortFindings(acknowledge(findings, modelAcknowledgements(model), known, model.path));
}

/** Every acknowledgement that applies to a server: code, FTP.DATA comments, policy comments. */
export function modelAcknowledgements(model: ServerModel): Acknowledgement[] {
  return [...model.acknowledgements, ...model.ftpData.acknowledgements, ...(model.policy?.acknowledgements ?? [])];
}

/**
 * Marks findings whose rule id is acknowledged (the finding keeps printing, marked, and
 * never blocks) and reports acknowledgements that name an unknown id or give no reason.
 * Exported so lint can apply the same acknowledgements to parse findings.
 */
export function acknowledge(
  findings: readonly Finding[],
  acks: readonly Acknowledgement[],
  knownIds: ReadonlySet<string>,
  path?: string,
): Finding[] {
  const byId = new Map<string, Acknowledgement>();
  const problems: Finding[] = [];
  for (const ack of acks) {
    const id = ack.ruleId.trim().toUpperCase();
    if (!knownIds.has(id)) {
      problems.push(ackProblem(ACK_UNKNOWN_RULE, `acknowledgement names rule id '${ack.ruleId}', which zftps does not know; it silences nothing`,
        'Correct the rule id (see docs/rules.md) or remove the acknowledgement.', ack.location, path));
    } else if (ack.reason.trim() === '') {
      problems.push(ackProblem(ACK_NO_REASON, `acknowledgement of ${id} gives no reason, so it is ignored`,
        `Say why the finding is accepted: \`zftps-ack ${id} <reason>\`.`, ack.location, path));
    } else if (!byId.has(id)) {
      byId.set(id, ack);
    }
  }
  const marked = findings.map((f) => {
    const ack = byId.get(f.ruleId);
    if (!ack || f.ruleId === ACK_UNKNOWN_RULE) return f;
    return { ...f, acknowledged: { reason: ack.reason.trim(), ...(ack.location ? { location: ack.location } : {}) } };
  });
  return [...marked, ...problems];
}

function ackProblem(ruleId: string, message: string, fix: string, location: SourceLocation | undefined, path?: string): Finding {
  return {
    ruleId,
    severity: 'warning',
    message,
    fix,
    settings: ['zftps-ack'],
    ...(location ? { location } : {}),
    ...(path ? { path } : {}),
    sources: [{ kind: 'inferred', ref: 'zftps acknowledgement syntax (docs/architecture.md, Contracts)' }],
  };
}

/** Deterministic order: located findings by file, line, column; then rule id and message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => [f.location?.file ?? '\uffff', f.location?.line ?? 0, f.location?.column ?? 0] as const;
  return [...findings].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return cmp(fa, fb) || la - lb || ca - cb || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
