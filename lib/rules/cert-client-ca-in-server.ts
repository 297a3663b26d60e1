import type { Rule, RuleHit } from './types';
import { IBM, clientAuthWanted, seed } from './helpers';
import { keyringLocation, ringInUse } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-CLIENT-CA-IN-SERVER',
  severity: 'error',
  title: 'Client authentication without the client CA in the server ring',
  fix: 'Connect the client CA (USAGE(CERTAUTH)) or the self-signed client certificates to the server ring.',
  description:
    'With SECURE_LOGIN REQUIRED or VERIFY_USER, System SSL validates client certificates against the server ring: ' +
    'the CA that signed them (CA-signed) or the client certificate itself (self-signed) must be in the ring. ' +
    'Otherwise every client certificate is rejected.',
  sources: [seed('If a client certificate is signed by a CA, the CA certificate used to sign the client certificate needs to be in the server key ring database'), IBM.clientAuthLevels],
  settings: ['SECURE_LOGIN', 'KEYRING', 'Keyring'],
  check(model) {
    if (!ringInUse(model) || !clientAuthWanted(model)) return [];
    const ring = model.keyRing!;
    const where = keyringLocation(model);
    const selfSigned = ring.clientCertificates.filter((c) => c.selfSigned);
    if (ring.certificateAuthorities.length === 0 && selfSigned.length === 0) {
      return [
        {
          message: `SECURE_LOGIN ${model.ftpData.secureLogin.value} but key ring ${ring.name} has no CA certificate and no self-signed client certificate: every client certificate fails validation and no client can log in`,
          fix: 'Connect the CA that signs the client certificates to the server ring (RACDCERT ... CONNECT(CERTAUTH LABEL(...) RING(...) USAGE(CERTAUTH))), or import self-signed client certificates.',
          location: where,
        },
      ];
    }
    const caLabels = new Set(ring.certificateAuthorities.map((c) => c.label));
    const hits: RuleHit[] = [];
    for (const c of ring.clientCertificates) {
      if (c.selfSigned || !c.signedBy || caLabels.has(c.signedBy)) continue;
      hits.push({
        message: `client certificate ${c.label} is signed by ${c.signedBy}, which is not in key ring ${ring.name}: that client fails certificate validation and cannot log in`,
        fix: `Connect the CA certificate ${c.signedBy} to the server ring with USAGE(CERTAUTH).`,
        location: where,
      });
    }
    return hits;
  },
};
