import type { Rule } from './types';
import { IBM } from './helpers';
import { findParam, statementsOfType } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-PRIORITY-RANGE',
  severity: 'error',
  title: 'TTLSRule Priority outside 1-2000000000',
  fix: 'Use a Priority in 1-2000000000.',
  description: 'Priority must be an integer in 1-2000000000; other values are rejected by Policy Agent, which then installs no policy.',
  sources: [IBM.ttlsRule, IBM.attlsRules],
  settings: ['Priority'],
  check(model) {
    if (!model.policy) return [];
    return statementsOfType(model.policy, 'TTLSRule').flatMap((r) => {
      const p = findParam(r, 'Priority');
      if (!p) return [];
      const v = p.values.join(' ');
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (n >= 1 && n <= 2000000000) return [];
      return [
        {
          message: `TTLSRule ${r.name ?? ''} Priority ${v} is not an integer in 1-2000000000: Policy Agent rejects the policy and installs none`,
          fix: 'Use a priority in 1-2000000000, leaving gaps between rules (e.g. 255, 500).',
          location: p.location,
        },
      ];
    });
  },
};
