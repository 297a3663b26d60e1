import type { Rule } from './types';
import { IBM, inferred, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CLIENTAUTH-UNNEEDED',
  severity: 'warning',
  title: 'ServerWithClientAuth with SECURE_LOGIN NO_CLIENT_AUTH',
  fix: 'Code `HandshakeRole Server`, or set SECURE_LOGIN REQUIRED/VERIFY_USER.',
  description:
    'HandshakeRole ServerWithClientAuth asks every client for a certificate (and with ClientAuthType Required or ' +
    'SAFCheck rejects those without one), yet SECURE_LOGIN NO_CLIENT_AUTH means FTP never uses it.',
  sources: [IBM.handshakeRoles, inferred('ClientAuthType table: Required/SAFCheck reject certificate-less clients (return code 5001) although FTP does not authenticate with certificates')],
  settings: ['HandshakeRole', 'ClientAuthType', 'SECURE_LOGIN'],
  check(model) {
    const v = mappedView(model);
    if (!v || model.ftpData.secureLogin.value !== 'NO_CLIENT_AUTH' || v.handshakeRole.value !== 'ServerWithClientAuth') return [];
    const rejects = v.clientAuthType.value === 'Required' || v.clientAuthType.value === 'SAFCheck';
    return [
      {
        message: `HandshakeRole ServerWithClientAuth with SECURE_LOGIN NO_CLIENT_AUTH: clients are asked for a certificate FTP never uses${rejects ? `, and with ClientAuthType ${v.clientAuthType.value} clients without one fail the handshake` : ''}`,
        fix: 'Code `HandshakeRole Server`, or set SECURE_LOGIN REQUIRED/VERIFY_USER if client certificates are wanted.',
        location: v.handshakeRole.location,
      },
    ];
  },
};
