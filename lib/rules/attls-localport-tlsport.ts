import type { Rule } from './types';
import { at, attlsTls, inferred } from './helpers';
import { matchingRules } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-LOCALPORT-TLSPORT',
  severity: 'warning',
  title: 'TLSPORT not covered by any inbound TTLSRule',
  fix: 'Cover the TLSPORT with an inbound rule, or code `TLSPORT 0`.',
  description:
    'TLSPORT is coded for implicit TLS on another port than the control port, but no inbound TTLSRule covers it. ' +
    'A server started on that port would have no AT-TLS policy, so implicit-TLS clients could not connect.',
  sources: [inferred('implicit sessions under AT-TLS also need a rule mapping their port (same reasoning as ATTLS-LOCALPORT)')],
  settings: ['TLSPORT', 'LocalPortRange'],
  check(model) {
    const p = model.policy;
    const t = model.ftpData.tlsPort;
    if (!attlsTls(model) || !p || !t.explicit || t.value === 0 || t.value === model.system.controlPort) return [];
    if (matchingRules(p, t.value).length > 0) return [];
    return [
      {
        message: `TLSPORT ${t.value} is coded but no inbound TTLSRule covers port ${t.value}: implicit-TLS connections there would map no AT-TLS policy`,
        fix: `Extend the FTP server's LocalPortRange (or add a rule) to cover port ${t.value}, or code \`TLSPORT 0\` if no implicit port is wanted.`,
        location: at(t),
      },
    ];
  },
};
