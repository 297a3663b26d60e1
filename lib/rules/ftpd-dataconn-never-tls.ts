import type { Rule } from './types';
import { IBM, at, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-DATACONN-NEVER-TLS',
  severity: 'warning',
  title: 'SECURE_DATACONN NEVER on a server that requires TLS',
  fix: 'Set `SECURE_DATACONN PRIVATE` (or CLEAR to let clients choose).',
  description: 'With SECURE_FTP REQUIRED and TLS the credentials are protected, but SECURE_DATACONN NEVER forces every file and listing through in clear; clients asking PROT P get 536.',
  sources: [IBM.secureDataconn, IBM.reply536],
  settings: ['SECURE_DATACONN', 'SECURE_FTP'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || d.secureDataConn.value !== 'NEVER' || d.secureFtp.value !== 'REQUIRED') return [];
    return [
      {
        message: 'SECURE_DATACONN NEVER with SECURE_FTP REQUIRED: logins are encrypted but all data travels in clear, and clients that send PROT P are refused (536)',
        fix: 'Set `SECURE_DATACONN PRIVATE` (or CLEAR to let clients choose).',
        location: at(d.secureDataConn),
      },
    ];
  },
};
