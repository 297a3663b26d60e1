import type { Rule, RuleHit } from './types';
import { IBM } from './helpers';
import { findParam, statementsOfType } from '../model/attls-view';

const CONDITIONS = [
  'LocalAddr', 'LocalAddrRef', 'LocalAddrSetRef', 'LocalAddrGroupRef', 'RemoteAddr', 'RemoteAddrRef', 'RemoteAddrSetRef',
  'RemoteAddrGroupRef', 'LocalPortRange', 'LocalPortRangeRef', 'LocalPortGroupRef', 'RemotePortRange', 'RemotePortRangeRef',
  'RemotePortGroupRef', 'Jobname', 'Userid',
];

export const rule: Rule = {
  id: 'ATTLS-RULE-CONDITION',
  severity: 'error',
  title: 'TTLSRule without Direction, another condition or a group action',
  fix: 'Give every TTLSRule Direction, a port/address/Jobname condition and TTLSGroupActionRef.',
  description:
    'Every TTLSRule needs Direction, at least one other condition (address, port, Jobname or Userid) and ' +
    'TTLSGroupActionRef. Policy Agent rejects a rule without them, and on any error it installs no new AT-TLS policy.',
  sources: [IBM.ttlsRule, IBM.ttlsConfig],
  settings: ['TTLSRule', 'Direction', 'TTLSGroupActionRef'],
  check(model) {
    if (!model.policy) return [];
    const hits: RuleHit[] = [];
    for (const r of statementsOfType(model.policy, 'TTLSRule')) {
      const missing: string[] = [];
      if (!findParam(r, 'Direction')) missing.push('Direction');
      if (!CONDITIONS.some((c) => findParam(r, c))) missing.push('a condition besides Direction (LocalPortRange, address, Jobname or Userid)');
      if (!findParam(r, 'TTLSGroupActionRef')) missing.push('TTLSGroupActionRef');
      if (missing.length === 0) continue;
      hits.push({
        message: `TTLSRule ${r.name ?? '(unnamed)'} has no ${missing.join(', no ')}: Policy Agent rejects the policy and installs none, so no AT-TLS connection works`,
        fix: 'Give the rule Direction Inbound, LocalPortRange <control port> and TTLSGroupActionRef <group>.',
        location: r.location,
      });
    }
    return hits;
  },
};
