import type { Rule, RuleHit } from './types';
import { inferred, statements, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-CIPHER-DUP',
  severity: 'warning',
  title: 'Same CIPHERSUITE coded twice',
  fix: 'Remove the repeated CIPHERSUITE statement.',
  description: 'CIPHERSUITE statements form an ordered preference list; a repeated name makes the intended order unclear.',
  sources: [inferred('order of CIPHERSUITE statements = preference order (IBM CIPHERSUITE page); a duplicate cannot change it and probably marks an editing slip')],
  settings: ['CIPHERSUITE'],
  check(model) {
    if (!tlsEnabled(model)) return [];
    const seen = new Map<string, number>();
    const hits: RuleHit[] = [];
    for (const s of statements(model, 'CIPHERSUITE')) {
      const name = (s.args[0] ?? '').toUpperCase();
      const first = seen.get(name);
      if (first !== undefined) {
        hits.push({
          message: `CIPHERSUITE ${name} is coded again (first on line ${first}); the preference order is ambiguous`,
          fix: `Remove the repeated \`CIPHERSUITE ${name}\`.`,
          location: s.location,
        });
      } else seen.set(name, s.location.line);
    }
    return hits;
  },
};
