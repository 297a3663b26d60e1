import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import * as core from '../../lib';
import {
  CertificateAuthority,
  ClientAuthLevel,
  ClientCertificate,
  KeyRing,
  KeyRingName,
  Password,
  SecureFtpServer,
  finishAfterApply,
} from '../../lib/cdktf';

type Ring = ConstructorParameters<typeof core.KeyRing>[2];
type Server = Omit<core.SecureFtpServerProps, 'keyRing'>;

function clientAuthSettings(): { ring: Ring; server: Server } {
  const ca = new CertificateAuthority('example-ca', { label: 'Example FTP CA', subject: { commonName: 'Example FTP CA', organization: 'Example' } });
  return {
    ring: {
      name: KeyRingName.saf('FTPRING'),
      certificateAuthorities: [ca],
      keyBits: 3072,
      serverCertificate: { label: 'FTP Server Cert', subject: { commonName: 'localhost' }, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], signedBy: ca },
      clientCertificates: [new ClientCertificate('alice', { userId: 'ALICE', signedBy: ca }), new ClientCertificate('carol', { userId: 'CAROL' })],
    },
    server: {
      clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword(),
      controlPort: 2121,
      users: [{ name: 'alice', password: Password.fromEnv('ALICE_PW', { default: 'alice-demo' }) }, { name: 'carol' }],
    },
  };
}

function cdktfStack(settings = clientAuthSettings()) {
  const stack = new TerraformStack(Testing.app(), 'ftps');
  const ring = new KeyRing(stack, 'ring', settings.ring);
  const server = new SecureFtpServer(stack, 'clientauth', { keyRing: ring, ...settings.server });
  return { stack, ring, server };
}

const resources = (json: any, type: string): Record<string, any> => json.resource?.[type] ?? {};
const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;
const nameOf = (json: any, type: string, part: string) => {
  const n = Object.keys(resources(json, type)).find((k) => k.includes(part));
  assert.ok(n, `no ${type} whose name contains ${part}: ${Object.keys(resources(json, type)).join(', ')}`);
  return n!;
};

test('the Terraform JSON holds the tls keys and certificates, wired together', () => {
  const { stack } = cdktfStack();
  const json = JSON.parse(Testing.synth(stack, true));
  assert.ok(Testing.toHaveResourceWithProperties(JSON.stringify(json), 'tls_private_key', { algorithm: 'RSA', rsa_bits: 3072 }));
  assert.equal(Object.keys(resources(json, 'tls_private_key')).length, 4, 'CA, server, alice, carol');
  const caKey = nameOf(json, 'tls_private_key', 'ca-example-ca-key');
  const caCert = nameOf(json, 'tls_self_signed_cert', 'ca-example-ca-cert');
  assert.deepEqual(resources(json, 'tls_self_signed_cert')[caCert], {
    allowed_uses: ['cert_signing', 'crl_signing'],
    is_ca_certificate: true,
    private_key_pem: ref('tls_private_key', caKey, 'private_key_pem'),
    set_subject_key_id: true,
    subject: [{ common_name: 'Example FTP CA', organization: 'Example' }],
    validity_period_hours: 3650 * 24,
  });
  const serverCsr = nameOf(json, 'tls_cert_request', 'server-csr');
  assert.deepEqual(resources(json, 'tls_cert_request')[serverCsr].dns_names, ['localhost']);
  assert.deepEqual(resources(json, 'tls_cert_request')[serverCsr].ip_addresses, ['127.0.0.1']);
  const serverCert = resources(json, 'tls_locally_signed_cert')[nameOf(json, 'tls_locally_signed_cert', 'server-cert')];
  assert.equal(serverCert.ca_cert_pem, ref('tls_self_signed_cert', caCert, 'cert_pem'));
  assert.equal(serverCert.ca_private_key_pem, ref('tls_private_key', caKey, 'private_key_pem_pkcs8'));
  assert.equal(serverCert.cert_request_pem, ref('tls_cert_request', serverCsr, 'cert_request_pem'));
  assert.deepEqual(serverCert.allowed_uses, ['digital_signature', 'key_encipherment', 'server_auth']);
  assert.equal(serverCert.validity_period_hours, 397 * 24);
  // carol is self-signed: a client certificate, never a CA.
  const carol = resources(json, 'tls_self_signed_cert')[nameOf(json, 'tls_self_signed_cert', 'client-carol-cert')];
  assert.deepEqual(carol.allowed_uses, ['digital_signature', 'key_encipherment', 'client_auth']);
  assert.equal(carol.is_ca_certificate, undefined);
  assert.deepEqual(json.provider.tls, [{}]);
  assert.deepEqual(json.provider.local, [{}]);
});

