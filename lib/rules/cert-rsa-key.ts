import type { Rule } from './types';
import { attlsTls, seed, zosRef } from './helpers';
import { keyringLocation, ringInUse } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-RSA-KEY',
  severity: 'error',
  title: 'Server certificate key is not RSA',
  fix: 'Issue the server certificate with an RSA key (2048 bits or more).',
  description:
    'IBM supports only RSA key exchange for the FTP server. Severity: error with native TLS (its ten CIPHERSUITE names ' +
    'are all RSA, so no handshake can succeed); warning with AT-TLS, where ECDHE_ECDSA suites might still work.',
  sources: [seed('Restrictions: Only RSA key exchange is supported'), zosRef('§3.2 (AT-TLS supports ECDHE)')],
  settings: ['KEYRING', 'Keyring'],
  check(model) {
    const cert = model.keyRing?.serverCertificate;
    if (!ringInUse(model) || !cert || cert.keyAlgorithm === 'RSA') return [];
    const att = attlsTls(model);
    return [
      {
        message: `the server certificate ${cert.label} has a${cert.keyAlgorithm === 'EC' ? 'n EC' : ' non-RSA'} key: ${att ? 'clients limited to RSA key exchange (all FTP-documented suites) cannot connect' : 'native TLS offers only RSA key exchange, so every handshake fails'}`,
        fix: 'Issue the server certificate with an RSA key (2048 bits or more).',
        location: keyringLocation(model),
        severity: att ? 'warning' : 'error',
      },
    ];
  },
};
