import type { Rule } from './types';
import { at, firstAt, nativeTls, seed, statements } from './helpers';

export const rule: Rule = {
  id: 'FTPD-CIPHER-DEFAULT-HAS-NULL',
  severity: 'warning',
  title: 'No CIPHERSUITE: System SSL defaults include the null cipher',
  fix: 'Code CIPHERSUITE statements in order of preference, e.g. SSL_AES_256_SHA then SSL_AES_128_SHA.',
  description:
    'With native TLS and no CIPHERSUITE statement the System SSL default list applies, which includes null ' +
    '(no encryption) and export-grade ciphers. IBM says to code CIPHERSUITE to remove the null cipher.',
  sources: [seed('Guideline: The default ciphers used by System SSL support a null cipher')],
  settings: ['CIPHERSUITE', 'TLSMECHANISM'],
  check(model) {
    if (!nativeTls(model) || statements(model, 'CIPHERSUITE').length > 0) return [];
    const ext = model.ftpData.extensions.find((e) => e.value === 'AUTH_TLS');
    return [
      {
        message: 'no CIPHERSUITE is coded, so System SSL\'s default list applies, which includes the null cipher: a client may negotiate a session without encryption',
        fix: 'Code CIPHERSUITE statements in order of preference, e.g. `CIPHERSUITE SSL_AES_256_SHA` and `CIPHERSUITE SSL_AES_128_SHA`.',
        location: firstAt(at(model.ftpData.tlsMechanism), ext?.location),
      },
    ];
  },
};