test('key material is written at apply: private keys as 0600 sensitive files, certificates and trust lists as files', () => {
  const { stack } = cdktfStack();
  const json = JSON.parse(Testing.synth(stack));
  const byFile = (type: string) => Object.fromEntries(Object.values(resources(json, type)).map((r: any) => [r.filename, r]));
  const secrets = byFile('local_sensitive_file');
  const files = byFile('local_file');
  const serverKey = secrets['${path.module}/clientauth/keys/server.key.pem'];
  assert.equal(serverKey.file_permission, '0600');
  assert.equal(serverKey.content, ref('tls_private_key', nameOf(json, 'tls_private_key', 'ring_server-key'), 'private_key_pem_pkcs8'));
  assert.ok(secrets['${path.module}/clientauth/keys/clients/alice.key.pem']);
  assert.equal(Object.keys(files).filter((f) => f.endsWith('.key.pem')).length, 0, 'no private key in a non-sensitive file');
  const caPem = ref('tls_self_signed_cert', nameOf(json, 'tls_self_signed_cert', 'ca-example-ca-cert'), 'cert_pem');
  assert.equal(files['${path.module}/clientauth/keys/client-trust-bundle.pem'].content, caPem, 'clients trust the CA that signed the server');
  assert.match(files['${path.module}/clientauth/keys/server.chain.pem'].content, /^\$\{join\("", \[tls_locally_signed_cert\..*server-cert.*\.cert_pem, tls_self_signed_cert\..*ca-example-ca-cert.*\.cert_pem\]\)\}$/);
  assert.match(files['${path.module}/clientauth/keys/server-trust-cas.pem'].content, /ca-example-ca-cert/);
  assert.match(files['${path.module}/clientauth/keys/server-trust-self-signed.pem'].content, /client-carol-cert/);
  const outputs = json.output as Record<string, { sensitive?: boolean; value: string }>;
  const key = Object.entries(outputs).find(([k]) => k.includes('server-private-key-pem'))![1];
  assert.equal(key.sensitive, true);
  assert.ok(Object.keys(outputs).some((k) => k.includes('client-trust-bundle-pem')));
});

test('one tls and one local provider per stack, however many rings and servers', () => {
  const stack = new TerraformStack(Testing.app(), 'two');
  for (const id of ['a', 'b']) {
    const ring = new KeyRing(stack, `ring-${id}`, { name: KeyRingName.saf(`RING${id.toUpperCase()}`) });
    new SecureFtpServer(stack, `srv-${id}`, { keyRing: ring });
  }
  const json = JSON.parse(Testing.synth(stack, true));
  assert.deepEqual(json.provider.tls, [{}]);
  assert.deepEqual(json.provider.local, [{}]);
});

test('fails synth with the rule ids and fixes when the configuration breaks a rule', () => {
  const stack = new TerraformStack(Testing.app(), 'bad');
  const ring = new KeyRing(stack, 'ring', { name: KeyRingName.saf('FTPRING') });
  new SecureFtpServer(stack, 'srv', { keyRing: ring, clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword() });
  assert.throws(() => Testing.synth(stack, true), (e: Error) => {
    assert.match(e.message, /Validation failed/);
    assert.match(e.message, /\[bad\/srv\].*error CERT-CLIENT-CA-IN-SERVER/);
    assert.match(e.message, /fix: /);
    return true;
  });
  assert.throws(() => Testing.fullSynth(stack), /CERT-CLIENT-CA-IN-SERVER/);
});

test('an acknowledged finding no longer fails synth', () => {
  const stack = new TerraformStack(Testing.app(), 'ack');
  const ring = new KeyRing(stack, 'ring', { name: KeyRingName.saf('FTPRING') });
  const srv = new SecureFtpServer(stack, 'srv', { keyRing: ring, clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword() });
  srv.acknowledge('CERT-CLIENT-CA-IN-SERVER', 'client CAs are connected to the ring by a separate RACF job');
  assert.doesNotThrow(() => Testing.synth(stack, true));
  assert.ok(srv.findings.some((f) => f.ruleId === 'CERT-CLIENT-CA-IN-SERVER' && f.acknowledged));
});

test('unusable key ring input fails synth naming the ring', () => {
  const stack = new TerraformStack(Testing.app(), 'input');
  const ring = new KeyRing(stack, 'ring', { name: KeyRingName.saf('FTPRING'), owner: 'NOT-A-RACF-ID' });
  new SecureFtpServer(stack, 'srv', { keyRing: ring });
  assert.throws(() => Testing.synth(stack, true), /key ring 'ring'.*ringOwner 'NOT-A-RACF-ID'/);
});

