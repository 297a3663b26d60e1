import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import * as core from '../../lib';

interface Registered { type: string; name: string; inputs: any; parent?: string }
const registered: Registered[] = [];
const providers: string[] = [];

before(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        if (args.type.startsWith('pulumi-nodejs:dynamic')) {
          providers.push(args.inputs.__provider);
          // Mocks never call the provider: stand-in outputs, named so the test can follow them.
          const state = { ...args.inputs, certPem: `CERT(${args.name})`, privateKeyPem: `KEY(${args.name})`, fingerprint256: `FP(${args.name})`, notAfter: '2030-01-01T00:00:00.000Z' };
          return { id: `${args.name}-id`, state };
        }
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'zftps-test',
    'dev',
  );
});

const lib = () => require('../../lib/pulumi') as typeof import('../../lib/pulumi');
const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

function clientAuthRing(name: string) {
  const z = lib();
  const ca = new z.CertificateAuthority('example-ca', { label: 'Example FTP CA', subject: { commonName: 'Example FTP CA', organization: 'Example' } });
  return new z.KeyRing(name, {
    name: z.KeyRingName.saf('FTPRING'),
    certificateAuthorities: [ca],
    serverCertificate: { label: 'FTP Server Cert', subject: { commonName: 'localhost' }, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], signedBy: ca },
    clientCertificates: [new z.ClientCertificate('alice', { userId: 'ALICE', signedBy: ca })],
  });
}

test('the components register their children, outputs and secrets', async () => {
  const z = lib();
  const ring = clientAuthRing('ring');
  const server = new z.SecureFtpServer('clientauth', {
    keyRing: ring,
    clientAuth: z.ClientAuthLevel.LEVEL_2.withoutPassword(),
    controlPort: 2121,
    users: [{ name: 'alice', password: z.Password.of('alice-demo') }],
  });
  const files = await value(server.files);
  assert.deepEqual(Object.keys(files).sort().slice(0, 4), ['clientauth/FTP.DATA', 'clientauth/attls-policy.conf', 'clientauth/pagent-image.conf', 'clientauth/racf/keyring.jcl']);
  assert.match(await value(server.ftpData), /SECURE_LOGIN\s+VERIFY_USER/);
  assert.equal(await server.userRegistry.isSecret, true);
  assert.equal(await server.serverPrivateKeyPem.isSecret, true);
  assert.equal(await ring.identities.get('alice')!.privateKeyPem!.isSecret, true);
  assert.equal(await server.ftpData.isSecret, false);
  const registry = JSON.parse(await value(server.userRegistry));
  assert.deepEqual(registry.certificateMappings, [{ userId: 'alice', fingerprint256: 'FP(ring-client-alice)' }]);
  assert.equal(await value(server.serverCertificatePem), 'CERT(ring-server)CERT(ring-ca-example-ca)', 'chain: server, then its CA');
  assert.equal(await value(server.clientTrustBundlePem), 'CERT(ring-ca-example-ca)');

  const types = registered.map((r) => `${r.type}::${r.name}`);
  assert.ok(types.includes('zftps:index:KeyRing::ring'));
  assert.ok(types.includes('zftps:index:SecureFtpServer::clientauth'));
  for (const n of ['ring-ca-example-ca', 'ring-server', 'ring-client-alice']) assert.ok(types.includes(`pulumi-nodejs:dynamic/zftps:Certificate::${n}`), n);
  const serverCert = registered.find((r) => r.name === 'ring-server')!.inputs;
  assert.equal(serverCert.role, 'server');
  assert.deepEqual(serverCert.dnsNames, ['localhost']);
  assert.equal(serverCert.issuerCertPem, 'CERT(ring-ca-example-ca)');
  // The CA key reaches the signer's inputs only as a secret (the wire sentinel), never in clear.
  assert.equal(serverCert.issuerKeyPem.value, 'KEY(ring-ca-example-ca)');
  assert.equal(typeof serverCert.issuerKeyPem['4dabf18193072939515e22adb298388d'], 'string');
  // Children are parented to the component (the URN carries the parent type).
  const ringChild = await value((ring as any).identities.get('server').certificatePem as pulumi.Output<string>);
  assert.equal(ringChild, 'CERT(ring-server)');
});

