import type { Rule } from './types';
import { RFC4217, at, hasExtension, inferred } from './helpers';

export const rule: Rule = {
  id: 'FTPD-PBSZ-KERBEROS',
  severity: 'info',
  title: 'SECURE_PBSZ on a TLS-only server',
  fix: 'Remove SECURE_PBSZ unless Kerberos (AUTH_GSSAPI) is enabled.',
  description: 'SECURE_PBSZ sizes Kerberos protected buffers. TLS clients always send PBSZ 0, so on a server without AUTH_GSSAPI the statement has no effect.',
  sources: [RFC4217('9 (PBSZ 0 for TLS)'), inferred('the protection buffer size only applies to GSSAPI-wrapped data')],
  settings: ['SECURE_PBSZ', 'EXTENSIONS'],
  check(model) {
    const p = model.ftpData.securePbsz;
    if (!p.explicit || hasExtension(model, 'AUTH_GSSAPI') || !hasExtension(model, 'AUTH_TLS')) return [];
    return [
      {
        message: 'SECURE_PBSZ is coded on a TLS-only server (no EXTENSIONS AUTH_GSSAPI): TLS clients send PBSZ 0 and the value is never used',
        fix: 'Remove SECURE_PBSZ, or keep it if Kerberos (AUTH_GSSAPI) will be enabled.',
        location: at(p),
      },
    ];
  },
};
