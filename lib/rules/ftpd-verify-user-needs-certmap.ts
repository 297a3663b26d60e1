import type { Rule } from './types';
import { IBM, at, firstAt, seed, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-VERIFY-USER-NEEDS-CERTMAP',
  severity: 'info',
  title: 'Client certificates must be registered in RACF',
  fix: 'Register client certificates with `RACDCERT ID(user) ADD(...) TRUST` or a MAP name filter.',
  description:
    'SECURE_LOGIN VERIFY_USER and SECURE_PASSWORD OPTIONAL need each client certificate registered in the security ' +
    'product and associated with a user ID (RACDCERT ADD ID(user) or MAP). Reported when no key ring is modelled; ' +
    'with a modelled ring, CERT-USER-REGISTERED checks the certificates themselves.',
  sources: [seed('Level 2 authentication ... requires that the client certificate be registered with RACF and mapped to a user ID'), IBM.certMapping],
  settings: ['SECURE_LOGIN', 'SECURE_PASSWORD'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || model.keyRing) return [];
    const verify = d.secureLogin.value === 'VERIFY_USER';
    const optional = d.securePassword.value === 'OPTIONAL' && d.secureLogin.value !== 'NO_CLIENT_AUTH';
    if (!verify && !optional) return [];
    const what = [verify && 'SECURE_LOGIN VERIFY_USER', optional && 'SECURE_PASSWORD OPTIONAL'].filter(Boolean).join(' and ');
    return [
      {
        message: `${what} needs every client certificate registered in RACF and mapped to the login user ID; unregistered clients are ${verify ? 'refused' : 'asked for a password'}`,
        fix: 'Register client certificates with `RACDCERT ID(user) ADD(...) TRUST` or a name filter (`RACDCERT ID(user) MAP SDNFILTER(...) TRUST`).',
        location: firstAt(verify ? at(d.secureLogin) : undefined, at(d.securePassword), at(d.secureLogin)),
      },
    ];
  },
};
