import type { Rule } from './types';
import { IBM } from './helpers';
import { findUnresolvedRefs } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-REF-RESOLVE',
  severity: 'error',
  title: 'Reference to an undefined statement',
  fix: 'Define the referenced statement or correct the name (exact case).',
  description:
    'A `…Ref` parameter must name a statement of the matching type. Names are case-sensitive (`ftp_env` is not ' +
    '`FTP_ENV`). Policy Agent treats an unresolved reference as an error and installs no new AT-TLS policy.',
  sources: [IBM.policyStructure, IBM.ttlsConfig],
  settings: ['…Ref'],
  check(model) {
    if (!model.policy) return [];
    const names = new Map<string, string[]>();
    for (const s of model.policy.statements) if (s.name) names.set(s.type.toLowerCase(), [...(names.get(s.type.toLowerCase()) ?? []), s.name]);
    return findUnresolvedRefs(model.policy).map((r) => {
      const sameType = names.get(r.expectedType.toLowerCase()) ?? [];
      const caseOnly = sameType.find((n) => n.toLowerCase() === r.name.toLowerCase());
      return {
        message: `${r.key} ${r.name} names no ${r.expectedType}${caseOnly ? ` (there is ${caseOnly}; names are case-sensitive)` : ''}: Policy Agent rejects the policy and installs none`,
        fix: caseOnly ? `Write \`${r.key} ${caseOnly}\`.` : `Define \`${r.expectedType} ${r.name} { ... }\` or correct the name.`,
        settings: [r.key],
        location: r.location,
      };
    });
  },
};
