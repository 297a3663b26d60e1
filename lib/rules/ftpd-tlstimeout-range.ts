import { IBM, inferred } from './helpers';
import { valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-TLSTIMEOUT-RANGE',
  keyword: 'TLSTIMEOUT',
  severity: 'warning',
  title: 'TLSTIMEOUT outside 0-86400',
  fix: 'Write a number of seconds in 0-86400, e.g. `TLSTIMEOUT 3600`.',
  description:
    'TLSTIMEOUT is the TLS session-cache lifetime in seconds (it maps to AT-TLS GSK_V3_SESSION_TIMEOUT, whose ' +
    'System SSL range is 0-86400). Severity: error for a value that is not a number; warning for a number outside ' +
    '0-86400 (the statement page was not available, so the range is inferred).',
  sources: [IBM.migrationToAttls, IBM.gskAdvanced, inferred('TLSTIMEOUT range assumed equal to the System SSL session-cache timeout range 0-86400')],
  problem: (args) => {
    if (args.length !== 1 || !/^\d+$/.test(args[0])) {
      return { text: 'not a number of seconds; the statement is rejected and the default applies', fix: 'Write `TLSTIMEOUT seconds` with 0-86400, e.g. `TLSTIMEOUT 3600`.', severity: 'error' };
    }
    const n = Number(args[0]);
    if (n <= 86400) return undefined;
    return { text: `${n} seconds is above 86400 (24 hours), the longest session-cache lifetime System SSL supports`, fix: 'Write a value in 0-86400, e.g. `TLSTIMEOUT 3600`.' };
  },
});
