import type { Rule } from './types';
import { IBM, at, hasExtension } from './helpers';

export const rule: Rule = {
  id: 'FTPD-SECPW-OPTIONAL-TLS-ONLY',
  severity: 'info',
  title: 'SECURE_PASSWORD OPTIONAL with only Kerberos enabled',
  fix: 'Remove SECURE_PASSWORD OPTIONAL, or enable TLS with `EXTENSIONS AUTH_TLS`.',
  description: 'SECURE_PASSWORD affects only TLS-protected sessions. With AUTH_GSSAPI but no AUTH_TLS it has no effect.',
  sources: [IBM.securePassword],
  settings: ['SECURE_PASSWORD', 'EXTENSIONS'],
  check(model) {
    const pw = model.ftpData.securePassword;
    if (pw.value !== 'OPTIONAL' || hasExtension(model, 'AUTH_TLS') || !hasExtension(model, 'AUTH_GSSAPI')) return [];
    return [
      {
        message: 'SECURE_PASSWORD OPTIONAL with EXTENSIONS AUTH_GSSAPI only: it applies to TLS sessions, so Kerberos clients are unaffected',
        fix: 'Remove SECURE_PASSWORD OPTIONAL, or enable TLS with `EXTENSIONS AUTH_TLS`.',
        location: at(pw),
      },
    ];
  },
};
