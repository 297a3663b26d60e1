import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { CertificateFacts, KeyRingModel } from '../../lib/model/config';
import type { KeyRingFiles, KeyRingSpec } from '../../lib/pki';
import { renderRacfCommands } from '../../lib/racf';
import { sampleSpec } from '../pki/helpers';

// Golden files: UPDATE_GOLDEN=1 npm test -- test/racf rewrites them; review the diff before committing.
const GOLDEN = join(__dirname, '..', 'fixtures', 'racf');

function cert(label: string, selfSigned: boolean, isCa = false): CertificateFacts {
  return {
    label, subject: `CN=${label}`, issuer: selfSigned ? `CN=${label}` : 'CN=Test FTP CA', selfSigned, keyAlgorithm: 'RSA', keyBits: 2048,
    keyUsage: [], extendedKeyUsage: [], notBefore: new Date(0), notAfter: new Date(0), isCa, fingerprint256: 'AA',
  };
}

function inputs(spec: KeyRingSpec): { facts: KeyRingModel; files: KeyRingFiles } {
  const files: KeyRingFiles = {
    serverCertificate: 'srv/keys/server.chain.pem',
    clientTrustBundle: 'srv/keys/client-trust-bundle.pem',
    ...(spec.server.csr ? {} : { serverKey: 'srv/keys/server.key.pem', serverPkcs12: 'srv/keys/server.p12', serverPkcs12Password: 'srv/keys/server.p12.password' }),
    cas: spec.cas.map((c) => ({ name: c.name, label: c.label, fingerprint256: 'AA', certificate: `srv/keys/ca/${c.name}.pem`, external: false })),
    clients: spec.clients.map((c) => ({
      name: c.name, userId: c.userId, label: c.label, selfSigned: !c.signedBy, fingerprint256: 'BB', certificate: `srv/keys/clients/${c.name}.cert.pem`,
    })),
  };
  const facts: KeyRingModel = {
    id: spec.id, name: spec.ringName, form: spec.form,
    serverCertificate: { ...cert(spec.server.label, !spec.server.signedBy), hasPrivateKey: true, isDefault: true },
    certificateAuthorities: spec.cas.map((c) => ({ ...cert(c.label, true, true), trusted: true })),
    clientCertificates: spec.clients.map((c) => ({ ...cert(c.label, !c.signedBy), userId: c.userId })),
    expiryWarningDays: 30,
  };
  return { facts, files };
}

/** TSO text with ' -' continuations joined, so assertions see whole commands. */
const joined = (text: string) => text.replace(/ -\n\s*/g, ' ');

function render(spec: KeyRingSpec) {
  const { facts, files } = inputs(spec);
  return renderRacfCommands(spec, facts, { relDir: 'srv', files });
}

