import type { Rule } from './types';
import { IBM, inferred, mappedView, releaseAtLeast } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-RELEASE',
  severity: 'warning',
  title: 'Cipher suites the target release lacks',
  fix: 'Remove TLS 1.3 suites, or target z/OS 2.4 or later.',
  description:
    'TLS 1.3 suites (TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256) exist in System SSL ' +
    'from z/OS 2.4. On an earlier target release they cannot be negotiated. ECDHE suites are in System SSL since ' +
    'V1R13, so every release zftps models (2.1 and later) has them and they are not reported. Both release facts are ' +
    'inferred (no IBM page states them for FTP), hence a warning.',
  sources: [IBM.tls13Prereq, inferred('TLS 1.3 suites arrived with TLS 1.3 support (z/OS 2.4); ECDHE arrived in System SSL V1R13, before every modelled release')],
  settings: ['V3CipherSuites4Char'],
  check(model) {
    const v = mappedView(model);
    if (!v || releaseAtLeast(model.system.release, '2.4')) return [];
    const tls13 = v.ciphers.suites.filter((c) => c.suite.keyExchange === 'TLS13');
    if (tls13.length === 0) return [];
    return [
      {
        message: `TLS 1.3 suites (${tls13.map((c) => c.suite.iana).join(', ')}) on a z/OS ${model.system.release} target: they need z/OS 2.4 or later and clients cannot negotiate them`,
        fix: 'Remove the TLS 1.3 suites, or target z/OS 2.4 or later.',
        location: tls13[0].location,
      },
    ];
  },
};