function walk(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(root, p) : [relative(root, p)];
  });
}

test('the synth-time files are byte-identical to the embedded default for the same settings', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'zftps-cdktf-bytes-'));
  try {
    const settings = clientAuthSettings();
    const app = new core.FtpsApp({ quiet: true, outdir: join(tmp, 'embedded'), keyStoreDir: join(tmp, 'keys') });
    const ring = new core.KeyRing(app, 'ring', settings.ring);
    new core.SecureFtpServer(app, 'clientauth', { keyRing: ring, ...settings.server });
    await app.synth();

    const { stack } = cdktfStack(clientAuthSettings());
    const outdir = Testing.fullSynth(stack);
    const tf = join(outdir, 'stacks', 'ftps', 'clientauth');
    const em = join(tmp, 'embedded', 'clientauth');
    const synthTime = walk(tf).filter((f) => !f.endsWith('users.json')).sort();
    for (const f of ['FTP.DATA', 'attls-policy.conf', 'pagent-image.conf', 'tcpip-profile.txt', 'zftps-server.json', 'racf/keyring.jcl', 'image/Dockerfile', 'image/zftps-server.js']) {
      assert.ok(synthTime.includes(f), `${f} written at synth (have ${synthTime.join(', ')})`);
    }
    for (const f of synthTime) assert.ok(readFileSync(join(tf, f)).equals(readFileSync(join(em, f))), `${f} differs from the embedded synth's`);
    // No key material exists before apply.
    assert.ok(!walk(tf).some((f) => f.startsWith('keys/')));
    rmSync(outdir, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('finishAfterApply fills the certificate fingerprints into users.json once apply wrote the certificates', () => {
  const { stack } = cdktfStack();
  const outdir = Testing.fullSynth(stack);
  const stackDir = join(outdir, 'stacks', 'ftps');
  try {
    const before = JSON.parse(readFileSync(join(stackDir, 'clientauth', 'users.json'), 'utf8'));
    assert.deepEqual(before.certificateMappings.map((m: any) => m.fingerprint256), ['apply:clientauth/keys/clients/alice.cert.pem', 'apply:clientauth/keys/clients/carol.cert.pem']);
    assert.throws(() => finishAfterApply(stackDir), /alice\.cert\.pem does not exist yet; run the apply/);
    // Stand in for terraform apply: real certificates where the local_file resources put them.
    mkdirSync(join(stackDir, 'clientauth', 'keys', 'clients'), { recursive: true });
    const fps: string[] = [];
    for (const who of ['alice', 'carol']) {
      const cert = join(stackDir, 'clientauth', 'keys', 'clients', `${who}.cert.pem`);
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(stackDir, `${who}.key`), '-out', cert, '-subj', `/CN=${who}`, '-days', '1'], { stdio: 'ignore' });
      fps.push(execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1]!);
    }
    const rewritten = finishAfterApply(stackDir);
    assert.deepEqual(rewritten.map((f) => relative(stackDir, f)).sort(), ['clientauth/image/users.json', 'clientauth/users.json']);
    const after = JSON.parse(readFileSync(join(stackDir, 'clientauth', 'users.json'), 'utf8'));
    assert.deepEqual(after.certificateMappings.map((m: any) => [m.userId, m.fingerprint256]), [['alice', fps[0]], ['carol', fps[1]]]);
    assert.deepEqual(after.users, before.users, 'password verifiers untouched');
    assert.deepEqual(finishAfterApply(stackDir), [], 'nothing left to fill');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

test('examples/cdktf synthesizes with tsx, as cdktf.json runs it', () => {
  const out = mkdtempSync(join(tmpdir(), 'zftps-cdktf-example-'));
  try {
    const app = JSON.parse(readFileSync('cdktf.json', 'utf8')).app as string;
    assert.match(app, /examples\/cdktf\/main\.ts/);
    const [cmd, ...args] = app.split(/\s+/);
    execFileSync(cmd!, args, { env: { ...process.env, CDKTF_OUTDIR: out }, stdio: 'pipe' });
    const stackDir = join(out, 'stacks', 'ftps');
    const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    assert.ok(Object.keys(json.resource.tls_locally_signed_cert).length >= 3);
    assert.match(readFileSync(join(stackDir, 'clientauth', 'FTP.DATA'), 'utf8'), /SECURE_LOGIN\s+VERIFY_USER/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

