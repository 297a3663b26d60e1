import type { Rule } from './types';
import { nativeTls, seed, statements } from './helpers';
import { lookupCipher } from '../model/cipher-suites';

export const rule: Rule = {
  id: 'FTPD-CIPHER-EXPORT-REG',
  severity: 'info',
  title: 'CIPHERSUITE subject to export regulation',
  fix: 'Check that the cryptographic features for these ciphers are installed; keep an alternative in the list.',
  description:
    'IBM lists SSL_3DES_SHA, SSL_RC4_SHA, SSL_RC4_MD5, SSL_AES_128_SHA and SSL_AES_256_SHA as subject to export ' +
    'regulation and possibly unavailable on a given system; if they are, only the remaining ciphers can be negotiated.',
  sources: [seed('Restrictions: The following algorithms are subject to export regulations and might not be available to your system')],
  settings: ['CIPHERSUITE'],
  check(model) {
    if (!nativeTls(model)) return [];
    const regulated = statements(model, 'CIPHERSUITE').filter((s) => lookupCipher(s.args[0] ?? '')?.exportRegulated);
    if (regulated.length === 0) return [];
    return [
      {
        message: `CIPHERSUITE ${regulated.map((s) => s.args[0]).join(', ')} ${regulated.length > 1 ? 'are' : 'is'} subject to export regulation and may be unavailable on this system; clients then negotiate only the remaining ciphers`,
        fix: 'Check that the cryptographic features for these ciphers are installed (System SSL security level 3); otherwise keep an alternative in the list.',
        location: regulated[0].location,
      },
    ];
  },
};
