import type { Rule } from './types';
import { IBM, statements, tlsEnabled } from './helpers';
import { FTP_DATA_CIPHER_NAMES } from '../model/cipher-suites';

export const rule: Rule = {
  id: 'FTPD-CIPHER-NAME',
  severity: 'error',
  title: 'Unknown CIPHERSUITE name',
  fix: 'Use only the ten FTP.DATA cipher names, one per CIPHERSUITE statement.',
  description: `CIPHERSUITE accepts exactly ten names: ${FTP_DATA_CIPHER_NAMES.join(', ')}. Any other value is rejected by the server.`,
  sources: [IBM.ciphersuite],
  settings: ['CIPHERSUITE'],
  check(model) {
    if (!tlsEnabled(model)) return [];
    return statements(model, 'CIPHERSUITE')
      .filter((s) => !FTP_DATA_CIPHER_NAMES.includes((s.args[0] ?? '').toUpperCase()) || s.args.length !== 1)
      .map((s) => ({
        message: `CIPHERSUITE ${s.args.join(' ') || '(no value)'} is not one of the ten FTP.DATA cipher names; the statement is rejected`,
        fix: `Use one name per statement from: ${FTP_DATA_CIPHER_NAMES.join(', ')} (for ECDHE or TLS 1.3 suites use TLSMECHANISM ATTLS and V3CipherSuites4Char).`,
        location: s.location,
      }));
  },
};
