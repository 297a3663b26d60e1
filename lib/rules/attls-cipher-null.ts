import type { Rule } from './types';
import { mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-NULL',
  severity: 'warning',
  title: 'Null cipher in the FTP server\'s TTLSCipherParms',
  fix: 'Remove TLS_RSA_WITH_NULL_* suites from TTLSCipherParms.',
  description: 'TLS_RSA_WITH_NULL_* suites encrypt nothing. IBM\'s guideline is to remove the null cipher, even though the seed\'s own sample policy lists TLS_RSA_WITH_NULL_SHA.',
  sources: [seed('Guideline: ... should be coded to remove the null cipher from the list of acceptable ciphers')],
  settings: ['V3CipherSuites', 'V3CipherSuites4Char'],
  check(model) {
    const v = mappedView(model);
    return (v?.ciphers.suites ?? [])
      .filter((c) => c.suite.null)
      .map((c) => ({
        message: `${c.fourChar ? 'V3CipherSuites4Char' : 'V3CipherSuites'} ${c.suite.iana} is a null cipher: a client that negotiates it sends passwords and data in clear`,
        fix: `Remove ${c.suite.iana} from the TTLSCipherParms.`,
        location: c.location,
      }));
  },
};
