import type { Rule } from './types';
import { IBM, at, seed, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH',
  severity: 'error',
  title: 'SECURE_PASSWORD OPTIONAL without client authentication',
  fix: 'Code `SECURE_LOGIN REQUIRED` or `VERIFY_USER` with SECURE_PASSWORD OPTIONAL, or drop OPTIONAL.',
  description:
    'SECURE_PASSWORD OPTIONAL (log in by certificate, no password) works only with SECURE_LOGIN REQUIRED or ' +
    'VERIFY_USER. With NO_CLIENT_AUTH the server logs EZYFS16I and silently forces SECURE_PASSWORD REQUIRED.',
  sources: [IBM.securePassword, seed('to eliminate the client password prompt, along with your client authentication statement (SECURE_LOGIN REQUIRED or VERIFY_USER), code SECURE_PASSWORD OPTIONAL')],
  settings: ['SECURE_PASSWORD', 'SECURE_LOGIN'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || d.securePassword.value !== 'OPTIONAL' || d.secureLogin.value !== 'NO_CLIENT_AUTH') return [];
    return [
      {
        message: 'SECURE_PASSWORD OPTIONAL with SECURE_LOGIN NO_CLIENT_AUTH: the server forces SECURE_PASSWORD REQUIRED (EZYFS16I), so clients are still asked for a password',
        fix: 'Code `SECURE_LOGIN REQUIRED` or `SECURE_LOGIN VERIFY_USER` together with SECURE_PASSWORD OPTIONAL, or remove SECURE_PASSWORD OPTIONAL.',
        location: at(d.securePassword),
      },
    ];
  },
};
