import type { Rule } from './types';
import { IBM, at, inferred, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-DATACONN-PRIVATE-ALLOWED',
  severity: 'warning',
  title: 'Protected data required but login without TLS allowed',
  fix: 'Code `SECURE_FTP REQUIRED`, or lower SECURE_DATACONN to CLEAR.',
  description:
    'SECURE_DATACONN PRIVATE or SAFE requires protected data connections, while SECURE_FTP ALLOWED lets clients log ' +
    'in without TLS. Such clients can never issue PROT P, so every transfer they try is refused (425).',
  sources: [IBM.secureDataconn, inferred('PROT needs a completed security exchange (RFC 4217 §9); a client without AUTH cannot reach PRIVATE')],
  settings: ['SECURE_DATACONN', 'SECURE_FTP'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || (d.secureDataConn.value !== 'PRIVATE' && d.secureDataConn.value !== 'SAFE') || d.secureFtp.value !== 'ALLOWED') return [];
    return [
      {
        message: `SECURE_DATACONN ${d.secureDataConn.value} with SECURE_FTP ALLOWED: clients that log in without TLS can list nothing and transfer nothing (425 Server requires protected data connection)`,
        fix: 'Code `SECURE_FTP REQUIRED` so clients must use TLS from the start, or lower SECURE_DATACONN to CLEAR.',
        location: at(d.secureDataConn),
      },
    ];
  },
};
