import type { Rule, RuleHit } from './types';
import { IBM, inferred, mappedView } from './helpers';
import { PROTOCOL_NAMES } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-PROTOCOLS',
  severity: 'warning',
  title: 'Protocol switches of the FTP server environment',
  fix: 'Code `TLSv1.2 On` (and `TLSv1.3 On` from z/OS 2.4), and `TLSv1 Off`, `TLSv1.1 Off`, `SSLv3 Off` once clients allow.',
  description:
    'IBM\'s defaults (unchanged in 2.5 and 3.1) are SSLv2 Off, SSLv3 Off, TLSv1 On, TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off, ' +
    'so a policy that codes no switches tops out at TLS 1.1. Warnings: SSLv2/SSLv3 On; TLSv1 or TLSv1.1 On (coded or ' +
    'by default); TLSv1.2 and TLSv1.3 both left at their default Off. Error (severity raised): every protocol Off, so no handshake can succeed.',
  sources: [IBM.envAdvanced, IBM.envAdvanced25, inferred('RFC 8996 deprecates TLS 1.0 and 1.1; RFC 7568 SSLv3; RFC 6176 SSLv2')],
  settings: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  check(model) {
    const v = mappedView(model);
    if (!v || !v.environment) return [];
    const where = v.environmentAdvanced?.location ?? v.environment.statement.location;
    const pr = v.protocols;
    const hits: RuleHit[] = [];
    if (PROTOCOL_NAMES.every((n) => !pr[n].value)) {
      return [
        {
          message: 'every protocol (SSLv2 … TLSv1.3) is Off for the FTP server environment: no TLS handshake can succeed',
          fix: 'Code `TLSv1.2 On` (and `TLSv1.3 On` on z/OS 2.4 and later) in TTLSEnvironmentAdvancedParms.',
          severity: 'error',
          location: where,
        },
      ];
    }
    for (const n of ['SSLv2', 'SSLv3'] as const) {
      if (pr[n].value) {
        hits.push({
          message: `${n} On lets clients negotiate a broken protocol: such sessions can be decrypted`,
          fix: `Code \`${n} Off\` (the default).`,
          settings: [n],
          location: pr[n].location,
        });
      }
    }
    const oldOn = (['TLSv1', 'TLSv1.1'] as const).filter((n) => pr[n].value);
    if (oldOn.length > 0) {
      const byDefault = oldOn.filter((n) => !pr[n].explicit);
      hits.push({
        message: `${oldOn.join(' and ')} ${oldOn.length > 1 ? 'are' : 'is'} On${byDefault.length ? ` (${byDefault.join(', ')} by IBM default)` : ''}: deprecated protocols (RFC 8996) that clients may still negotiate`,
        fix: `Code ${oldOn.map((n) => `\`${n} Off\``).join(' and ')} in TTLSEnvironmentAdvancedParms once all clients speak TLS 1.2.`,
        settings: [...oldOn],
        location: oldOn.map((n) => pr[n].location).find(Boolean) ?? where,
      });
    }
    if (!pr['TLSv1.2'].explicit && !pr['TLSv1.3'].explicit) {
      hits.push({
        message: 'TLSv1.2 and TLSv1.3 are not coded, so both stay at IBM\'s default Off: the FTP server negotiates at most TLS 1.1 and clients requiring TLS 1.2 fail',
        fix: 'Code `TLSv1.2 On` (and `TLSv1.3 On` on z/OS 2.4 and later) in TTLSEnvironmentAdvancedParms.',
        settings: ['TLSv1.2', 'TLSv1.3'],
        location: where,
      });
    }
    return hits;
  },
};
