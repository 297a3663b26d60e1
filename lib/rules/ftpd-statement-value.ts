import type { Rule } from './types';
import { IBM } from './helpers';
import { FTP_DATA_STATEMENTS, validateValue } from '../formats/ftp-data';

/** Keywords whose values have a rule of their own (with a sharper message). */
export const KEYWORDS_WITH_VALUE_RULES = new Set([
  'TLSRFCLEVEL', 'SECURE_DATACONN', 'SECURE_CTRLCONN', 'CIPHERSUITE', 'SECURE_PBSZ', 'TLSTIMEOUT', 'SECURE_SESSION_REUSE', 'KEYRING',
]);

export const rule: Rule = {
  id: 'FTPD-STATEMENT-VALUE',
  severity: 'error',
  title: 'Statement value outside its grammar',
  fix: 'Correct the value as the IBM statement page describes, or remove the statement.',
  description:
    'The value of a known server statement does not fit its documented form (enumeration, TRUE/FALSE, number ' +
    'range, name). z/OS rejects the statement and uses the default, so the setting meant is not in force. ' +
    'Statements with a rule of their own (TLSRFCLEVEL, SECURE_DATACONN, SECURE_CTRLCONN, CIPHERSUITE, SECURE_PBSZ, ' +
    'TLSTIMEOUT, SECURE_SESSION_REUSE, KEYRING) are left to those rules; a statement without any value is reported by ' +
    'the parser (FTPD-MISSING-VALUE).',
  sources: [IBM.ftpDataOverview],
  settings: ['FTP.DATA'],
  check(model) {
    return model.ftpData.statements
      .filter((s) => {
        const info = FTP_DATA_STATEMENTS.get(s.keyword);
        return info && info.appliesTo !== 'client' && s.args.length > 0 && !KEYWORDS_WITH_VALUE_RULES.has(s.keyword);
      })
      .flatMap((s) => {
        const problem = validateValue(s.keyword, s.args);
        if (!problem) return [];
        const info = FTP_DATA_STATEMENTS.get(s.keyword)!;
        return [
          {
            message: `${problem}; the server rejects the statement and uses ${info.zosDefault === undefined ? 'no value (the feature stays off)' : `the default ${info.zosDefault}`}`,
            fix: `Correct the value of ${s.keyword} (see the IBM statement page) or remove the statement.`,
            settings: [s.keyword],
            location: s.location,
          },
        ];
      });
  },
};
