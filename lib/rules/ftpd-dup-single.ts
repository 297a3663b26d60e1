import type { Rule, RuleHit } from './types';
import { inferred } from './helpers';
import { FTP_DATA_STATEMENTS } from '../formats/ftp-data';

export const rule: Rule = {
  id: 'FTPD-DUP-SINGLE',
  severity: 'warning',
  title: 'Single-valued statement coded more than once',
  fix: 'Keep one occurrence of the statement.',
  description:
    'A statement that takes one value (everything but EXTENSIONS, CIPHERSUITE and other repeatable statements) is ' +
    'coded twice. z/OS is assumed to use the last occurrence, so an earlier line that looks in force is not.',
  sources: [inferred('IBM does not document repeats of single-valued statements; "last one wins" is the usual z/OS configuration behaviour')],
  settings: ['FTP.DATA'],
  check(model) {
    const seen = new Map<string, number>();
    const hits: RuleHit[] = [];
    for (const s of model.ftpData.statements) {
      const info = FTP_DATA_STATEMENTS.get(s.keyword);
      if (!info || info.repeatable) continue;
      const first = seen.get(s.keyword);
      if (first === undefined) {
        seen.set(s.keyword, s.location.line);
        continue;
      }
      hits.push({
        message: `${s.keyword} is coded again (first on line ${first}); the last occurrence (${s.keyword} ${s.args.join(' ')}) is taken, so the earlier one has no effect`,
        fix: `Keep one ${s.keyword} statement.`,
        settings: [s.keyword],
        location: s.location,
      });
    }
    return hits;
  },
};
