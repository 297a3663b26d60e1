import type { Rule } from './types';
import { IBM, mappedView, seed } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-DEFAULT',
  severity: 'warning',
  title: 'No TTLSCipherParms for the FTP server',
  fix: 'Add TTLSCipherParms listing the wanted suites in preference order.',
  description: 'Without TTLSCipherParms AT-TLS passes no cipher list to System SSL, whose defaults include the null cipher and weak suites.',
  sources: [IBM.cipherChoice, seed('Guideline: The default ciphers used by System SSL support a null cipher')],
  settings: ['TTLSCipherParms'],
  check(model) {
    const v = mappedView(model);
    if (!v || !v.environment || v.ciphers.explicit || v.suiteBProfile.value !== 'Off') return [];
    return [
      {
        message: `TTLSEnvironmentAction ${v.environment.statement.name ?? ''} has no TTLSCipherParms: System SSL's default list applies, which includes the null cipher, so a client may negotiate no encryption`,
        fix: 'Add TTLSCipherParms (or TTLSCipherParmsRef) listing the suites in preference order, e.g. V3CipherSuites4Char TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 and V3CipherSuites TLS_RSA_WITH_AES_256_GCM_SHA384.',
        location: v.environment.statement.location,
      },
    ];
  },
};
