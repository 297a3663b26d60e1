/**
 * The quickstart server with native TLS: TLSMECHANISM FTP with a KEYRING and
 * CIPHERSUITE statements instead of an AT-TLS policy. IBM deprecates native TLS
 * for the server (an error from z/OS 3.1 on), so this targets z/OS 2.5 and
 * acknowledges the deprecation warning with its reason.
 */
import {
  CipherSuitePolicy,
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
  ZosVersion,
} from 'zftps';

const app = new FtpsApp();

const keyRing = new KeyRing(app, 'ring', {
  name: KeyRingName.saf('FTPRING'),
  owner: 'FTPD',
  serverCertificate: { label: 'zftps native', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] },
});

const server = new SecureFtpServer(app, 'native', {
  keyRing,
  tlsMechanism: TlsMechanism.FTP,
  tlsRfcLevel: TlsRfcLevel.RFC4217,
  secureFtp: SecureFtp.REQUIRED,
  dataProtection: DataProtection.PRIVATE,
  sessionReuse: SessionReusePolicy.REQUIRED,
  cipherSuites: CipherSuitePolicy.NATIVE,
  tlsTimeoutSeconds: 3600,
  controlPort: 2121,
  system: { release: ZosVersion.V2R5 },
  users: [{ name: 'demo', password: Password.fromEnv('ZFTPS_DEMO_PASSWORD', { default: 'zftps-demo' }) }],
});
server.acknowledge('FTPD-TLSMECH-FTP-DEPRECATED', 'migration to AT-TLS is planned; this system stays on native TLS until then');

app.synth();
