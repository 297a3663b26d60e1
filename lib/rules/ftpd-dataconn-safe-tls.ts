import type { Rule } from './types';
import { IBM, at, hasExtension } from './helpers';

export const rule: Rule = {
  id: 'FTPD-DATACONN-SAFE-TLS',
  severity: 'warning',
  title: 'SECURE_DATACONN SAFE on a TLS-only server',
  fix: 'Write `SECURE_DATACONN PRIVATE`.',
  description: 'For TLS, SAFE behaves exactly like PRIVATE (PROT S is always refused with TLS). Writing SAFE on a TLS-only server suggests an integrity-only level that TLS does not offer.',
  sources: [IBM.secureDataconn, IBM.reply536],
  settings: ['SECURE_DATACONN'],
  check(model) {
    const dc = model.ftpData.secureDataConn;
    if (dc.value !== 'SAFE' || !hasExtension(model, 'AUTH_TLS') || hasExtension(model, 'AUTH_GSSAPI')) return [];
    return [
      {
        message: 'SECURE_DATACONN SAFE on a TLS-only server means PRIVATE: clients must send PROT P, and PROT S is refused with 536',
        fix: 'Write `SECURE_DATACONN PRIVATE`, which says what the server does.',
        location: at(dc),
      },
    ];
  },
};
