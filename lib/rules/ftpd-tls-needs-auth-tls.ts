import type { Rule, RuleHit } from './types';
import { IBM, statements, tlsEnabled } from './helpers';

/** Statements that only matter once TLS is enabled with EXTENSIONS AUTH_TLS. */
const TLS_ONLY = ['TLSMECHANISM', 'TLSRFCLEVEL', 'KEYRING', 'CIPHERSUITE', 'TLSTIMEOUT', 'SSLV3', 'SECURE_SESSION_REUSE'];

export const rule: Rule = {
  id: 'FTPD-TLS-NEEDS-AUTH-TLS',
  severity: 'warning',
  title: 'TLS statements coded but TLS is not enabled',
  fix: 'Code `EXTENSIONS AUTH_TLS` to enable TLS, or remove the TLS statements.',
  description:
    'TLSMECHANISM, TLSRFCLEVEL, KEYRING, CIPHERSUITE, TLSTIMEOUT, SSLV3, SECURE_SESSION_REUSE and ' +
    'SECURE_PASSWORD OPTIONAL only apply when `EXTENSIONS AUTH_TLS` is coded. Without it the server ' +
    'refuses AUTH TLS, so these statements have no effect and the author probably meant to enable TLS.',
  sources: [IBM.tlsmechanism, IBM.tlsrfclevel, IBM.extensions],
  settings: ['EXTENSIONS', ...TLS_ONLY, 'SECURE_PASSWORD'],
  check(model) {
    if (tlsEnabled(model)) return [];
    const hits: RuleHit[] = [];
    const coded = [...TLS_ONLY.flatMap((k) => statements(model, k).slice(0, 1))];
    const pw = model.ftpData.securePassword;
    for (const s of coded) {
      hits.push({
        message: `${s.keyword} is coded but EXTENSIONS AUTH_TLS is not, so TLS is off: clients get no AUTH TLS and ${s.keyword} has no effect`,
        fix: `Code \`EXTENSIONS AUTH_TLS\` to enable TLS, or remove ${s.keyword}.`,
        settings: ['EXTENSIONS', s.keyword],
        location: s.location,
      });
    }
    if (pw.explicit && pw.value === 'OPTIONAL') {
      hits.push({
        message: 'SECURE_PASSWORD OPTIONAL is coded but EXTENSIONS AUTH_TLS is not; it only applies to TLS sessions, so it has no effect',
        fix: 'Code `EXTENSIONS AUTH_TLS` to enable TLS, or remove SECURE_PASSWORD OPTIONAL.',
        settings: ['EXTENSIONS', 'SECURE_PASSWORD'],
        location: pw.location,
      });
    }
    return hits;
  },
};
