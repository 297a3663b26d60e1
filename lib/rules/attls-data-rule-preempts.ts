import type { Rule, RuleHit } from './types';
import { IBM, mappedView } from './helpers';
import { findParam, ruleCoversLocalPort, statementsOfType } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-DATA-RULE-PREEMPTS',
  severity: 'warning',
  title: 'Another rule can capture FTP data connections',
  fix: 'Give the FTP server rule the higher Priority, or narrow the other rule.',
  description:
    'SecondaryMap gives a data connection the control connection\'s policy only when the data connection maps no ' +
    'rule or a lower-priority one. A rule with priority >= the FTP server rule that covers the active data port 20 ' +
    '(outbound) or the passive data ports (inbound; PASSIVEDATAPORTS, or any port when not coded) takes those ' +
    'connections instead. Checked ports: 20 and the ends of the passive range.',
  sources: [IBM.secondaryMap],
  settings: ['Priority', 'LocalPortRange', 'PASSIVEDATAPORTS'],
  check(model) {
    const v = mappedView(model);
    const p = model.policy;
    if (!v || !p) return [];
    const passive = model.ftpData.passiveDataPorts.value;
    const hits: RuleHit[] = [];
    for (const r of statementsOfType(p, 'TTLSRule')) {
      if (r === v.rule.rule) continue;
      const prio = Number(findParam(r, 'Priority')?.values[0] ?? 0) || 0;
      if (prio < v.rule.priority) continue;
      const dir = (findParam(r, 'Direction')?.values[0] ?? '').toLowerCase();
      const outbound = dir === 'outbound' || dir === 'both';
      const inbound = dir === 'inbound' || dir === 'both';
      const hasLocalPort = ['LocalPortRange', 'LocalPortRangeRef', 'LocalPortGroupRef'].some((k) => findParam(r, k));
      const capturesActive = outbound && ruleCoversLocalPort(p, r, 20);
      const capturesPassive =
        inbound && (passive ? [passive.low, passive.high].some((port) => ruleCoversLocalPort(p, r, port)) : !hasLocalPort);
      if (!capturesActive && !capturesPassive) continue;
      const what = [capturesActive && 'active (port 20)', capturesPassive && 'passive'].filter(Boolean).join(' and ');
      hits.push({
        message: `TTLSRule ${r.name ?? ''} (Priority ${prio}) can map the FTP server's ${what} data connections ahead of TTLSRule ${v.rule.name} (Priority ${v.rule.priority}): those connections get its policy, not the control connection's`,
        fix: `Give TTLSRule ${v.rule.name} a higher Priority than ${r.name ?? 'that rule'}, or narrow that rule's ports, Jobname or Direction.`,
        location: findParam(r, 'Priority')?.location ?? r.location,
      });
    }
    return hits;
  },
};