test('the synth-time artifacts are byte-identical to the embedded default', async () => {
  const z = lib();
  const tmp = mkdtempSync(join(tmpdir(), 'zftps-pulumi-bytes-'));
  try {
    const props = (ca: core.CertificateAuthority) => ({
      name: core.KeyRingName.saf('FTPRING'),
      certificateAuthorities: [ca],
      serverCertificate: { subject: { commonName: 'localhost' }, signedBy: ca },
      clientCertificates: [new core.ClientCertificate('alice', { userId: 'ALICE', signedBy: ca })],
    });
    const settings = { clientAuth: core.ClientAuthLevel.LEVEL_2.withoutPassword(), controlPort: 2121, users: [{ name: 'alice' }] };
    const app = new core.FtpsApp({ quiet: true, outdir: join(tmp, 'out'), keyStoreDir: join(tmp, 'keys') });
    new core.SecureFtpServer(app, 'bytes', { keyRing: new core.KeyRing(app, 'ring2', props(new core.CertificateAuthority('ca'))), ...settings });
    await app.synth();
    const server = new z.SecureFtpServer('bytes', { keyRing: new z.KeyRing('ring2', props(new core.CertificateAuthority('ca'))), ...settings });
    const files = await value(server.files);
    assert.ok(Object.keys(files).length >= 8);
    const { readFileSync } = await import('node:fs');
    for (const [path, content] of Object.entries(files)) assert.equal(content, readFileSync(join(tmp, 'out', path), 'utf8'), `${path} differs`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('plain props that break a rule fail before any resource is registered, with the rule ids', () => {
  const z = lib();
  const ring = new z.KeyRing('plain-ring', { name: z.KeyRingName.saf('FTPRING') });
  const count = registered.length;
  assert.throws(
    () => new z.SecureFtpServer('bad', { keyRing: ring, clientAuth: z.ClientAuthLevel.LEVEL_2.withoutPassword() }),
    (e: Error) => e.name === 'ZftpsValidationError' && /CERT-CLIENT-CA-IN-SERVER/.test(e.message) && /fix: /.test(e.message),
  );
  assert.equal(registered.length, count, 'nothing registered');
  const acked = new z.SecureFtpServer('acked', {
    keyRing: ring,
    clientAuth: z.ClientAuthLevel.LEVEL_2.withoutPassword(),
    acknowledgements: [{ ruleId: 'CERT-CLIENT-CA-IN-SERVER', reason: 'client CAs are connected by a separate RACF job' }],
  });
  assert.ok(acked.urn);
  assert.throws(() => new z.KeyRing('bad-ring', { name: z.KeyRingName.saf('FTPRING'), owner: 'NOT-A-RACF-ID' }), /ringOwner 'NOT-A-RACF-ID'/);
  assert.equal(registered.length, count, 'nothing registered');
});

test('props given as Outputs are checked when they resolve, failing with the same rule id', async () => {
  const z = lib();
  const ring = new z.KeyRing('late-ring', { name: z.KeyRingName.saf('FTPRING') });
  const ok = new z.SecureFtpServer('late-ok', { keyRing: ring, controlPort: pulumi.output(2121) });
  assert.match((await value(ok.files))['late-ok/tcpip-profile.txt']!, /PORT 2121/);
  // A failing Output fails the whole program (as it fails `pulumi up`), so it runs in its own process.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'late-failure.ts')], { encoding: 'utf8' });
  assert.equal(r.status, 3, r.stdout + r.stderr);
  assert.match(r.stderr, /zftps: late breaks 1 rule \(CERT-CLIENT-CA-IN-SERVER\)/);
});

test('the dynamic provider creates a real certificate once, and diff sees no change for the same inputs', async () => {
  const z = lib();
  // Mocks never call the provider; run the closure Pulumi serialized, the way its dynamic-provider host does.
  assert.ok(providers.length > 0);
  const source = providers[0]!;
  assert.match(source, /import\(["']node-forge["']\)|require\(["']node-forge["']\)/, 'node-forge is imported by name inside the provider');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const provider = (require('require-from-string') as (src: string) => any)(source).handler();
  const caInputs = { role: 'ca', subject: { commonName: 'Harness CA' }, keyBits: 2048, validityDays: 30 };
  const ca = await provider.create(caInputs);
  const serverInputs = { role: 'server', subject: { commonName: 'ftp.example.com' }, keyBits: 2048, validityDays: 10, dnsNames: ['ftp.example.com'], ipAddresses: ['127.0.0.1'], issuerCertPem: ca.outs.certPem, issuerKeyPem: ca.outs.privateKeyPem };
  const server = await provider.create(serverInputs);
  const tmp = mkdtempSync(join(tmpdir(), 'zftps-pulumi-cert-'));
  try {
    writeFileSync(join(tmp, 'ca.pem'), ca.outs.certPem);
    writeFileSync(join(tmp, 'server.pem'), server.outs.certPem);
    assert.match(execFileSync('openssl', ['verify', '-CAfile', join(tmp, 'ca.pem'), join(tmp, 'server.pem')], { encoding: 'utf8' }), /OK/);
    const text = execFileSync('openssl', ['x509', '-in', join(tmp, 'server.pem'), '-noout', '-text'], { encoding: 'utf8' });
    assert.match(text, /Subject: CN ?= ?ftp\.example\.com/);
    assert.match(text, /DNS:ftp\.example\.com, IP Address:127\.0\.0\.1/);
    assert.match(text, /TLS Web Server Authentication/);
    assert.match(text, /Public-Key: \(2048 bit\)/);
    const fp = execFileSync('openssl', ['x509', '-in', join(tmp, 'server.pem'), '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1];
    assert.equal(server.outs.fingerprint256, fp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const same = await provider.diff(server.id, server.outs, serverInputs);
  assert.equal(same.changes, false, 'a second up keeps the key and certificate');
  const renamed = await provider.diff(server.id, server.outs, { ...serverInputs, dnsNames: ['ftp2.example.com'] });
  assert.deepEqual([renamed.changes, renamed.replaces], [true, ['dnsNames']]);
  assert.equal(typeof z.certificateProvider.create, 'function');
});

test('examples/pulumi runs under mocks: the same server as examples/client-auth', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'run-example.ts')], {
    encoding: 'utf8',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', '..', 'examples', 'pulumi', 'tsconfig.json') },
  });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  for (const t of ['zftps:index:KeyRing::ring', 'zftps:index:SecureFtpServer::clientauth', 'pulumi-nodejs:dynamic/zftps:Certificate::ring-client-bob']) assert.ok(out.types.includes(t), t);
  assert.ok(out.files.includes('clientauth/racf/keyring.jcl'));
  assert.match(out.ftpData, /SECURE_PASSWORD\s+OPTIONAL/);
  assert.deepEqual(out.registry.certificateMappings.map((m: any) => m.fingerprint256), ['FP(ring-client-alice)', 'FP(ring-client-bob)']);
});
