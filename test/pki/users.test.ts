import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../lib/diagnostics';
import { type KeyRingFiles, buildUserRegistry, hashPassword, verifyPassword } from '../../lib/pki';
import { sampleSpec } from './helpers';

const FAST = { N: 1 << 10, r: 8, p: 1 };

const files: KeyRingFiles = {
  serverCertificate: 'x/keys/server.chain.pem',
  clientTrustBundle: 'x/keys/client-trust-bundle.pem',
  cas: [{ name: 'ftp-ca', label: 'Test FTP CA', fingerprint256: 'AA:BB', certificate: 'x/keys/ca/ftp-ca.pem', external: false }],
  clients: [
    { name: 'alice', userId: 'ALICE', label: 'alice cert', selfSigned: false, fingerprint256: '11:22', issuerFingerprint256: 'AA:BB', certificate: 'x/keys/clients/alice.cert.pem' },
    { name: 'bob', userId: 'BOB', label: 'bob cert', selfSigned: true, fingerprint256: '33:44', certificate: 'x/keys/clients/bob.cert.pem' },
  ],
};

test('scrypt: default cost N >= 2^14, verify is true only for the right password', async () => {
  const h = hashPassword('s3cret');
  assert.equal(h.kdf, 'scrypt');
  assert.ok(h.N >= 1 << 14);
  assert.equal(Buffer.from(h.hash, 'base64').length, 32);
  assert.notEqual(hashPassword('s3cret').salt, h.salt, 'fresh salt each time');
  assert.equal(await verifyPassword('s3cret', h), true);
  assert.equal(await verifyPassword('s3creT', h), false);
  const cheap = hashPassword('pw', FAST);
  assert.equal(cheap.N, 1024);
  assert.equal(await verifyPassword('pw', cheap), true);
  assert.throws(() => hashPassword('pw', { N: 1000, r: 8, p: 1 }), InputError);
});

test('registry: hashed passwords, env passwords, fingerprint and filter mappings, level-3 permits', async () => {
  const reg = buildUserRegistry(
    [
      { name: 'alice', home: 'alice', password: { value: 'pw1' } },
      { name: 'bob', home: 'bob', canWrite: false },
      { name: 'carol', home: 'carol', password: { env: 'CAROL_PW', default: 'changeme' } },
    ],
    sampleSpec(),
    files,
    FAST,
  );
  assert.equal(reg.version, 1);
  assert.doesNotMatch(JSON.stringify(reg), /pw1|changeme/);
  assert.equal(await verifyPassword('pw1', reg.users[0]!.password!), true);
  assert.equal(reg.users[1]!.password, undefined);
  assert.equal(reg.users[1]!.canWrite, false);
  assert.equal(reg.users[2]!.passwordEnv, 'CAROL_PW');
  assert.equal(await verifyPassword('changeme', reg.users[2]!.password!), true);
  assert.deepEqual(reg.certificateMappings, [
    { userId: 'alice', fingerprint256: '11:22' },
    { userId: 'bob', fingerprint256: '33:44' },
    { userId: 'alice', subjectFilter: 'OU=FTP.O=Example', issuerFingerprint256: 'AA:BB' },
  ]);
  assert.deepEqual(reg.level3, { profile: 'EZB.FTP.SYS1.FTPD1.PORT21', ports: [21], permitted: ['alice'] });
});

test('a mapping to a user the server does not have is an InputError naming it', () => {
  assert.throws(
    () => buildUserRegistry([{ name: 'alice', home: 'alice' }], sampleSpec(), files, FAST),
    (e: Error) => e instanceof InputError && /client certificate 'bob' maps to user 'BOB', who is not a user/.test(e.message),
  );
  assert.throws(() => buildUserRegistry([{ name: 'a', home: '../etc' }], sampleSpec({ clients: [], certificateMaps: [], level3: undefined }), { ...files, clients: [] }, FAST), /must be relative/);
});
