import type { Rule } from './types';
import { IBM, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-SUITEB-IGNORES-CIPHERS',
  severity: 'info',
  title: 'SuiteBProfile overrides TTLSCipherParms',
  fix: 'Drop TTLSCipherParms, or set `SuiteBProfile Off`.',
  description: 'With SuiteBProfile other than Off the Suite B profile decides the ciphers, and TTLSCipherParms is ignored.',
  sources: [IBM.envAction],
  settings: ['SuiteBProfile', 'TTLSCipherParms'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.suiteBProfile.value === 'Off' || !v.ciphers.explicit) return [];
    return [
      {
        message: `SuiteBProfile ${v.suiteBProfile.value} is set, so the TTLSCipherParms list is ignored: clients get the Suite B ciphers instead`,
        fix: 'Remove TTLSCipherParms (Suite B decides) or set `SuiteBProfile Off` to use the list.',
        location: v.suiteBProfile.location,
      },
    ];
  },
};
