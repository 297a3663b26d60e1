import type { Rule } from './types';
import { IBM, at, inferred, nativeTls } from './helpers';

export const rule: Rule = {
  id: 'FTPD-SSLV3',
  severity: 'warning',
  title: 'SSLV3 TRUE',
  fix: 'Remove `SSLV3 TRUE` (or write `SSLV3 FALSE`).',
  description: 'SSLv3 is broken (POODLE, RFC 7568 forbids it) and z/OS turned it off by default in V2R1. SSLV3 TRUE lets clients negotiate it with native TLS.',
  sources: [IBM.sslv3, inferred('RFC 7568 deprecates SSLv3')],
  settings: ['SSLV3'],
  check(model) {
    const s = model.ftpData.sslv3;
    if (!nativeTls(model) || !s.value) return [];
    return [
      {
        message: 'SSLV3 TRUE lets clients negotiate SSLv3, which is broken (POODLE): such sessions can be decrypted',
        fix: 'Remove SSLV3 TRUE (or write `SSLV3 FALSE`).',
        location: at(s),
      },
    ];
  },
};
