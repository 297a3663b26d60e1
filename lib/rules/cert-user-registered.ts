import type { Rule } from './types';
import { IBM, seed } from './helpers';
import { keyringLocation, ringInUse } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-USER-REGISTERED',
  severity: 'warning',
  title: 'Client certificate mapped to no user ID',
  fix: 'Register the client certificate for its user (RACDCERT ID(user) ADD ... TRUST, or MAP).',
  description:
    'SECURE_LOGIN VERIFY_USER (levels 2 and 3) needs each client certificate registered in RACF and mapped to the ' +
    'login user ID; SECURE_PASSWORD OPTIONAL skips the password only for such certificates. A certificate mapped to no ' +
    'user is refused (VERIFY_USER) or still asked for a password (OPTIONAL).',
  sources: [seed('Level 2 authentication ... requires that the client certificate be registered with RACF and mapped to a user ID'), IBM.securePassword, IBM.certMapping],
  settings: ['SECURE_LOGIN', 'SECURE_PASSWORD'],
  check(model) {
    const d = model.ftpData;
    const verify = d.secureLogin.value === 'VERIFY_USER';
    const optional = d.securePassword.value === 'OPTIONAL' && d.secureLogin.value !== 'NO_CLIENT_AUTH';
    if (!ringInUse(model) || (!verify && !optional)) return [];
    return model.keyRing!.clientCertificates
      .filter((c) => !c.userId)
      .map((c) => ({
        message: `client certificate ${c.label} maps to no user ID: with ${verify ? 'SECURE_LOGIN VERIFY_USER its holder cannot log in' : 'SECURE_PASSWORD OPTIONAL its holder is still asked for a password'}`,
        fix: `Register it for the user: RACDCERT ID(user) ADD(...) WITHLABEL('${c.label}') TRUST, or a MAP name filter.`,
        settings: verify ? ['SECURE_LOGIN'] : ['SECURE_PASSWORD'],
        location: keyringLocation(model),
      }));
  },
};
