import type { Rule } from './types';
import { IBM, at, hasExtension } from './helpers';

export const rule: Rule = {
  id: 'FTPD-SECURE-LOGIN-NEEDS-EXT',
  severity: 'warning',
  title: 'SECURE_LOGIN without a security extension',
  fix: 'Code `EXTENSIONS AUTH_TLS` (or AUTH_GSSAPI), or remove SECURE_LOGIN.',
  description:
    'SECURE_LOGIN is valid only when EXTENSIONS AUTH_TLS or AUTH_GSSAPI is coded; otherwise no client ' +
    'ever presents a certificate or ticket and the client-authentication level is never applied.',
  sources: [IBM.secureLogin],
  settings: ['SECURE_LOGIN', 'EXTENSIONS'],
  check(model) {
    const login = model.ftpData.secureLogin;
    if (login.value === 'NO_CLIENT_AUTH' || hasExtension(model, 'AUTH_TLS') || hasExtension(model, 'AUTH_GSSAPI')) return [];
    return [
      {
        message: `SECURE_LOGIN ${login.value} is coded but neither EXTENSIONS AUTH_TLS nor AUTH_GSSAPI is, so client authentication is never performed`,
        fix: 'Code `EXTENSIONS AUTH_TLS` (or AUTH_GSSAPI), or remove SECURE_LOGIN.',
        location: at(login),
      },
    ];
  },
};
