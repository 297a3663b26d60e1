import type { Rule } from './types';
import { IBM, mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-APPLICATION-CONTROLLED',
  severity: 'error',
  title: 'ApplicationControlled is not On',
  fix: 'Code `ApplicationControlled On` in the FTP server\'s TTLSEnvironmentAdvancedParms.',
  description:
    'The FTP server is an AT-TLS controlling application: it starts TLS itself after AUTH TLS and stops it for CCC. ' +
    'Without ApplicationControlled On (TTLSEnvironmentAdvancedParms, or the connection advanced parms) the stack ' +
    'handshakes as soon as the connection is accepted, and the clear-text 220/AUTH exchange breaks.',
  sources: [seed('Code a TTLSEnvironmentAdvancedParms statement with the ApplicationControlled and SecondaryMap parameters; both should specify On'), IBM.controllingApp, IBM.ioctlStates],
  settings: ['ApplicationControlled', 'TTLSEnvironmentAdvancedParms'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.ttlsEnabled.value === false || v.applicationControlled.value) return [];
    const ac = v.applicationControlled;
    return [
      {
        message: `TTLSRule ${v.rule.name}: ApplicationControlled is ${ac.explicit ? 'Off' : 'not coded (default Off)'}, so AT-TLS handshakes on accept and clients doing AUTH TLS (explicit FTPS) fail`,
        fix: 'Code `ApplicationControlled On` in the TTLSEnvironmentAdvancedParms of the FTP server\'s environment action.',
        location: ac.location ?? v.environmentAdvanced?.location ?? v.environment?.statement.location ?? v.rule.rule.location,
      },
    ];
  },
};
