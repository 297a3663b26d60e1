import type { Rule } from './types';
import { IBM, at, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-TLSPORT-SECUREIMPLICIT',
  severity: 'warning',
  title: 'Implicit-TLS server without SECUREIMPLICITZOS',
  fix: 'Code `SECUREIMPLICITZOS FALSE` for non-z/OS clients or `TRUE` for z/OS clients.',
  description:
    'IBM says to code SECUREIMPLICITZOS when the server is started on its TLSPORT. The default TRUE sends the 220 ' +
    'greeting in clear before the handshake (z/OS style); most non-z/OS clients handshake first (FALSE) and hang.',
  sources: [IBM.secureImplicit],
  settings: ['SECUREIMPLICITZOS', 'TLSPORT'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || d.tlsPort.value === 0 || d.tlsPort.value !== model.system.controlPort || d.secureImplicitZos.explicit) return [];
    return [
      {
        message: `the server listens on its TLSPORT ${d.tlsPort.value} but SECUREIMPLICITZOS is not coded: it sends 220 in clear before the handshake, so clients that handshake first (most non-z/OS clients) hang`,
        fix: 'Code `SECUREIMPLICITZOS FALSE` for non-z/OS clients (handshake first) or `SECUREIMPLICITZOS TRUE` for z/OS clients.',
        location: at(d.tlsPort),
      },
    ];
  },
};
