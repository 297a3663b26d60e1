import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { InputError } from '../../lib/diagnostics';
import { type KeyRingSynthesis, synthesizeKeyRing } from '../../lib/pki';
import { hashTree, openssl, opensslOk, sampleSpec, tempDir } from './helpers';

const read = (root: string, rel: string) => readFileSync(join(root, rel), 'utf8');

describe('CA-signed server, CA-signed and self-signed clients (3DES PKCS#12)', () => {
  const root = tempDir();
  const out = join(root, 'out');
  const store = join(root, 'store');
  const spec = sampleSpec();
  let r: KeyRingSynthesis;
  const progress: [number, number][] = [];
  const at = (rel: string) => join(out, rel);

  before(async () => {
    r = await synthesizeKeyRing(spec, { keyStoreDir: store, outDir: out, relDir: 'srv', onProgress: (d, t) => progress.push([d, t]) });
  });

  test('reports progress up to the total', () => {
    const [done, total] = progress[progress.length - 1]!;
    assert.equal(done, total);
    assert.ok(total >= 4 + 4, 'four keys and four certificates');
  });

  test('the server chain and the CA-signed client verify against the CA', () => {
    const ca = at(r.files.cas[0]!.certificate);
    assert.match(opensslOk(['verify', '-CAfile', ca, at('srv/keys/server.cert.pem')]), /OK/);
    assert.match(opensslOk(['verify', '-CAfile', ca, '-untrusted', at(r.files.serverCertificate), at(r.files.serverCertificate)]), /OK/);
    assert.match(opensslOk(['verify', '-CAfile', ca, '-purpose', 'sslclient', at(r.files.clients[0]!.certificate)]), /OK/);
  });

  test('the server certificate carries the configured subject, SAN, key usage, EKU and validity', () => {
    const cert = at('srv/keys/server.cert.pem');
    const ext = opensslOk(['x509', '-in', cert, '-noout', '-ext', 'subjectAltName,keyUsage,extendedKeyUsage,basicConstraints,authorityKeyIdentifier,subjectKeyIdentifier']);
    assert.match(ext, /DNS:ftp\.example\.test, DNS:localhost, IP Address:127\.0\.0\.1/);
    assert.match(ext, /Key Usage: critical\s+Digital Signature, Key Encipherment/);
    assert.match(ext, /TLS Web Server Authentication/);
    assert.match(ext, /CA:FALSE/);
    assert.match(ext, /Authority Key Identifier/);
    assert.match(opensslOk(['x509', '-in', cert, '-noout', '-subject']), /O = Example, CN = ftp\.example\.test/);
    const x = new X509Certificate(read(out, 'srv/keys/server.cert.pem'));
    const days = (Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86_400_000;
    assert.equal(days, 90);
    assert.match(x.serialNumber, /^[0-7][0-9A-F]{31}$/, 'random positive 128-bit serial');
  });

  test('the CA is a critical CA:TRUE with keyCertSign and cRLSign', () => {
    const ext = opensslOk(['x509', '-in', at(r.files.cas[0]!.certificate), '-noout', '-ext', 'basicConstraints,keyUsage,subjectKeyIdentifier']);
    assert.match(ext, /Basic Constraints: critical\s+CA:TRUE/);
    assert.match(ext, /Certificate Sign, CRL Sign/);
    assert.match(ext, /Subject Key Identifier/);
  });

  test('each private key matches its certificate', () => {
    const pub = (args: string[]) => opensslOk(args);
    for (const [cert, key] of [
      ['srv/keys/server.cert.pem', r.files.serverKey!],
      [r.files.clients[0]!.certificate, r.files.clients[0]!.key!],
      [r.files.clients[1]!.certificate, r.files.clients[1]!.key!],
    ]) {
      assert.equal(pub(['x509', '-in', at(cert!), '-noout', '-pubkey']), pub(['pkey', '-in', at(key!), '-pubout']));
    }
  });

  test('each PKCS#12 opens with its password file (3DES key bag, no -legacy needed on OpenSSL 3)', () => {
    for (const [p12, pw] of [
      [r.files.serverPkcs12!, r.files.serverPkcs12Password!],
      [r.files.clients[0]!.pkcs12!, r.files.clients[0]!.pkcs12Password!],
    ]) {
      const info = openssl(['pkcs12', '-in', at(p12), '-passin', `file:${at(pw)}`, '-info', '-nokeys', '-noout']);
      assert.ok(info.ok, info.out);
      assert.match(info.out, /pbeWithSHA1And3-KeyTripleDES-CBC/);
      const nodes = opensslOk(['pkcs12', '-in', at(p12), '-passin', `file:${at(pw)}`, '-nodes']);
      assert.match(nodes, /BEGIN PRIVATE KEY/);
    }
    const wrong = join(root, 'wrong.pw');
    writeFileSync(wrong, 'not-the-password\n');
    assert.equal(openssl(['pkcs12', '-in', at(r.files.serverPkcs12!), '-passin', `file:${wrong}`, '-noout']).ok, false);
  });

  test('client trust bundle is the CA that signed the server, not the server certificate', () => {
    assert.equal(read(out, r.files.clientTrustBundle), read(out, r.files.cas[0]!.certificate));
    assert.notEqual(read(out, r.files.clientTrustBundle), read(out, 'srv/keys/server.cert.pem'));
    assert.match(opensslOk(['verify', '-CAfile', at(r.files.clientTrustBundle), at('srv/keys/server.cert.pem')]), /OK/);
  });

  test('server trust list: the client CA in one file, the self-signed client certificate in the other', () => {
    assert.equal(read(out, r.files.trustedCas!), read(out, r.files.cas[0]!.certificate));
    assert.equal(read(out, r.files.trustedSelfSigned!), read(out, r.files.clients[1]!.certificate));
    const kinds = r.artifacts.filter((a) => a.role === 'serverTrustList').map((a) => a.kind).sort();
    assert.deepEqual(kinds, ['ca', 'self-signed']);
  });

  test('a self-signed client certificate cannot vouch for another certificate', () => {
    const bob = r.files.clients[1]!;
    const ext = opensslOk(['x509', '-in', at(bob.certificate), '-noout', '-ext', 'basicConstraints,keyUsage,extendedKeyUsage']);
    assert.match(ext, /CA:FALSE/);
    assert.doesNotMatch(ext, /Certificate Sign/);
    assert.match(ext, /TLS Web Client Authentication/);
    assert.match(opensslOk(['verify', '-CAfile', at(bob.certificate), at(bob.certificate)]), /OK/);
    // Forge "alice" with bob's key and bob as issuer (in a scratch folder: openssl writes a serial file next to the CA).
    const dir = tempDir('zftps-forge-');
    copyFileSync(at(bob.certificate), join(dir, 'bob.pem'));
    opensslOk(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'f.key'), '-subj', '/CN=alice', '-out', join(dir, 'f.csr')]);
    opensslOk(['x509', '-req', '-in', join(dir, 'f.csr'), '-CA', join(dir, 'bob.pem'), '-CAkey', at(bob.key!), '-CAcreateserial', '-days', '1', '-out', join(dir, 'forged.pem')]);
    const v = openssl(['verify', '-CAfile', at(bob.certificate), join(dir, 'forged.pem')]);
    assert.equal(v.ok, false, v.out);
  });

  test('secrets are mode 0600, and artifact hashes match the files', () => {
    for (const a of r.artifacts) {
      const bytes = readFileSync(at(a.path));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), a.sha256, a.path);
      const mode = statSync(at(a.path)).mode & 0o777;
      assert.equal(mode, a.sensitive ? 0o600 : 0o644, a.path);
    }
    const sensitive = r.artifacts.filter((a) => a.sensitive).map((a) => a.role);
    for (const role of ['serverKey', 'serverPkcs12', 'pkcs12Password', 'clientIdentity']) assert.ok(sensitive.includes(role as never), role);
    assert.equal(statSync(store).mode & 0o777, 0o700);
    assert.equal(readFileSync(join(store, '.gitignore'), 'utf8'), '*\n');
  });

  test('facts describe the ring for the rules and hold no private key', () => {
    const json = JSON.stringify(r.facts);
    assert.doesNotMatch(json, /PRIVATE KEY/);
    assert.equal(r.facts.name, 'FTPRING');
    assert.equal(r.facts.serverCertificate?.isDefault, true);
    assert.deepEqual(r.facts.serverCertificate?.extendedKeyUsage, ['serverAuth']);
    assert.equal(r.facts.certificateAuthorities[0]?.isCa, true);
    const [alice, bob] = r.facts.clientCertificates;
    assert.equal(alice?.signedBy, 'Test FTP CA');
    assert.equal(alice?.userId, 'ALICE');
    assert.equal(bob?.selfSigned, true);
    assert.equal(bob?.signedBy, undefined);
    assert.equal(r.facts.level3Profile, 'EZB.FTP.SYS1.FTPD1.PORT21');
    assert.equal(r.files.clients[0]!.fingerprint256, new X509Certificate(read(out, r.files.clients[0]!.certificate)).fingerprint256);
  });

  test('a second synth with no change writes byte-identical artifacts', async () => {
    const first = hashTree(out);
    const storeBefore = hashTree(store);
    const again = await synthesizeKeyRing(spec, { keyStoreDir: store, outDir: out, relDir: 'srv' });
    assert.deepEqual(hashTree(out), first);
    assert.deepEqual(hashTree(store), storeBefore);
    assert.deepEqual(again.artifacts, r.artifacts);
  });

  test('a spec change reissues only that identity; renew gives a new key', async () => {
    const dir = tempDir();
    const outB = join(dir, 'out');
    await synthesizeKeyRing(spec, { keyStoreDir: store, outDir: outB, relDir: 'srv' });
    const before = hashTree(outB);
    const changed = sampleSpec();
    changed.clients[0] = { ...changed.clients[0]!, subject: { commonName: 'alice2', organizationalUnit: 'FTP', organization: 'Example' } };
    await synthesizeKeyRing(changed, { keyStoreDir: store, outDir: outB, relDir: 'srv' });
    const after = hashTree(outB);
    const diff = Object.keys(after).filter((k) => after[k] !== before[k]).sort();
    assert.deepEqual(diff.filter((k) => k.startsWith('srv/keys/')), ['srv/keys/clients/alice.cert.pem', 'srv/keys/clients/alice.p12']);
    assert.equal(after['srv/keys/clients/alice.key.pem'], before['srv/keys/clients/alice.key.pem'], 'key kept');

    await synthesizeKeyRing(changed, { keyStoreDir: store, outDir: outB, relDir: 'srv', renew: ['server'] });
    const renewed = hashTree(outB);
    assert.notEqual(renewed['srv/keys/server.key.pem'], after['srv/keys/server.key.pem']);
    assert.equal(renewed['srv/keys/ca/ftp-ca.pem'], after['srv/keys/ca/ftp-ca.pem']);
    await assert.rejects(synthesizeKeyRing(changed, { keyStoreDir: store, outDir: outB, relDir: 'srv', renew: ['nobody'] }), /renew names 'nobody'/);
  });
});

