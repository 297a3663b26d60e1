import { IBM } from './helpers';
import { oneOf, valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-DATACONN-VALUE',
  keyword: 'SECURE_DATACONN',
  severity: 'error',
  title: 'Invalid SECURE_DATACONN value',
  fix: 'Write `SECURE_DATACONN NEVER`, `CLEAR`, `SAFE` or `PRIVATE`.',
  description: 'SECURE_DATACONN takes NEVER, CLEAR, SAFE or PRIVATE; any other value is a syntax error and the default CLEAR applies, so clients may transfer data unencrypted.',
  sources: [IBM.secureDataconn],
  problem: oneOf('SECURE_DATACONN', ['NEVER', 'CLEAR', 'SAFE', 'PRIVATE'], 'the default CLEAR (clients may transfer data in clear)'),
});
