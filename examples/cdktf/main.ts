/**
 * examples/client-auth as a CDKTF program: client authentication level 2 under
 * AT-TLS, a private CA signing the server and the client certificates, each client
 * certificate mapped to a user ID. Terraform (hashicorp/tls) creates the keys and
 * certificates; `cdktf synth` writes FTP.DATA, the policy and the RACF jobs.
 * Walkthrough: docs/cdktf.md.
 */
import { App, TerraformStack } from 'cdktf';
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
} from 'zftps/cdktf';

const app = new App();
const stack = new TerraformStack(app, 'ftps');

const ca = new CertificateAuthority('example-ca', {
  label: 'Example FTP CA',
  subject: { commonName: 'Example FTP CA', organization: 'Example', country: 'US' },
});

const keyRing = new KeyRing(stack, 'ring', {
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

new SecureFtpServer(stack, 'clientauth', {
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
