import type { Rule, RuleHit } from './types';
import { IBM } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-NAME-LENGTH',
  severity: 'error',
  title: 'Statement name missing or longer than 32 characters',
  fix: 'Name every top-level statement with 1-32 characters.',
  description: 'A top-level policy statement must have a name of 1-32 characters (inline groups may omit it). Policy Agent rejects other names and installs no policy.',
  sources: [IBM.policyStructure, IBM.keyringParms],
  settings: ['statement name'],
  check(model) {
    if (!model.policy) return [];
    const hits: RuleHit[] = [];
    for (const s of model.policy.statements) {
      if (!s.name) {
        hits.push({
          message: `top-level ${s.type} has no name: Policy Agent rejects the policy and installs none`,
          fix: `Name it: \`${s.type} my_name\`.`,
          settings: [s.type],
          location: s.location,
        });
      } else if (s.name.length > 32) {
        hits.push({
          message: `${s.type} name ${s.name} has ${s.name.length} characters (at most 32): Policy Agent rejects the policy and installs none`,
          fix: 'Shorten the name (and its references) to 32 characters or fewer.',
          settings: [s.type],
          location: s.location,
        });
      }
    }
    return hits;
  },
};
