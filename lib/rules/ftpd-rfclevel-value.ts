import { IBM } from './helpers';
import { oneOf, valueRule } from './value-rule';

export const rule = valueRule({
  id: 'FTPD-RFCLEVEL-VALUE',
  keyword: 'TLSRFCLEVEL',
  severity: 'error',
  title: 'Invalid TLSRFCLEVEL value',
  fix: 'Write `TLSRFCLEVEL DRAFT`, `RFC4217` or `CCCNONOTIFY`.',
  description: 'TLSRFCLEVEL takes DRAFT, RFC4217 or CCCNONOTIFY; any other value is a syntax error and the default DRAFT applies.',
  sources: [IBM.tlsrfclevel],
  problem: oneOf('TLSRFCLEVEL', ['DRAFT', 'RFC4217', 'CCCNONOTIFY'], 'the default DRAFT (no CCC for clients)'),
});
