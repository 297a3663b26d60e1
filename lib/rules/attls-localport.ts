import type { Rule } from './types';
import { attlsTls, seed } from './helpers';
import { findParam, matchingRules, ruleCoversLocalPort, statementsOfType } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-LOCALPORT',
  severity: 'error',
  title: 'No TTLSRule covers the FTP control port',
  fix: 'Code `LocalPortRange <control port>` (the port the FTP server listens on) in its TTLSRule.',
  description:
    'The FTP server\'s rule must have LocalPortRange (or a PortRange/PortGroup reference) covering the port the server ' +
    'listens on (PORT start parameter, default 21). Otherwise the control connection maps no rule and AUTH TLS fails.',
  sources: [seed('LocalPortRange 21 # This should be set to the port the FTP server is listening on')],
  settings: ['LocalPortRange', 'PORT'],
  check(model) {
    const p = model.policy;
    if (!attlsTls(model) || !p) return [];
    const port = model.system.controlPort;
    const rules = statementsOfType(p, 'TTLSRule');
    if (rules.length === 0 || matchingRules(p, port).length > 0) return [];
    // An Outbound rule over the port is ATTLS-DIRECTION's finding.
    if (rules.some((r) => ruleCoversLocalPort(p, r, port) && /^outbound$/i.test(findParam(r, 'Direction')?.values[0] ?? ''))) return [];
    const inbound = rules.filter((r) => /^(inbound|both)$/i.test(findParam(r, 'Direction')?.values[0] ?? ''));
    const target = inbound[0] ?? rules[0];
    const lp = findParam(target, 'LocalPortRange') ?? findParam(target, 'LocalPortRangeRef') ?? findParam(target, 'LocalPortGroupRef');
    return [
      {
        message: `no inbound TTLSRule covers the FTP control port ${port}${lp ? ` (TTLSRule ${target.name ?? ''} has ${lp.key} ${lp.values.join(' ')})` : ''}: control connections map no AT-TLS rule, so AUTH TLS cannot be honoured`,
        fix: `Code \`LocalPortRange ${port}\` in the FTP server's TTLSRule (the port the FTP server listens on).`,
        location: lp?.location ?? target.location,
      },
    ];
  },
};