function checkGolden(name: string, spec: KeyRingSpec) {
  for (const f of render(spec)) {
    const path = join(GOLDEN, name, f.path.replace(/^srv\/racf\//, ''));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    assert.equal(f.content, readFileSync(path, 'utf8'), `${name}/${f.path} differs from its golden file`);
  }
}

const saf = () => sampleSpec({ zosClients: [{ userId: 'BATCH1', ringName: 'CLIRING', tlsRfcLevel: 'RFC4217', tlsMechanism: 'FTP' }] });

test('golden: SAF ring, CA-signed server, level 2 and 3, a z/OS client', () => checkGolden('saf', saf()));
test('golden: PKCS#11 token', () => checkGolden('token', sampleSpec({ form: 'token', ringName: 'FTP.TOKEN', certificateMaps: [], level3: undefined })));
test('golden: key database (gskkyman)', () => checkGolden('kdb', sampleSpec({ form: 'kdb', ringName: '/etc/ftp/ftpd.kdb', level3: undefined })));
test('golden: server key generated on z/OS (GENREQ)', () => {
  const s = sampleSpec({ clients: [], certificateMaps: [], level3: undefined });
  s.server = { ...s.server, csr: { csrPem: 'unused by the renderer' } };
  checkGolden('csr', s);
});

test('every line fits 72 columns; TSO continuations end in " -" or split an operand at column 72', () => {
  const long = saf();
  long.server.subject = { commonName: 'a-very-long-host-name.with-many-labels.example.internal.test', organization: 'Example Incorporated Worldwide' };
  long.server.label = 'An extremely long server label!';
  for (const f of render(long)) {
    for (const line of f.content.split('\n')) {
      assert.ok(line.length <= 72, `${f.path}: ${line}`);
      assert.doesNotMatch(line, /\t|\s$/, `${f.path}: tab or trailing blank`);
    }
  }
});

test('comments never close early: no "*/" inside a TSO comment', () => {
  for (const f of render(sampleSpec({ form: 'token', ringName: 'FTP.TOKEN' }))) {
    for (const line of f.content.split('\n').filter((l) => l.trimStart().startsWith('/*'))) {
      assert.equal(line.indexOf('*/'), line.length - 2, `${f.path}: ${line}`);
    }
  }
});

test('SAF ring: server DEFAULT PERSONAL, CA CERTAUTH, self-signed client trusted in the ring, clients registered to user IDs', () => {
  const job = joined(render(saf()).find((f) => f.kind === 'job')!.content);
  assert.match(job, /RACDCERT ID\(FTPD\) ADDRING\(FTPRING\)/);
  assert.match(job, /CONNECT\(ID\(FTPD\) LABEL\('FTP Server'\) RING\(FTPRING\) USAGE\(PERSONAL\) DEFAULT\)/);
  assert.match(job, /CONNECT\(CERTAUTH LABEL\('Test FTP CA'\) RING\(FTPRING\) USAGE\(CERTAUTH\)\)/);
  assert.match(job, /CONNECT\(ID\(BOB\) LABEL\('bob cert'\) RING\(FTPRING\) USAGE\(CERTAUTH\)\)/);
  assert.doesNotMatch(job, /CONNECT\(ID\(ALICE\)/, 'a CA-signed client certificate is trusted through its CA');
  assert.match(job, /RACDCERT ID\(ALICE\) ADD\('FTPD\.ZFTPS\.CL1\.CRT'\) WITHLABEL\('alice cert'\) TRUST/);
  assert.match(job, /RACDCERT ID\(ALICE\) MAP SDNFILTER\('OU=FTP\.O=Example'\) IDNFILTER\('CN=Test FTP CA\.O=Example\.C=US'\) WITHLABEL\('ftp users'\) TRUST/);
  assert.match(job, /SETROPTS RACLIST\(DIGTCERT DIGTRING DIGTNMAP\) REFRESH/);
  const undo = joined(render(saf()).find((f) => f.kind === 'undo')!.content);
  for (const re of [/DELRING\(FTPRING\)/, /DELMAP\(LABEL\('ftp users'\)\)/, /RDELETE SERVAUTH EZB\.FTP\.SYS1\.FTPD1\.PORT21/, /CERTAUTH DELETE\(LABEL\('Test FTP CA'\)\)/]) assert.match(undo, re);
  const console = render(saf()).find((f) => f.kind === 'console')!.content;
  assert.match(console, /^F PAGENT,REFRESH$/m);
});

test('the PKCS#12 password is never written: the job uses the exported &P12PW symbol', () => {
  const files = render(saf());
  const job = files.find((f) => f.kind === 'job')!.content;
  assert.match(job, /PASSWORD\('&P12PW'\)/);
  assert.match(job, /EXPORT SYMLIST=\(P12PW\)/);
  assert.match(job, /SYSTSIN  DD DATA,DLM=\$\$,SYMBOLS=JCLONLY/);
});

test('level 3 uses EZB.FTP.<sys>.<daemon>.PORT<n>, never EZB.PORTACCESS', () => {
  const job = joined(render(saf()).find((f) => f.kind === 'job')!.content);
  assert.match(job, /RDEFINE SERVAUTH EZB\.FTP\.SYS1\.FTPD1\.PORT21 UACC\(NONE\)/);
  assert.match(job, /PERMIT EZB\.FTP\.SYS1\.FTPD1\.PORT21 CLASS\(SERVAUTH\) ID\(ALICE\)/);
  assert.match(job, /SETROPTS RACLIST\(SERVAUTH\) REFRESH/);
  assert.doesNotMatch(job, /RDEFINE SERVAUTH EZB\.PORTACCESS/);
});

test('the z/OS client gets the CA (not the server certificate) when the server is CA-signed', () => {
  const files = render(saf());
  const ftpData = files.find((f) => f.kind === 'zosClientFtpData')!.content;
  assert.match(ftpData, /^SECURE_MECHANISM TLS$/m);
  assert.match(ftpData, /^TLSRFCLEVEL +RFC4217$/m);
  assert.match(ftpData, /^KEYRING +CLIRING$/m);
  const job = joined(files.find((f) => f.kind === 'zosClientJob')!.content);
  assert.match(job, /RACDCERT ID\(BATCH1\) CONNECT\(CERTAUTH LABEL\('Test FTP CA'\) RING\(CLIRING\) USAGE\(CERTAUTH\)\)/);
});
