import type { Rule, RuleHit } from './types';
import { IBM, at, mappedView } from './helpers';

export const rule: Rule = {
  id: 'FTPD-REUSE-ATTLS-TIMEOUT',
  severity: 'warning',
  title: 'Session reuse impossible under AT-TLS',
  fix: 'Set GSK_V3_SESSION_TIMEOUT (TTLSGskAdvancedParms) above the longest control-to-data pause, and SecondaryMap On.',
  description:
    'With AT-TLS, data connections resume the control connection\'s session only when they map to the same ' +
    'environment (SecondaryMap On) and GSK_V3_SESSION_TIMEOUT is not 0. Otherwise SECURE_SESSION_REUSE ALLOWED ' +
    'never resumes (slower transfers) and REQUIRED fails every transfer. This rule checks the timeout; ' +
    'SecondaryMap is ATTLS-SECONDARY-MAP\'s.',
  sources: [IBM.reuseAttls, IBM.gskAdvanced],
  settings: ['SECURE_SESSION_REUSE', 'GSK_V3_SESSION_TIMEOUT'],
  check(model) {
    const v = mappedView(model);
    if (!v) return [];
    const reuse = model.ftpData.secureSessionReuse;
    const effect = reuse.value === 'REQUIRED' ? 'every data transfer fails (REQUIRED)' : 'data connections never resume and clients that insist on resumption fail';
    const hits: RuleHit[] = [];
    if (v.sessionTimeout.value === 0) {
      hits.push({
        message: `GSK_V3_SESSION_TIMEOUT 0 disables the session cache while SECURE_SESSION_REUSE is ${reuse.value}: ${effect}`,
        fix: 'Set GSK_V3_SESSION_TIMEOUT in TTLSGskAdvancedParms to a value longer than the longest pause between control and data connection (default 86400).',
        settings: ['GSK_V3_SESSION_TIMEOUT', 'SECURE_SESSION_REUSE'],
        location: v.sessionTimeout.location ?? at(reuse),
      });
    }
    return hits;
  },
};
