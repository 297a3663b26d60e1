import type { Rule } from './types';
import { IBM, inferred } from './helpers';
import { keyringLocation, ringInUse } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-CA-TRUSTED',
  severity: 'error',
  title: 'CA certificate in the ring is not trusted',
  fix: 'Mark the CA certificate trusted: `RACDCERT CERTAUTH ALTER(LABEL(...)) TRUST`.',
  description: 'System SSL ignores CA certificates whose RACF status is NOTRUST, so certificates they signed (server chain or client certificates) fail validation.',
  sources: [IBM.clientAuthLevels, inferred('RACF status NOTRUST makes System SSL skip the certificate as a trust anchor')],
  settings: ['KEYRING', 'Keyring'],
  check(model) {
    if (!ringInUse(model)) return [];
    return model.keyRing!.certificateAuthorities
      .filter((c) => !c.trusted)
      .map((c) => ({
        message: `CA certificate ${c.label} in key ring ${model.keyRing!.name} is not trusted (NOTRUST): certificates it signed fail validation, so clients using them cannot connect`,
        fix: `Mark it trusted: RACDCERT CERTAUTH ALTER(LABEL('${c.label}')) TRUST.`,
        location: keyringLocation(model),
      }));
  },
};