describe('self-signed server, AES-256 PKCS#12', () => {
  test('trust bundle is the server certificate itself; PKCS#12 opens without -legacy', async () => {
    const root = tempDir();
    const out = join(root, 'out');
    const spec = sampleSpec({
      cas: [],
      server: { label: 'FTP Server', subject: { commonName: 'localhost' }, dnsNames: ['localhost'], ipAddresses: [] },
      clients: [{ name: 'carol', label: 'carol cert', subject: { commonName: 'carol' } }],
      certificateMaps: [],
      pkcs12Algorithm: 'aes256',
      level3: undefined,
    });
    const r = await synthesizeKeyRing(spec, { keyStoreDir: join(root, 'store'), outDir: out, relDir: 'ss' });
    const server = readFileSync(join(out, 'ss/keys/server.cert.pem'), 'utf8');
    assert.equal(readFileSync(join(out, r.files.clientTrustBundle), 'utf8'), server);
    assert.equal(r.files.trustedCas, undefined);
    assert.ok(r.files.trustedSelfSigned);
    assert.match(opensslOk(['verify', '-CAfile', join(out, r.files.clientTrustBundle), join(out, 'ss/keys/server.cert.pem')]), /OK/);
    const info = openssl(['pkcs12', '-in', join(out, r.files.serverPkcs12!), '-passin', `file:${join(out, r.files.serverPkcs12Password!)}`, '-info', '-nokeys', '-noout']);
    assert.ok(info.ok, info.out);
    assert.match(info.out, /PBES2, PBKDF2, AES-256-CBC/);
    assert.equal(r.facts.serverCertificate?.selfSigned, true);
    assert.equal(r.facts.serverCertificate?.isCa, false);
  });
});

