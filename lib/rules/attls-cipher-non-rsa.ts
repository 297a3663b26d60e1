import type { Rule } from './types';
import { inferred, mappedView, seed, zosRef } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CIPHER-NON-RSA',
  severity: 'warning',
  title: 'Non-RSA key exchange in the FTP server\'s cipher list',
  fix: 'Keep an RSA key-exchange suite in the list and confirm ECDHE/TLS 1.3 support on the target system.',
  description:
    'The seed states that only RSA key exchange is supported for the FTP server. Modern AT-TLS supports DHE and ' +
    'ECDHE suites, so this is a warning: confirm that the target system negotiates them for FTP. TLS 1.3 suites are ' +
    'not counted: they carry no key exchange of their own, and the release rules cover them. ' +
    'One finding lists all such suites.',
  sources: [seed('Restrictions: Only RSA key exchange is supported'), zosRef('§3.2'), inferred('AT-TLS accepts the whole System SSL list, including ECDHE')],
  settings: ['V3CipherSuites', 'V3CipherSuites4Char'],
  check(model) {
    const v = mappedView(model);
    // TLS 1.3 suites name no key exchange (it is always ECDHE/DHE); the seed's restriction predates
    // TLS 1.3, and ATTLS-CIPHER-RELEASE / ATTLS-TLSV13-RELEASE cover whether the release has them.
    const nonRsa = (v?.ciphers.suites ?? []).filter((c) => c.suite.keyExchange !== 'RSA' && c.suite.keyExchange !== 'TLS13');
    if (nonRsa.length === 0) return [];
    return [
      {
        message: `the FTP server's cipher list has non-RSA key exchange suites (${nonRsa.map((c) => c.suite.iana).join(', ')}); IBM documents only RSA key exchange for FTP, so clients may not get them`,
        fix: 'Keep an RSA key-exchange suite (e.g. TLS_RSA_WITH_AES_128_GCM_SHA256) in the list, and verify ECDHE/TLS 1.3 support on the target system.',
        location: nonRsa[0].location,
      },
    ];
  },
};
