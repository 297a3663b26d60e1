import type { Rule } from './types';
import { IBM, at, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-TLSPORT-IMPLICIT',
  severity: 'warning',
  title: 'Server runs on the implicit-TLS port',
  fix: 'Serve explicit TLS on port 21 with SECURE_FTP REQUIRED, SECURE_CTRLCONN and SECURE_DATACONN PRIVATE; code `TLSPORT 0`.',
  description:
    'When the server listens on its TLSPORT every session is implicit TLS (port-990 style), which RFC 4217 dropped ' +
    'and IBM recommends against: implicit sessions follow the draft behaviour whatever TLSRFCLEVEL says, and client ' +
    'conventions differ. IBM recommends explicit TLS with SECURE_FTP REQUIRED instead.',
  sources: [IBM.ii13516, IBM.port990, IBM.tlsrfclevel],
  settings: ['TLSPORT', 'PORT'],
  check(model) {
    const p = model.ftpData.tlsPort;
    if (!tlsEnabled(model) || p.value === 0 || p.value !== model.system.controlPort) return [];
    return [
      {
        message: `the server listens on port ${p.value}, which is its TLSPORT: every session is implicit TLS at the draft level, and clients that expect explicit AUTH TLS cannot connect`,
        fix: 'Run the server on an explicit port (e.g. 21) with `EXTENSIONS AUTH_TLS`, `SECURE_FTP REQUIRED`, `SECURE_CTRLCONN PRIVATE` and `SECURE_DATACONN PRIVATE`; code `TLSPORT 0` if no implicit port is wanted.',
        location: at(p),
      },
    ];
  },
};
