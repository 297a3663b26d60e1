import type { Rule } from './types';
import { inferred, mappedView, seed } from './helpers';
import { findParam } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-DIRECTION-BOTH',
  severity: 'warning',
  title: 'FTP server rule with Direction Both',
  fix: 'Code `Direction Inbound`.',
  description:
    'IBM requires Direction Inbound for the FTP server rule. Both also matches outbound connections, so the server ' +
    'rule can capture the server\'s active-mode data connections (and other outbound traffic) before SecondaryMap applies.',
  sources: [seed('The TTLSRule statement for the FTP server requires the Direction parameter with the value Inbound'), inferred('Both matches connect() as well as accept(); a primary mapping wins over the secondary one')],
  settings: ['Direction'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.rule.direction !== 'Both') return [];
    return [
      {
        message: `TTLSRule ${v.rule.name} has Direction Both: outbound connections (such as active-mode data connections) may map the server rule directly instead of inheriting the control connection's policy`,
        fix: 'Code `Direction Inbound`.',
        location: findParam(v.rule.rule, 'Direction')?.location,
      },
    ];
  },
};
