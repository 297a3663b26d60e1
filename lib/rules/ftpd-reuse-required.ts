import type { Rule } from './types';
import { IBM, at, seed, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-REUSE-REQUIRED',
  // Info, not warning: REQUIRED is the secure choice (it blocks data-connection stealing);
  // the seed only cautions that clients that cannot resume will fail.
  severity: 'info',
  title: 'SECURE_SESSION_REUSE REQUIRED',
  fix: 'Use `SECURE_SESSION_REUSE ALLOWED` unless every client resumes TLS sessions.',
  description:
    'REQUIRED makes every data-connection handshake resume the control connection\'s TLS session. Clients that do ' +
    'not resume (several common ones, or any after the session cache expired) fail every transfer.',
  sources: [seed('This setting might cause data connections and FTP transfers to fail when the remote side does not support reusing the session ID'), IBM.sessionReuse],
  settings: ['SECURE_SESSION_REUSE'],
  check(model) {
    const r = model.ftpData.secureSessionReuse;
    if (!tlsEnabled(model) || r.value !== 'REQUIRED') return [];
    return [
      {
        message: 'SECURE_SESSION_REUSE REQUIRED: clients that do not resume the control connection\'s TLS session on data connections fail every LIST, RETR and STOR',
        fix: 'Keep REQUIRED only if all clients resume sessions (it blocks data-connection hijacking); otherwise use `SECURE_SESSION_REUSE ALLOWED`.',
        location: at(r),
      },
    ];
  },
};
