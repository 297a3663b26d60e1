/**
 * Client authentication level 2 under AT-TLS: a private CA signs the server
 * certificate and the client certificates; each client certificate is mapped to
 * a user ID, and SECURE_PASSWORD OPTIONAL lets a mapped certificate replace the
 * password (z/OS answers USER with 230 "is an authorized user").
 */
import {
  CertificateAuthority,
  ClientAuthLevel,
  ClientCertificate,
  DataProtection,
  FtpsApp,
  KeyRing,
  KeyRingName,
  Password,
  SecureFtp,
  SecureFtpServer,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
} from 'zftps';

const app = new FtpsApp();

const ca = new CertificateAuthority('example-ca', {
  label: 'Example FTP CA',
  subject: { commonName: 'Example FTP CA', organization: 'Example', country: 'US' },
});

const keyRing = new KeyRing(app, 'ring', {
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

new SecureFtpServer(app, 'clientauth', {
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

app.synth();
