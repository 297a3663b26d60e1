import type { Rule } from './types';
import { inferred, nativeTls, statements } from './helpers';
import { lookupCipher } from '../model/cipher-suites';

export const rule: Rule = {
  id: 'FTPD-CIPHER-WEAK',
  severity: 'warning',
  title: 'Weak cipher in CIPHERSUITE',
  fix: 'Remove export, RC4, RC2, DES and 3DES ciphers; prefer SSL_AES_256_SHA and SSL_AES_128_SHA.',
  description:
    'Export-grade (_EX, 40-bit), RC4, RC2, DES and 3DES ciphers are broken or deprecated (RC4: RFC 7465; ' +
    '3DES: SWEET32). A client that prefers them gets a session an eavesdropper can attack.',
  sources: [inferred('RFC 7465 prohibits RC4; 40-bit export and 56-bit DES keys are brute-forceable; 3DES has a 64-bit block (SWEET32)')],
  settings: ['CIPHERSUITE'],
  check(model) {
    if (!nativeTls(model)) return [];
    return statements(model, 'CIPHERSUITE')
      .filter((s) => lookupCipher(s.args[0] ?? '')?.weak)
      .map((s) => ({
        message: `CIPHERSUITE ${s.args[0]} is a weak cipher (${lookupCipher(s.args[0])!.bulk}): sessions that negotiate it can be broken`,
        fix: `Remove \`CIPHERSUITE ${s.args[0]}\`; prefer SSL_AES_256_SHA and SSL_AES_128_SHA.`,
        location: s.location,
      }));
  },
};
