import type { Rule } from './types';
import { IBM, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-FORMAT',
  severity: 'error',
  title: 'Malformed or unknown V3CipherSuites value',
  fix: 'Write one AT-TLS constant per line, or a hex string of the keyword\'s width (2 or 4).',
  description:
    'V3CipherSuites takes constant names or a string of 2-hex codes (4-char-only suites cannot be written in that ' +
    'form); V3CipherSuites4Char takes constants or a string of 4-hex codes. An odd-length string, blanks, a code for ' +
    'the other keyword, or an unknown constant is rejected by Policy Agent.',
  sources: [IBM.cipherParms],
  settings: ['V3CipherSuites', 'V3CipherSuites4Char'],
  check(model) {
    const v = mappedView(model);
    return (v?.ciphers.invalid ?? []).map((bad) => ({
      message: `${bad.reason}: Policy Agent rejects the policy, so no AT-TLS connection works`,
      fix: 'Write one AT-TLS constant per line (e.g. `V3CipherSuites4Char TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`) or a hex string of the right width.',
      location: bad.location,
    }));
  },
};
