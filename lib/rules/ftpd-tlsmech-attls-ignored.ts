import type { Rule, RuleHit } from './types';
import { IBM, attlsTls, statements } from './helpers';

const IGNORED: Record<string, string> = {
  KEYRING: 'Keyring in TTLSKeyringParms',
  CIPHERSUITE: 'V3CipherSuites in TTLSCipherParms',
  TLSTIMEOUT: 'GSK_V3_SESSION_TIMEOUT in TTLSGskAdvancedParms',
  SSLV3: 'SSLv3 in TTLSEnvironmentAdvancedParms',
};

export const rule: Rule = {
  id: 'FTPD-TLSMECH-ATTLS-IGNORED',
  severity: 'warning',
  title: 'Native-TLS statements ignored under AT-TLS',
  fix: 'Remove the statement from FTP.DATA and set the matching AT-TLS parameter (Keyring, V3CipherSuites, GSK_V3_SESSION_TIMEOUT, SSLv3) in the policy.',
  description:
    'With TLSMECHANISM ATTLS the stack performs TLS from the AT-TLS policy; KEYRING, CIPHERSUITE and ' +
    'TLSTIMEOUT (and, by the same reasoning, SSLV3) in FTP.DATA are ignored. Coding them suggests settings ' +
    'that are not in force.',
  sources: [IBM.tlsmechanism, IBM.migrationToAttls, IBM.sslv3],
  settings: ['TLSMECHANISM', ...Object.keys(IGNORED)],
  check(model) {
    if (!attlsTls(model)) return [];
    const hits: RuleHit[] = [];
    for (const [keyword, instead] of Object.entries(IGNORED)) {
      const s = statements(model, keyword)[0];
      if (!s) continue;
      hits.push({
        message: `${keyword} is ignored with TLSMECHANISM ATTLS; clients get what the AT-TLS policy says, not this statement`,
        fix: `Remove ${keyword} from FTP.DATA and set ${instead} in the AT-TLS policy instead.`,
        settings: ['TLSMECHANISM', keyword],
        location: s.location,
      });
    }
    return hits;
  },
};
