import { IBM } from './helpers';
import { valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-REUSE-NONE-SERVER',
  keyword: 'SECURE_SESSION_REUSE',
  severity: 'error',
  title: 'SECURE_SESSION_REUSE NONE (or another invalid value) on the server',
  fix: 'Write `SECURE_SESSION_REUSE ALLOWED` (or REQUIRED), or remove the statement.',
  description:
    'On the server SECURE_SESSION_REUSE takes ALLOWED or REQUIRED. NONE is a client-only value: in a server ' +
    'FTP.DATA it is a syntax error and z/OS uses ALLOWED, so sessions are resumed although NONE was written.',
  sources: [IBM.sessionReuse],
  problem: (args) => {
    const v = (args[0] ?? '').toUpperCase();
    if (args.length === 1 && (v === 'ALLOWED' || v === 'REQUIRED')) return undefined;
    return {
      text: v === 'NONE' && args.length === 1
        ? 'NONE is valid for the FTP client only; the server rejects it and uses ALLOWED, so data connections still resume TLS sessions'
        : 'not ALLOWED or REQUIRED; the server rejects the statement and uses ALLOWED',
      fix: 'Write `SECURE_SESSION_REUSE ALLOWED` (or REQUIRED), or remove the statement.',
    };
  },
});
