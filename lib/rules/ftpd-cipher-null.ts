import type { Rule } from './types';
import { nativeTls, seed, statements } from './helpers';
import { lookupCipher } from '../model/cipher-suites';

export const rule: Rule = {
  id: 'FTPD-CIPHER-NULL',
  severity: 'warning',
  title: 'Null cipher in CIPHERSUITE',
  fix: 'Remove SSL_NULL_MD5 and SSL_NULL_SHA; list SSL_AES_256_SHA and SSL_AES_128_SHA.',
  description: 'SSL_NULL_MD5 and SSL_NULL_SHA encrypt nothing: a client that negotiates them sends passwords and data in clear. IBM says to remove the null cipher.',
  sources: [seed('Guideline: ... should be coded to remove the null cipher from the list of acceptable ciphers')],
  settings: ['CIPHERSUITE'],
  check(model) {
    if (!nativeTls(model)) return [];
    return statements(model, 'CIPHERSUITE')
      .filter((s) => lookupCipher(s.args[0] ?? '')?.null)
      .map((s) => ({
        message: `CIPHERSUITE ${s.args[0]} is a null cipher: a session that negotiates it protects nothing (passwords and data travel in clear)`,
        fix: `Remove \`CIPHERSUITE ${s.args[0]}\`; list SSL_AES_256_SHA and SSL_AES_128_SHA instead.`,
        location: s.location,
      }));
  },
};
