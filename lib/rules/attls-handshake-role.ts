import type { Rule } from './types';
import { IBM, RFC4217, mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-HANDSHAKE-ROLE',
  severity: 'error',
  title: 'HandshakeRole Client for the FTP server',
  fix: 'Code `HandshakeRole Server` (ServerWithClientAuth for client authentication).',
  description:
    'The FTP server is always the TLS server, on the control connection and on every data connection whichever side ' +
    'connects. HandshakeRole must be Server or ServerWithClientAuth (a TTLSConnectionAction may override the environment\'s).',
  sources: [seed('The FTP server requires that the HandshakeRole parameter with the value Server or ServerWithClientAuth be coded'), IBM.handshakeRoles, RFC4217('7')],
  settings: ['HandshakeRole'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.handshakeRole.value !== 'Client') return [];
    return [
      {
        message: `TTLSRule ${v.rule.name}: HandshakeRole Client makes the FTP server act as TLS client; clients (also TLS clients) can never complete a handshake`,
        fix: 'Code `HandshakeRole Server` (or ServerWithClientAuth with SECURE_LOGIN REQUIRED/VERIFY_USER).',
        location: v.handshakeRole.location,
      },
    ];
  },
};
