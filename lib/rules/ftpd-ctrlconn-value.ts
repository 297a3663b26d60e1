import { IBM } from './helpers';
import { oneOf, valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-CTRLCONN-VALUE',
  keyword: 'SECURE_CTRLCONN',
  severity: 'error',
  title: 'Invalid SECURE_CTRLCONN value',
  fix: 'Write `SECURE_CTRLCONN CLEAR`, `SAFE` or `PRIVATE`.',
  description: 'SECURE_CTRLCONN takes CLEAR, SAFE or PRIVATE; any other value is a syntax error and the default CLEAR applies (CCC is then accepted).',
  sources: [IBM.secureCtrlconn],
  problem: oneOf('SECURE_CTRLCONN', ['CLEAR', 'SAFE', 'PRIVATE'], 'the default CLEAR (clients may clear the control connection with CCC)'),
});
