import type { Rule } from './types';
import { inferred, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-WEAK',
  severity: 'warning',
  title: 'Weak cipher in the FTP server\'s TTLSCipherParms',
  fix: 'Remove export, RC4, RC2, DES and 3DES suites; prefer AES-GCM.',
  description: 'Export-grade, RC4, RC2, DES and 3DES suites are broken or deprecated (RFC 7465, SWEET32); sessions that negotiate them can be attacked.',
  sources: [inferred('RFC 7465 prohibits RC4; 40-bit export and 56-bit DES keys are brute-forceable; 3DES has a 64-bit block (SWEET32)')],
  settings: ['V3CipherSuites', 'V3CipherSuites4Char'],
  check(model) {
    const v = mappedView(model);
    return (v?.ciphers.suites ?? [])
      .filter((c) => c.suite.weak)
      .map((c) => ({
        message: `${c.fourChar ? 'V3CipherSuites4Char' : 'V3CipherSuites'} ${c.suite.iana} is weak (${c.suite.bulk}): sessions that negotiate it can be broken`,
        fix: `Remove ${c.suite.iana}; prefer AES-GCM suites such as TLS_RSA_WITH_AES_128_GCM_SHA256.`,
        location: c.location,
      }));
  },
};
