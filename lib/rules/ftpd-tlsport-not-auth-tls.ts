import type { Rule } from './types';
import { at, inferred, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-TLSPORT-NOT-AUTH-TLS',
  severity: 'warning',
  title: 'TLSPORT coded without EXTENSIONS AUTH_TLS',
  fix: 'Code `EXTENSIONS AUTH_TLS` with the TLS setup, or `TLSPORT 0`.',
  description: 'An implicit-TLS port still needs the server\'s TLS setup (key ring, mechanism), which is only in force with EXTENSIONS AUTH_TLS.',
  sources: [inferred('implicit TLS uses the same TLS configuration as AUTH TLS, and the TLS statements apply only with AUTH_TLS (TLSMECHANISM page)')],
  settings: ['TLSPORT', 'EXTENSIONS'],
  check(model) {
    const p = model.ftpData.tlsPort;
    if (tlsEnabled(model) || !p.explicit || p.value === 0) return [];
    return [
      {
        message: `TLSPORT ${p.value} is coded but EXTENSIONS AUTH_TLS is not: TLS is off, so clients connecting to the implicit port cannot negotiate TLS`,
        fix: 'Code `EXTENSIONS AUTH_TLS` with the TLS setup, or `TLSPORT 0` to disable the implicit port.',
        location: at(p),
      },
    ];
  },
};
