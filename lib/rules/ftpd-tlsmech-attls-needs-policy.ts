import type { Rule } from './types';
import { IBM, at, attlsTls, seed } from './helpers';
import { statementsOfType } from '../model/attls-view';

export const rule: Rule = {
  id: 'FTPD-TLSMECH-ATTLS-NEEDS-POLICY',
  severity: 'error',
  title: 'TLSMECHANISM ATTLS without an AT-TLS policy',
  fix: 'Enable TCPCONFIG TTLS and provide a policy whose TTLSRule maps the control port (Direction Inbound, group and environment actions).',
  description:
    'TLSMECHANISM ATTLS hands TLS to the TCP/IP stack: AT-TLS must be enabled in the stack (TCPCONFIG TTLS) ' +
    'and a policy with a TTLSRule for the FTP server must be installed. Without either, AUTH TLS cannot be honoured.',
  sources: [IBM.tlsmechanism, seed('If you specified TLSMECHANISM ATTLS, configure the AT-TLS policy for the FTP server')],
  settings: ['TLSMECHANISM', 'TCPCONFIG TTLS', 'TTLSRule'],
  check(model) {
    if (!attlsTls(model)) return [];
    const where = at(model.ftpData.tlsMechanism);
    if (model.system.ttlsEnabledInStack === false) {
      return [
        {
          message: 'TLSMECHANISM ATTLS but AT-TLS is not enabled in the TCP/IP stack (TCPCONFIG TTLS): AUTH TLS cannot be honoured and TLS clients fail',
          fix: 'Code `TCPCONFIG TTLS` in the TCP/IP profile (zftps writes it to tcpip-profile.txt), or use TLSMECHANISM FTP.',
          location: where,
        },
      ];
    }
    if (!model.policy || statementsOfType(model.policy, 'TTLSRule').length === 0) {
      return [
        {
          message: `TLSMECHANISM ATTLS but ${model.policy ? 'the AT-TLS policy has no TTLSRule' : 'no AT-TLS policy is given'}: no rule maps the control connection, so AUTH TLS cannot be honoured`,
          fix: 'Provide the AT-TLS policy (TTLSRule with LocalPortRange = the control port, Direction Inbound, group and environment actions); with `zftps lint` pass it with --policy.',
          location: where,
        },
      ];
    }
    return [];
  },
};
