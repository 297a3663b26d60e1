/**
 * examples/client-auth as a Pulumi program: client authentication level 2 under
 * AT-TLS, a private CA signing the server and the client certificates, each client
 * certificate mapped to a user ID. The keys and certificates are zftps:Certificate
 * resources kept in Pulumi state; the FTP.DATA, policy and RACF jobs are outputs.
 * Walkthrough: docs/pulumi.md.
 */
import {
  CertificateAuthority,
  ClientAuthLevel,
  ClientCertificate,
  DataProtection,
  KeyRing,
  KeyRingName,
  Password,
  SecureFtp,
  SecureFtpServer,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
} from 'zftps/pulumi';

const ca = new CertificateAuthority('example-ca', {
  label: 'Example FTP CA',
  subject: { commonName: 'Example FTP CA', organization: 'Example', country: 'US' },
});

const keyRing = new KeyRing('ring', {
  name: KeyRingName.saf('FTPRING'),
  owner: 'FTPD',
  certificateAuthorities: [ca],
  serverCertificate: {
    label: 'FTP Server Cert',
    subject: { commonName: 'localhost', organization: 'Example' },
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1', '::1'],
    signedBy: ca,
  },
  clientCertificates: [
    new ClientCertificate('alice', { userId: 'ALICE', signedBy: ca, subject: { commonName: 'alice', organization: 'Example' } }),
    new ClientCertificate('bob', { userId: 'BOB', signedBy: ca, subject: { commonName: 'bob', organization: 'Example' } }),
  ],
});

const server = new SecureFtpServer('clientauth', {
  keyRing,
  tlsMechanism: TlsMechanism.ATTLS,
  tlsRfcLevel: TlsRfcLevel.RFC4217,
  secureFtp: SecureFtp.REQUIRED,
  clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword(),
  dataProtection: DataProtection.PRIVATE,
  sessionReuse: SessionReusePolicy.REQUIRED,
  controlPort: 2121,
  users: [
    { name: 'alice', password: Password.fromEnv('ZFTPS_ALICE_PASSWORD', { default: 'alice-demo' }) },
    { name: 'bob', password: Password.fromEnv('ZFTPS_BOB_PASSWORD', { default: 'bob-demo' }) },
  ],
});

export const files = server.files;
export const userRegistry = server.userRegistry;
export const serverCertificatePem = server.serverCertificatePem;
export const serverPrivateKeyPem = server.serverPrivateKeyPem;
export const clientTrustBundlePem = server.clientTrustBundlePem;
export const clientKeys = Object.fromEntries(['alice', 'bob'].map((n) => [n, keyRing.identities.get(n)!.privateKeyPem!]));
export const clientCertificates = Object.fromEntries(['alice', 'bob'].map((n) => [n, keyRing.identities.get(n)!.certificatePem]));
