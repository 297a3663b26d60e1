import type { Rule } from './types';
import { attlsTls, attlsView, seed } from './helpers';
import { keyringLocation, ringInUse, ringSetting } from './keyring-helpers';

export const rule: Rule = {
  id: 'CERT-SERVER-REQUIRED',
  severity: 'error',
  title: 'Key ring lacks the server certificate',
  fix: 'Connect the server certificate with its private key as DEFAULT (native), or name it with CertificateLabel (AT-TLS).',
  description:
    'Every TLS handshake authenticates the server, so the ring must hold the server certificate with its private key. ' +
    'Native TLS uses the ring\'s DEFAULT certificate; AT-TLS uses the certificate named by CertificateLabel, or the ' +
    'default one when no label is coded.',
  sources: [seed('you must always add a certificate for this server to the server key ring database'), seed('Guideline: with AT-TLS you can specify the label of the certificate to be used instead of using the default certificate')],
  settings: ['KEYRING', 'Keyring', 'CertificateLabel'],
  check(model) {
    if (!ringInUse(model)) return [];
    const ring = model.keyRing!;
    const cert = ring.serverCertificate;
    const where = keyringLocation(model);
    const name = `${ringSetting(model)} ${ring.name}`;
    if (!cert || !cert.hasPrivateKey) {
      return [
        {
          message: `${name} has no server certificate ${cert ? 'with a private key' : ''}: every TLS handshake fails`.replace('  ', ' '),
          fix: 'Connect the server certificate with its private key: RACDCERT ID(server) CONNECT(... USAGE(PERSONAL) DEFAULT).',
          location: where,
        },
      ];
    }
    const label = attlsTls(model) ? attlsView(model)?.certificateLabel : undefined;
    if (label?.value !== undefined) {
      if (label.value === cert.label) return [];
      return [
        {
          message: `CertificateLabel ${label.value} names no certificate with a private key in ${name} (the server certificate is labelled ${cert.label}): every TLS handshake fails`,
          fix: `Write \`CertificateLabel ${cert.label}\` (labels are case- and blank-sensitive) or connect the labelled certificate.`,
          settings: ['CertificateLabel'],
          location: label.location,
        },
      ];
    }
    if (cert.isDefault) return [];
    return [
      {
        message: `the server certificate ${cert.label} is not the DEFAULT certificate of ${name}${attlsTls(model) ? ' and no CertificateLabel is coded' : ' (native TLS always uses the default)'}: the handshake uses another certificate or fails`,
        fix: attlsTls(model)
          ? `Code \`CertificateLabel ${cert.label}\` in TTLSEnvironmentAdvancedParms, or connect it as DEFAULT.`
          : 'Connect the server certificate with DEFAULT: RACDCERT ID(server) CONNECT(... USAGE(PERSONAL) DEFAULT).',
        location: where,
      },
    ];
  },
};
