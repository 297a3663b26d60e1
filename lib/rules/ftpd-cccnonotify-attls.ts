import type { Rule } from './types';
import { IBM, at, firstAt, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-CCCNONOTIFY-ATTLS',
  severity: 'error',
  title: 'TLSRFCLEVEL CCCNONOTIFY with TLSMECHANISM ATTLS',
  fix: 'Use `TLSRFCLEVEL RFC4217` with AT-TLS; serve CCCNONOTIFY partners from a native-TLS server exempt from AT-TLS.',
  description:
    'CCCNONOTIFY (CCC without the TLS close_notify exchange) is invalid with AT-TLS: a CCC then makes the session ' +
    'fail. IBM\'s remedy is native TLS (TLSMECHANISM FTP) for the partner that needs it, exempted from AT-TLS rules.',
  sources: [IBM.tlsrfclevel],
  settings: ['TLSRFCLEVEL', 'TLSMECHANISM'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || d.tlsRfcLevel.value !== 'CCCNONOTIFY' || d.tlsMechanism.value !== 'ATTLS') return [];
    return [
      {
        message: 'TLSRFCLEVEL CCCNONOTIFY with TLSMECHANISM ATTLS: every client that sends CCC loses its session',
        fix: 'Use `TLSRFCLEVEL RFC4217` with AT-TLS; if a partner needs CCCNONOTIFY, serve it from a native-TLS (TLSMECHANISM FTP) server exempt from the AT-TLS rules.',
        location: firstAt(at(d.tlsRfcLevel), at(d.tlsMechanism)),
      },
    ];
  },
};
