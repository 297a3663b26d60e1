import type { Rule } from './types';
import { IBM, at, clientAuthWanted, mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CLIENTAUTH-ROLE',
  severity: 'error',
  title: 'Client authentication wanted but HandshakeRole is not ServerWithClientAuth',
  fix: 'Code `HandshakeRole ServerWithClientAuth` in the environment action.',
  description:
    'SECURE_LOGIN REQUIRED or VERIFY_USER needs the client certificate from the handshake. Only HandshakeRole ' +
    'ServerWithClientAuth asks for it; with Server no certificate arrives and every USER gets 531.',
  sources: [seed('If the SECURE_LOGIN statement is coded with REQUIRED or VERIFY_USER, the HandshakeRole parameter value must be ServerWithClientAuth'), IBM.reply531],
  settings: ['SECURE_LOGIN', 'HandshakeRole'],
  check(model) {
    const v = mappedView(model);
    if (!v || !clientAuthWanted(model) || v.handshakeRole.value !== 'Server') return [];
    return [
      {
        message: `SECURE_LOGIN ${model.ftpData.secureLogin.value} but HandshakeRole Server: no client certificate is requested, so every login is refused with 531 Server requires client certificate`,
        fix: 'Code `HandshakeRole ServerWithClientAuth` in the FTP server\'s TTLSEnvironmentAction.',
        location: v.handshakeRole.location ?? at(model.ftpData.secureLogin),
      },
    ];
  },
};
