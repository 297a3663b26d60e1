import type { Rule } from './types';
import { IBM, attlsTls, inferred } from './helpers';
import { findParam, jobnameMatches, matchingRules } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-JOBNAME',
  severity: 'warning',
  title: 'TTLSRule Jobname does not match the FTP daemon',
  fix: 'Code the daemon\'s job name (e.g. FTPD1, or FTPD*) in Jobname, or remove it.',
  description:
    'A rule with Jobname matches only connections of that job. The FTP daemon runs as the forked job name (procedure ' +
    'FTPD runs as FTPD1; 8-character names keep theirs), so `Jobname FTPD` never matches. Reported when the daemon job ' +
    'name is modelled (system.daemonJobName) and a rule that would otherwise map the control port names another job.',
  sources: [IBM.daemonName, IBM.ttlsRule, inferred('a Jobname condition that does not match leaves the rule unmapped')],
  settings: ['Jobname'],
  check(model) {
    const p = model.policy;
    const job = model.system.daemonJobName;
    if (!attlsTls(model) || !p || !job) return [];
    return matchingRules(p, model.system.controlPort)
      .filter((c) => {
        const j = findParam(c.rule, 'Jobname')?.values[0];
        return j !== undefined && !jobnameMatches(j, job);
      })
      .map((c) => {
        const jp = findParam(c.rule, 'Jobname')!;
        return {
          message: `TTLSRule ${c.name} has Jobname ${jp.values[0]}, but the FTP daemon runs as ${job}: the rule never maps the FTP control connection`,
          fix: `Code \`Jobname ${job}\` (or a pattern such as \`${job.slice(0, -1)}*\`), or remove Jobname.`,
          location: jp.location,
        };
      });
  },
};
