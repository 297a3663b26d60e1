import type { Rule } from './types';
import { IBM, attlsTls, seed } from './helpers';
import { findParam, matchingRules, ruleCoversLocalPort, statementsOfType } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-DIRECTION',
  severity: 'error',
  title: 'FTP server rule with Direction Outbound',
  fix: 'Code `Direction Inbound` in the FTP server rule.',
  description:
    'The FTP server accepts its control connections (passive socket), which only Direction Inbound (or Both) matches. ' +
    'Reported when no inbound rule covers the control port but an Outbound rule does, which looks like the intended server rule.',
  sources: [seed('The TTLSRule statement for the FTP server requires the Direction parameter with the value Inbound'), IBM.ttlsRule],
  settings: ['Direction', 'TTLSRule'],
  check(model) {
    const p = model.policy;
    if (!attlsTls(model) || !p) return [];
    const port = model.system.controlPort;
    if (matchingRules(p, port).length > 0) return [];
    return statementsOfType(p, 'TTLSRule')
      .filter((r) => /^outbound$/i.test(findParam(r, 'Direction')?.values[0] ?? '') && ruleCoversLocalPort(p, r, port))
      .map((r) => ({
        message: `TTLSRule ${r.name ?? ''} covers control port ${port} but has Direction Outbound: accepted FTP connections never map it, so AUTH TLS cannot be honoured`,
        fix: 'Code `Direction Inbound` in the FTP server\'s TTLSRule.',
        location: findParam(r, 'Direction')!.location,
      }));
  },
};