describe('refusals leave nothing written', () => {
  test('a key store written by a newer version is refused', async () => {
    const root = tempDir();
    const store = join(root, 'store');
    await synthesizeKeyRing(sampleSpec({ clients: [], certificateMaps: [], level3: undefined }), { keyStoreDir: store, outDir: join(root, 'a'), relDir: 'x' });
    writeFileSync(join(store, 'version'), '99\n');
    const out = join(root, 'b');
    await assert.rejects(
      synthesizeKeyRing(sampleSpec(), { keyStoreDir: store, outDir: out, relDir: 'x' }),
      (e: Error) => e instanceof InputError && /newer zftps \(store format 99/.test(e.message),
    );
    assert.equal(existsSync(out), false);
  });

  test('an existing certificate with a key that does not match is refused, naming the spec and file', async () => {
    const dir = tempDir();
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'a.key'), '-out', join(dir, 'a.pem'), '-subj', '/CN=a', '-days', '2']);
    opensslOk(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', join(dir, 'b.key')]);
    const spec = sampleSpec({
      cas: [],
      clients: [],
      certificateMaps: [],
      level3: undefined,
      server: {
        label: 'FTP Server', subject: { commonName: 'a' }, dnsNames: [], ipAddresses: [],
        existing: { certificatePem: readFileSync(join(dir, 'a.pem'), 'utf8'), privateKeyPem: readFileSync(join(dir, 'b.key'), 'utf8'), source: 'a.pem + b.key' },
      },
    });
    const out = join(dir, 'out');
    const store = join(dir, 'store');
    await assert.rejects(
      synthesizeKeyRing(spec, { keyStoreDir: store, outDir: out, relDir: 'x' }),
      (e: Error) => e instanceof InputError && /key ring 'test' server certificate \(a\.pem \+ b\.key\): the private key does not match/.test(e.message),
    );
    assert.equal(existsSync(out), false);
    assert.equal(existsSync(store), false);

    // The matching key is accepted, and the trust bundle is that self-signed certificate.
    spec.server.existing = { certificatePem: readFileSync(join(dir, 'a.pem'), 'utf8'), privateKeyPem: readFileSync(join(dir, 'a.key'), 'utf8') };
    const r = await synthesizeKeyRing(spec, { keyStoreDir: store, outDir: out, relDir: 'x' });
    assert.equal(new X509Certificate(readFileSync(join(out, r.files.clientTrustBundle))).fingerprint256, new X509Certificate(readFileSync(join(dir, 'a.pem'))).fingerprint256);
  });

  test('invalid user IDs, long labels and unknown CAs are InputErrors naming the identity', async () => {
    const opts = { keyStoreDir: join(tempDir(), 's'), outDir: join(tempDir(), 'o'), relDir: 'x' };
    const bad = (mut: (s: ReturnType<typeof sampleSpec>) => void, re: RegExp) => {
      const s = sampleSpec();
      mut(s);
      return assert.rejects(synthesizeKeyRing(s, opts), (e: Error) => e instanceof InputError && re.test(e.message));
    };
    await bad((s) => (s.clients[0]!.userId = 'TOOLONGID'), /client 'alice': userId 'TOOLONGID' is 9 characters/);
    await bad((s) => (s.clients[0]!.userId = '1ABC'), /userId '1ABC' may only hold/);
    await bad((s) => (s.server.label = 'x'.repeat(33)), /server certificate: label .* is 33 characters/);
    await bad((s) => (s.clients[1]!.signedBy = 'nope'), /client 'bob': signedBy 'nope' names no CA/);
    await bad((s) => (s.clients[1]!.label = 'alice cert'), /label 'alice cert' is already used/);
    await bad((s) => (s.server.ipAddresses = ['300.1.1.1']), /not an IPv4 or IPv6 address/);
    assert.equal(existsSync(opts.outDir), false);
  });

  test('a PKCS#12 with the wrong password is refused', async () => {
    const dir = tempDir();
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/CN=p', '-days', '2']);
    opensslOk(['pkcs12', '-export', '-in', join(dir, 'c.pem'), '-inkey', join(dir, 'k.pem'), '-out', join(dir, 'id.p12'), '-passout', 'pass:right']);
    const spec = sampleSpec({ cas: [], clients: [], certificateMaps: [], level3: undefined });
    spec.server = { ...spec.server, signedBy: undefined, existing: { pkcs12: readFileSync(join(dir, 'id.p12')), password: 'wrong', source: 'id.p12' } };
    const opts = { keyStoreDir: join(dir, 's'), outDir: join(dir, 'o'), relDir: 'x' };
    await assert.rejects(synthesizeKeyRing(spec, opts), (e: Error) => e instanceof InputError && /\(id\.p12\): wrong PKCS#12 password/.test(e.message));
    spec.server.existing = { pkcs12: readFileSync(join(dir, 'id.p12')), password: 'right', source: 'id.p12' };
    const r = await synthesizeKeyRing(spec, opts);
    assert.equal(r.facts.serverCertificate?.subject, 'CN=p');
  });
});

