import type { Rule } from './types';
import { IBM, at, nativeTls, releaseAtLeast, seed, zosRef } from './helpers';

export const rule: Rule = {
  id: 'FTPD-TLSMECH-FTP-DEPRECATED',
  severity: 'warning',
  title: 'Native TLS (TLSMECHANISM FTP) on the server',
  fix: 'Code `TLSMECHANISM ATTLS` and move KEYRING, CIPHERSUITE and TLSTIMEOUT into an AT-TLS policy.',
  description:
    'IBM calls AT-TLS the better way to implement TLS for the FTP server, ships a migration health check ' +
    '(ZOSMIGV2R4_NEXT_CS_FTPSRV_NTVSSL) against native TLS in the FTP server, and documents KEYRING and ' +
    'CIPHERSUITE only as client statements from z/OS 3.2. Severity: warning before z/OS 3.1; error when the ' +
    'target release (system.release) is 3.1 or later, where the server is taken to support TLS only through AT-TLS ' +
    '(an inference from those facts; no IBM sentence states the removal).',
  sources: [
    seed('Guideline: Using AT-TLS is the better way to implement TLS security'),
    IBM.tlsmechanism,
    zosRef('§0 (release caveat: 3.2 CIPHERSUITE/KEYRING client-only; native-TLS migration health check)'),
  ],
  settings: ['TLSMECHANISM'],
  check(model) {
    if (!nativeTls(model)) return [];
    const r = model.system.release;
    const late = releaseAtLeast(r, '3.1');
    return [
      {
        message: late
          ? `TLSMECHANISM FTP (native TLS) on a z/OS ${r} server: from 3.1 the FTP server supports TLS only through AT-TLS, so TLS clients would fail`
          : `TLSMECHANISM FTP (native TLS) on the server: IBM prefers AT-TLS and targets native FTP server TLS with a migration health check; it will not carry over to z/OS 3.1`,
        fix: 'Code `TLSMECHANISM ATTLS` and move KEYRING, CIPHERSUITE and TLSTIMEOUT into an AT-TLS policy.',
        location: at(model.ftpData.tlsMechanism),
        severity: late ? 'error' : 'warning',
      },
    ];
  },
};
