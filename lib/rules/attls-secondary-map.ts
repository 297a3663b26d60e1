import type { Rule } from './types';
import { IBM, mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-SECONDARY-MAP',
  severity: 'error',
  title: 'SecondaryMap is not On',
  fix: 'Code `SecondaryMap On` in the FTP server\'s TTLSEnvironmentAdvancedParms.',
  description:
    'SecondaryMap On makes the FTP data connections (active and passive) use the control connection\'s AT-TLS ' +
    'environment. Without it data connections map no rule, so PROT P transfers cannot be protected and session reuse is impossible.',
  sources: [seed('The SecondaryMap parameter enables active or passive data connections to use the AT-TLS policy that is used for the control connection'), IBM.secondaryMap],
  settings: ['SecondaryMap', 'TTLSEnvironmentAdvancedParms'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.ttlsEnabled.value === false || v.secondaryMap.value) return [];
    const sm = v.secondaryMap;
    return [
      {
        message: `TTLSRule ${v.rule.name}: SecondaryMap is ${sm.explicit ? 'Off' : 'not coded (default Off)'}, so data connections do not inherit the control connection's policy and protected (PROT P) transfers fail`,
        fix: 'Code `SecondaryMap On` in the TTLSEnvironmentAdvancedParms of the FTP server\'s environment action.',
        location: sm.location ?? v.environmentAdvanced?.location ?? v.environment?.statement.location ?? v.rule.rule.location,
      },
    ];
  },
};
