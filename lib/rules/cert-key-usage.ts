import type { Rule, RuleHit } from './types';
import { attlsView, inferred, nativeTls, rfc } from './helpers';
import { keyringLocation, ringInUse } from './keyring-helpers';

const has = (usages: readonly string[], u: string) => usages.some((x) => x.toLowerCase() === u.toLowerCase());

export const rule: Rule = {
  id: 'CERT-KEY-USAGE',
  severity: 'warning',
  title: 'Server certificate key usage does not allow the configured key exchange',
  fix: 'Reissue the server certificate with KEYUSAGE(HANDSHAKE) (digitalSignature and keyEncipherment).',
  description:
    'When the server certificate has a key-usage extension, RSA key exchange needs keyEncipherment and ECDHE/DHE ' +
    'and TLS 1.3 need digitalSignature. Severity: error when keyEncipherment is missing and every configured suite ' +
    'uses RSA key exchange (native TLS always does), since no handshake can succeed; warning otherwise. RACF sets ' +
    'both with KEYUSAGE(HANDSHAKE).',
  sources: [rfc('RFC 5280 §4.2.1.3 (keyUsage); RFC 5246 §7.4.2 (certificate must allow the key exchange)'), inferred('strict clients (OpenSSL, Java) refuse a server certificate whose key usage forbids the negotiated key exchange')],
  settings: ['KEYRING', 'Keyring'],
  check(model) {
    const cert = model.keyRing?.serverCertificate;
    if (!ringInUse(model) || !cert || cert.keyUsage.length === 0 || cert.keyAlgorithm !== 'RSA') return [];
    const where = keyringLocation(model);
    const hits: RuleHit[] = [];
    const suites = nativeTls(model) ? undefined : attlsView(model)?.ciphers.suites;
    const allRsa = nativeTls(model) || (suites !== undefined && suites.length > 0 && suites.every((c) => c.suite.keyExchange === 'RSA'));
    if (!has(cert.keyUsage, 'keyEncipherment')) {
      hits.push({
        message: `the server certificate ${cert.label} key usage (${cert.keyUsage.join(', ')}) lacks keyEncipherment: RSA key exchange is impossible${allRsa ? ', and every configured suite uses it, so no client can connect' : ', so clients limited to RSA suites cannot connect'}`,
        fix: 'Reissue the server certificate with KEYUSAGE(HANDSHAKE) (digitalSignature and keyEncipherment).',
        location: where,
        severity: allRsa ? 'error' : 'warning',
      });
    }
    if (!has(cert.keyUsage, 'digitalSignature') && !nativeTls(model)) {
      hits.push({
        message: `the server certificate ${cert.label} key usage (${cert.keyUsage.join(', ')}) lacks digitalSignature: ECDHE, DHE and TLS 1.3 handshakes fail with strict clients`,
        fix: 'Reissue the server certificate with KEYUSAGE(HANDSHAKE) (digitalSignature and keyEncipherment).',
        location: where,
      });
    }
    return hits;
  },
};
