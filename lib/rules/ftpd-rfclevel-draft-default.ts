import type { Rule } from './types';
import { IBM, inferred, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-RFCLEVEL-DRAFT-DEFAULT',
  severity: 'info',
  title: 'TLSRFCLEVEL left at the DRAFT default',
  fix: 'Code `TLSRFCLEVEL RFC4217` (peers must match), or `TLSRFCLEVEL DRAFT` to make the choice explicit.',
  description:
    'Without TLSRFCLEVEL the server behaves at the Internet-draft level of FTP over TLS (z/OS behaviour since V1R2): ' +
    'clients cannot use CCC, and AUTH is handled the draft\'s more restrictive way. Clients written to RFC 4217 may expect more.',
  sources: [IBM.tlsrfclevel, inferred('modern clients implement RFC 4217 (CCC after login, AUTH at any time)')],
  settings: ['TLSRFCLEVEL'],
  check(model) {
    if (!tlsEnabled(model) || model.ftpData.tlsRfcLevel.explicit) return [];
    const ext = model.ftpData.extensions.find((e) => e.value === 'AUTH_TLS');
    return [
      {
        message: 'TLSRFCLEVEL is not coded, so the server runs at the DRAFT level: clients cannot clear the control connection with CCC (useful behind NAT firewalls)',
        fix: 'Code `TLSRFCLEVEL RFC4217` (clients and server must then use the same level), or `TLSRFCLEVEL DRAFT` to make the choice explicit.',
        location: ext?.location,
      },
    ];
  },
};
