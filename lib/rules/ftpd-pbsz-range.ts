import { IBM, inferred } from './helpers';
import { valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-PBSZ-RANGE',
  keyword: 'SECURE_PBSZ',
  severity: 'warning',
  title: 'SECURE_PBSZ outside 512-32768',
  fix: 'Write a size in 512-32768, e.g. `SECURE_PBSZ 16384`.',
  description:
    'The server accepts PBSZ sizes 512-32768 (reply 501 otherwise); the SECURE_PBSZ statement is taken to have the ' +
    'same range. Severity: error for a value that is not a number at all; warning for a number outside the range ' +
    '(the statement page was not available, so the range is inferred from the reply-code page).',
  sources: [IBM.pbsz501, inferred('statement range assumed equal to the PBSZ command range of reply 501')],
  problem: (args) => {
    if (args.length !== 1 || !/^\d+$/.test(args[0])) {
      return { text: 'not a number; the statement is rejected and the default (16384) applies', fix: 'Write `SECURE_PBSZ n` with n in 512-32768, e.g. 16384.', severity: 'error' };
    }
    const n = Number(args[0]);
    if (n >= 512 && n <= 32768) return undefined;
    return { text: `${n} is outside 512-32768; Kerberos clients negotiating PBSZ may be refused`, fix: 'Write a size in 512-32768, e.g. `SECURE_PBSZ 16384`.' };
  },
});
