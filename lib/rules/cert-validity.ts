import type { Rule, RuleHit } from './types';
import type { CertificateFacts } from '../model/config';
import { rfc } from './helpers';
import { daysBetween, keyringLocation, ringInUse } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-VALIDITY',
  severity: 'warning',
  title: 'Certificate expired, not yet valid, or expiring soon',
  fix: 'Renew the certificate before it expires and connect the new one to the ring.',
  description:
    'A certificate in the ring (server, CA or known client certificate) outside its validity period fails every ' +
    'handshake that uses it. Severity: error when expired or not yet valid; warning when it expires within ' +
    '`keyRing.expiryWarningDays` days.',
  sources: [rfc('RFC 5280 §4.1.2.5 (validity) and §6.1.3 (path validation checks the validity period)')],
  settings: ['KEYRING', 'Keyring'],
  check(model) {
    if (!ringInUse(model)) return [];
    const ring = model.keyRing!;
    const now = model.now;
    const where = keyringLocation(model);
    const certs: [string, CertificateFacts][] = [
      ...(ring.serverCertificate ? [['server certificate', ring.serverCertificate] as [string, CertificateFacts]] : []),
      ...ring.certificateAuthorities.map((c) => ['CA certificate', c] as [string, CertificateFacts]),
      ...ring.clientCertificates.map((c) => ['client certificate', c] as [string, CertificateFacts]),
    ];
    const hits: RuleHit[] = [];
    for (const [role, c] of certs) {
      const effect = role === 'client certificate' ? 'its holder cannot log in' : 'TLS handshakes fail';
      if (c.notAfter.getTime() < now.getTime()) {
        hits.push({
          message: `${role} ${c.label} expired on ${c.notAfter.toISOString().slice(0, 10)}: ${effect}`,
          fix: `Renew ${c.label} and connect the new certificate to ${ring.name}.`,
          location: where,
          severity: 'error',
        });
      } else if (c.notBefore.getTime() > now.getTime()) {
        hits.push({
          message: `${role} ${c.label} is not valid before ${c.notBefore.toISOString().slice(0, 10)}: ${effect} until then`,
          fix: `Check the system clock and the NOTBEFORE date of ${c.label}.`,
          location: where,
          severity: 'error',
        });
      } else {
        const days = daysBetween(now, c.notAfter);
        if (days <= ring.expiryWarningDays) {
          hits.push({
            message: `${role} ${c.label} expires in ${days} day${days === 1 ? '' : 's'} (${c.notAfter.toISOString().slice(0, 10)}): after that ${effect}`,
            fix: `Renew ${c.label} before it expires.`,
            location: where,
          });
        }
      }
    }
    return hits;
  },
};
