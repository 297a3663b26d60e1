import type { Rule } from './types';
import { IBM, at, firstAt, nativeTls, seed } from './helpers';

export const rule: Rule = {
  id: 'FTPD-TLSMECH-FTP-KEYRING',
  severity: 'error',
  title: 'Native TLS without a KEYRING',
  fix: 'Code `KEYRING <ring>` naming the ring with the server certificate, or use TLSMECHANISM ATTLS with a policy.',
  description:
    'With TLSMECHANISM FTP (the default) the FTP server performs TLS itself and needs a KEYRING holding its ' +
    'certificate and private key. Without one every AUTH TLS handshake fails.',
  sources: [IBM.tlsmechanism, seed('If using TLSMECHANISM FTP, you must configure the FTP server with a key ring database')],
  settings: ['KEYRING', 'TLSMECHANISM', 'EXTENSIONS'],
  check(model) {
    const d = model.ftpData;
    if (!nativeTls(model) || d.keyring.value) return [];
    const ext = d.extensions.find((e) => e.value === 'AUTH_TLS');
    return [
      {
        message: `EXTENSIONS AUTH_TLS with TLSMECHANISM FTP${d.tlsMechanism.explicit ? '' : ' (the default)'} but no KEYRING: the server has no certificate, so every AUTH TLS handshake fails`,
        fix: 'Code `KEYRING <ring>` (SAF ring, owner/ring or /path/key.kdb) holding the server certificate, or use TLSMECHANISM ATTLS with a policy.',
        location: firstAt(at(d.tlsMechanism), ext?.location),
      },
    ];
  },
};