describe('CSR signing (key generated on z/OS)', () => {
  test('signs a verified CSR; no private key is written; a tampered CSR is refused', async () => {
    const dir = tempDir();
    opensslOk(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'zos.key'), '-subj', '/CN=ftp.zos.test', '-out', join(dir, 'zos.csr')]);
    const csrPem = readFileSync(join(dir, 'zos.csr'), 'utf8');
    const spec = sampleSpec({ clients: [], certificateMaps: [], level3: undefined });
    spec.server = { ...spec.server, csr: { csrPem, source: 'zos.csr' } };
    const out = join(dir, 'out');
    const r = await synthesizeKeyRing(spec, { keyStoreDir: join(dir, 's'), outDir: out, relDir: 'z' });
    assert.equal(r.files.serverKey, undefined);
    assert.equal(r.files.serverPkcs12, undefined);
    assert.equal(r.artifacts.some((a) => a.role === 'serverKey' || a.role === 'serverPkcs12'), false);
    assert.equal(
      opensslOk(['x509', '-in', join(out, 'z/keys/server.cert.pem'), '-noout', '-pubkey']),
      opensslOk(['req', '-in', join(dir, 'zos.csr'), '-noout', '-pubkey']),
    );
    assert.match(opensslOk(['verify', '-CAfile', join(out, r.files.cas[0]!.certificate), join(out, 'z/keys/server.cert.pem')]), /OK/);
    assert.ok(r.artifacts.some((a) => a.role === 'racfCommands' && a.kind === 'genreq'));
    const job = readFileSync(join(out, 'z/racf/keyring.jcl'), 'utf8');
    assert.doesNotMatch(job, /PASSWORD\(/);
    assert.match(job, /RACDCERT ID\(FTPD\) ADD\('FTPD\.ZFTPS\.SERVER\.CRT'\)/);

    // Flip one character inside the signed body: the signature no longer verifies.
    const body = csrPem.split('\n');
    body[3] = body[3]!.slice(0, 10) + (body[3]![10] === 'A' ? 'B' : 'A') + body[3]!.slice(11);
    spec.server.csr = { csrPem: body.join('\n'), source: 'zos.csr' };
    await assert.rejects(synthesizeKeyRing(spec, { keyStoreDir: join(dir, 's2'), outDir: join(dir, 'o2'), relDir: 'z' }), (e: Error) => e instanceof InputError && /zos\.csr/.test(e.message));
  });
});
