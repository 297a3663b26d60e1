import type { Rule } from './types';
import { IBM, at, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-CCC-CTRLCONN',
  severity: 'info',
  title: 'CCC enabled by TLSRFCLEVEL but refused by SECURE_CTRLCONN',
  fix: 'Accept that CCC stays refused, or set `SECURE_CTRLCONN CLEAR` if clients need CCC.',
  description: 'TLSRFCLEVEL RFC4217 or CCCNONOTIFY lets clients send CCC, but with SECURE_CTRLCONN SAFE or PRIVATE every CCC is answered `534 CCC not supported`.',
  sources: [IBM.reply534ccc, IBM.tlsrfclevel],
  settings: ['TLSRFCLEVEL', 'SECURE_CTRLCONN'],
  check(model) {
    const d = model.ftpData;
    if (!tlsEnabled(model) || d.tlsRfcLevel.value === 'DRAFT' || d.secureCtrlConn.value === 'CLEAR') return [];
    return [
      {
        message: `TLSRFCLEVEL ${d.tlsRfcLevel.value} allows CCC but SECURE_CTRLCONN ${d.secureCtrlConn.value} refuses it: clients that send CCC get 534 CCC not supported`,
        fix: 'Keep it (CCC stays refused, the control connection stays encrypted) or set SECURE_CTRLCONN CLEAR if clients behind NAT need CCC.',
        location: at(d.secureCtrlConn),
      },
    ];
  },
};
