/**
 * Quickstart: the way the document recommends — TLSMECHANISM ATTLS — for one
 * server on 127.0.0.1 with a self-signed server certificate. No client
 * certificates; one user `demo` whose password comes from ZFTPS_DEMO_PASSWORD
 * (default `zftps-demo`, accepted only while the server listens on loopback).
 *
 *   npx zftps synth examples/quickstart/main.ts && npx zftps serve zftps.out
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
  TlsVersion,
} from 'zftps';

const app = new FtpsApp();

const keyRing = new KeyRing(app, 'ring', {
  name: KeyRingName.saf('FTPRING'),
  owner: 'FTPD',
  serverCertificate: {
    label: 'zftps quickstart',
    subject: { commonName: 'localhost', organization: 'zftps quickstart' },
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1', '::1'],
  },
});

new SecureFtpServer(app, 'quickstart', {
  keyRing,
  tlsMechanism: TlsMechanism.ATTLS,
  tlsRfcLevel: TlsRfcLevel.RFC4217,
  secureFtp: SecureFtp.REQUIRED,
  dataProtection: DataProtection.PRIVATE,
  sessionReuse: SessionReusePolicy.REQUIRED,
  tlsVersions: [TlsVersion.TLS1_2, TlsVersion.TLS1_3],
  cipherSuites: CipherSuitePolicy.RECOMMENDED,
  controlPort: 2121,
  passiveDataPorts: { low: 30000, high: 30099 },
  host: { listenHost: '127.0.0.1' },
  users: [{ name: 'demo', password: Password.fromEnv('ZFTPS_DEMO_PASSWORD', { default: 'zftps-demo' }) }],
});

app.synth();
