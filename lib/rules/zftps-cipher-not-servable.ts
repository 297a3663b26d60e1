import type { Rule, RuleHit } from './types';
import { inferred, mappedView, nativeTls, statements } from './helpers';
import { lookupCipher } from '../model/cipher-suites';

export const rule: Rule = {
  id: 'ZFTPS-CIPHER-NOT-SERVABLE',
  severity: 'warning',
  title: 'Cipher suite not servable by the zftps server',
  fix: 'List a suite Node can serve (e.g. TLS_RSA_WITH_AES_128_GCM_SHA256 / SSL_AES_128_SHA) ahead of it, or accept that only z/OS serves it.',
  description:
    'The configured cipher suite is valid on z/OS but Node\'s TLS (OpenSSL 3) cannot offer it (3DES, RC4, RC2, DES, ' +
    'export suites). z/OS itself is not affected; the zftps server (zftps serve) leaves the suite out, so clients ' +
    'that can only use it cannot connect to the zftps server.',
  sources: [inferred('measured in docs/node-tls-spike.md §3: OpenSSL 3 in Node 20 has no 3DES/RC4/DES/export suites, even at @SECLEVEL=0')],
  settings: ['CIPHERSUITE', 'V3CipherSuites', 'V3CipherSuites4Char'],
  check(model) {
    const hits: RuleHit[] = [];
    const report = (name: string, keyword: string, location: RuleHit['location']) =>
      hits.push({
        message: `${keyword} ${name} is not servable by the zftps server (Node's OpenSSL has no such suite): clients that only offer it can reach z/OS but not zftps serve`,
        fix: `Keep ${name} only if z/OS alone serves these clients; list a servable suite (e.g. TLS_RSA_WITH_AES_128_GCM_SHA256 or SSL_AES_128_SHA) ahead of it.`,
        settings: [keyword],
        location,
      });
    if (nativeTls(model)) {
      for (const s of statements(model, 'CIPHERSUITE')) {
        const suite = lookupCipher(s.args[0] ?? '');
        if (suite && suite.ftpName && !suite.openssl) report(suite.ftpName, 'CIPHERSUITE', s.location);
      }
    }
    const v = mappedView(model);
    for (const c of v?.ciphers.suites ?? []) {
      if (!c.suite.openssl) report(c.suite.iana, c.fourChar ? 'V3CipherSuites4Char' : 'V3CipherSuites', c.location);
    }
    return hits;
  },
};
