import type { Rule } from './types';
import { at, hasExtension, seed } from './helpers';

export const rule: Rule = {
  id: 'FTPD-SECURE-FTP-NO-MECH',
  severity: 'error',
  title: 'SECURE_FTP REQUIRED with no security mechanism enabled',
  fix: 'Code `EXTENSIONS AUTH_TLS` with the TLS setup, or set `SECURE_FTP ALLOWED`.',
  description:
    'SECURE_FTP REQUIRED means every login must use TLS or Kerberos. With neither EXTENSIONS AUTH_TLS nor ' +
    'AUTH_GSSAPI coded no mechanism is available, so no client can ever log in.',
  sources: [seed("Decide whether clients logging in to this server should be required to use the TLS protocol (SECURE_FTP REQUIRED: clients must log in using TLS or Kerberos)")],
  settings: ['SECURE_FTP', 'EXTENSIONS'],
  check(model) {
    const f = model.ftpData.secureFtp;
    if (f.value !== 'REQUIRED' || hasExtension(model, 'AUTH_TLS') || hasExtension(model, 'AUTH_GSSAPI')) return [];
    return [
      {
        message: 'SECURE_FTP REQUIRED but neither EXTENSIONS AUTH_TLS nor AUTH_GSSAPI is coded: every client is refused at USER (530) and nobody can log in',
        fix: 'Code `EXTENSIONS AUTH_TLS` (and the TLS setup), or set SECURE_FTP ALLOWED.',
        location: at(f),
      },
    ];
  },
};
