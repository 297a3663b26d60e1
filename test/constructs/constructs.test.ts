// The typed constructs: what they render, their secure defaults, and the rule
// catalogue reached through them (the construct path; lint is the other path).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Construct } from 'constructs';
import {
  CertificateAuthority,
  CipherSuitePolicy,
  ClientAuthLevel,
  ClientCertificate,
  ControlProtection,
  DataProtection,
  Extension,
  KeyRing,
  KeyRingName,
  SecureFtp,
  SecureFtpServer,
  type SecureFtpServerProps,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
  TlsVersion,
  ZosVersion,
} from '../../lib/constructs';
import { findServers, renderServer } from '../../lib/synth';
import { runRules } from '../../lib/rules/engine';
import { isBlocking } from '../../lib/diagnostics';

function server(props: Partial<SecureFtpServerProps> = {}, id = 'srv') {
  const app = new Construct(undefined as unknown as Construct, '');
  const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('FTPRING') });
  return new SecureFtpServer(app, id, { keyRing, ...props });
}

function findings(s: SecureFtpServer) {
  const r = renderServer(s);
  return [...r.parseFindings, ...runRules({ ...r.model, now: new Date('2026-11-26T00:00:00Z') })];
}

const ftpData = (s: SecureFtpServer) => renderServer(s).files.find((f) => f.role === 'ftpData')!.content;
const policy = (s: SecureFtpServer) => renderServer(s).files.find((f) => f.role === 'attlsPolicy')?.content;

describe('SecureFtpServer renders', () => {
  it('every TLS statement explicitly, with the secure defaults', () => {
    const text = ftpData(server());
    for (const line of [
      /^EXTENSIONS\s+AUTH_TLS\b/m,
      /^TLSMECHANISM\s+ATTLS\b/m,
      /^TLSRFCLEVEL\s+RFC4217\b/m,
      /^SECURE_FTP\s+REQUIRED\b/m,
      /^SECURE_LOGIN\s+NO_CLIENT_AUTH\b/m,
      /^SECURE_PASSWORD\s+REQUIRED\b/m,
      /^SECURE_DATACONN\s+PRIVATE\b/m,
      /^SECURE_CTRLCONN\s+PRIVATE\b/m,
      /^SECURE_SESSION_REUSE\s+REQUIRED\b/m,
      /^TLSPORT\s+0\b/m,
      /^SECUREIMPLICITZOS\s+FALSE\b/m,
      /^VERIFYUSER\s+FALSE\b/m,
    ]) assert.match(text, line);
    // ignored under ATTLS, so not written (they live in the policy)
    assert.doesNotMatch(text, /^(KEYRING|CIPHERSUITE|TLSTIMEOUT|SSLV3)\b/m);
  });

  it('FTP.DATA within 72 columns, no tabs, no trailing blanks', () => {
    for (const s of [server(), server({ tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.NATIVE })]) {
      for (const line of ftpData(s).split('\n')) {
        assert.ok(line.length <= 72, `too long: ${line}`);
        assert.doesNotMatch(line, /\s$|\t/);
      }
    }
  });

  it('native TLS as KEYRING, ordered CIPHERSUITE statements, TLSTIMEOUT and SSLV3', () => {
    const s = server({ tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'), tlsTimeoutSeconds: 600 });
    const text = ftpData(s);
    assert.match(text, /^KEYRING\s+FTPRING\b/m);
    assert.deepEqual([...text.matchAll(/^CIPHERSUITE\s+(\S+)/gm)].map((m) => m[1]), ['SSL_AES_256_SHA', 'SSL_AES_128_SHA']);
    assert.match(text, /^TLSTIMEOUT\s+600\b/m);
    assert.match(text, /^SSLV3\s+FALSE\b/m);
    assert.equal(policy(s), undefined);
  });

  it('an AT-TLS policy with the seed requirements and the typed AT-TLS settings', () => {
    const ca = new CertificateAuthority('ca');
    const app = new Construct(undefined as unknown as Construct, '');
    const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.shared('FTPD', 'FTPRING'), serverCertificate: { label: 'FTP Server', signedBy: ca }, clientCertificates: [new ClientCertificate('alice', { userId: 'ALICE', signedBy: ca })] });
    const s = new SecureFtpServer(app, 'prod', {
      keyRing,
      clientAuth: ClientAuthLevel.LEVEL_1,
      controlPort: 2121,
      attls: { resetCipherTimerMinutes: 60, sysplexSessionCache: true, trace: 255, ctraceClearText: true, handshakeTimeoutSeconds: 20, sessionTimeoutSeconds: 7200, priority: 1000, jobname: 'FTPDP*' },
    });
    const p = policy(s)!;
    for (const re of [
      /LocalPortRange\s+2121/,
      /Direction\s+Inbound/,
      /HandshakeRole\s+ServerWithClientAuth/,
      /ClientAuthType\s+Required/,
      /ApplicationControlled\s+On/,
      /SecondaryMap\s+On/,
      /Keyring\s+FTPD\/FTPRING/,
      /CertificateLabel\s+"FTP Server"/,
      /TLSv1\.2\s+On/,
      /TLSv1\.3\s+On/,
      /TLSv1\s+Off/,
      /ResetCipherTimer\s+60/,
      /GSK_SYSPLEX_SIDCACHE\s+On/,
      /Trace\s+255/,
      /CtraceClearText\s+On/,
      /HandshakeTimeout\s+20/,
      /GSK_V3_SESSION_TIMEOUT\s+7200/,
      /Priority\s+1000/,
      /Jobname\s+FTPDP\*/,
    ]) assert.match(p, re);
    const files = renderServer(s).files.map((f) => f.role);
    assert.deepEqual(files, ['ftpData', 'attlsPolicy', 'policyAgentConfig', 'tcpipProfile']);
    const pagent = renderServer(s).files.find((f) => f.role === 'policyAgentConfig')!.content;
    assert.match(pagent, /^TTLSConfig \/etc\/pagent\/prod\.attls\.conf FLUSH PURGE$/m);
    const profile = renderServer(s).files.find((f) => f.role === 'tcpipProfile')!.content;
    assert.match(profile, /^TCPCONFIG TTLS/m);
    assert.match(profile, /^PORT 2121\s+TCP FTPD1/m);
  });

  it('policy statement names stay within 32 characters for long ids', () => {
    const p = policy(server({}, 'a-very-long-server-identifier-for-production'))!;
    for (const m of p.matchAll(/^(?:TTLS\w+)\s+(\S+)$/gm)) assert.ok(m[1].length <= 32, m[1]);
    assert.equal(findings(server({}, 'a-very-long-server-identifier-for-production')).filter((f) => f.ruleId === 'ATTLS-NAME-LENGTH').length, 0);
  });

  it('implicit TLS as TLSPORT + SECUREIMPLICITZOS and a second policy rule', () => {
    const s = server({ implicitTls: { port: 990, greetingBeforeHandshake: true } });
    assert.match(ftpData(s), /^TLSPORT\s+990\b/m);
    assert.match(ftpData(s), /^SECUREIMPLICITZOS\s+TRUE\b/m);
    assert.match(policy(s)!, /LocalPortRange\s+990/);
  });

  it('the level-3 profile name from the system identity (FTPD → FTPD1; 8-character names kept)', () => {
    assert.equal(server({ clientAuth: ClientAuthLevel.LEVEL_3, controlPort: 21, system: { sysname: 'mvs164' } }).level3Profile, 'EZB.FTP.MVS164.FTPD1.PORT21');
    assert.equal(server({ clientAuth: ClientAuthLevel.LEVEL_3, system: { sysname: 'SYSA', procName: 'FTPDPROD' } }).level3Profile, 'EZB.FTP.SYSA.FTPDPROD.PORT21');
    assert.equal(server({ clientAuth: ClientAuthLevel.LEVEL_2 }).level3Profile, undefined);
  });

  it('client authentication levels as SECURE_LOGIN and SECURE_PASSWORD', () => {
    assert.match(ftpData(server({ clientAuth: ClientAuthLevel.LEVEL_1 })), /^SECURE_LOGIN\s+REQUIRED\b/m);
    assert.match(ftpData(server({ clientAuth: ClientAuthLevel.LEVEL_2 })), /^SECURE_LOGIN\s+VERIFY_USER\b/m);
    const l3 = ftpData(server({ clientAuth: ClientAuthLevel.LEVEL_3.withoutPassword() }));
    assert.match(l3, /^SECURE_LOGIN\s+VERIFY_USER\b/m);
    assert.match(l3, /^SECURE_PASSWORD\s+OPTIONAL\b/m);
  });

  it('is deterministic', () => {
    const a = renderServer(server({ clientAuth: ClientAuthLevel.LEVEL_2 })).files;
    const b = renderServer(server({ clientAuth: ClientAuthLevel.LEVEL_2 })).files;
    assert.deepEqual(a, b);
  });

  it('acknowledge needs a reason; duplicate server ids are refused', () => {
    assert.throws(() => server().acknowledge('FTPD-REUSE-REQUIRED', '  '), /needs a reason/);
    const app = new Construct(undefined as unknown as Construct, '');
    const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('R') });
    const a = new Construct(app, 'a');
    const b = new Construct(app, 'b');
    new SecureFtpServer(a, 'same', { keyRing });
    new SecureFtpServer(b, 'same', { keyRing });
    assert.throws(() => findServers(app), /two SecureFtpServers share the id 'same'/);
  });
});

describe('the rule catalogue through the constructs', () => {
  it('the secure defaults have no error and no warning', () => {
    const f = findings(server());
    assert.deepEqual(f.filter((x) => x.severity !== 'info').map((x) => `${x.ruleId}: ${x.message}`), []);
  });

  // Each invalid program fails with the expected rule id; its fixed form passes.
  const cases: { name: string; bad: Partial<SecureFtpServerProps>; good: Partial<SecureFtpServerProps>; ruleId: string; blocking: boolean }[] = [
    { name: 'CCCNONOTIFY with AT-TLS', bad: { tlsRfcLevel: TlsRfcLevel.CCCNONOTIFY }, good: { tlsRfcLevel: TlsRfcLevel.RFC4217 }, ruleId: 'FTPD-CCCNONOTIFY-ATTLS', blocking: true },
    { name: 'password-less login without client authentication', bad: { clientAuth: ClientAuthLevel.NONE.withoutPassword() }, good: { clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword() }, ruleId: 'FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH', blocking: true },
    { name: 'SECURE_FTP REQUIRED without AUTH_TLS', bad: { extensions: [Extension.SIZE] }, good: { extensions: [Extension.AUTH_TLS, Extension.SIZE] }, ruleId: 'FTPD-SECURE-FTP-NO-MECH', blocking: true },
    { name: 'native TLS on z/OS 3.1', bad: { tlsMechanism: TlsMechanism.FTP, system: { release: ZosVersion.V3R1 } }, good: { tlsMechanism: TlsMechanism.ATTLS, system: { release: ZosVersion.V3R1 } }, ruleId: 'FTPD-TLSMECH-FTP-DEPRECATED', blocking: true },
    { name: 'TLS 1.3 on z/OS 2.3', bad: { system: { release: ZosVersion.V2R3 } }, good: { system: { release: ZosVersion.V2R3 }, tlsVersions: [TlsVersion.TLS1_2], cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384') }, ruleId: 'ATTLS-TLSV13-RELEASE', blocking: true },
    { name: 'a null cipher', bad: { cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_NULL_SHA') }, good: { cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384') }, ruleId: 'ATTLS-CIPHER-NULL', blocking: false },
    { name: 'SSLv3 switched on', bad: { tlsVersions: [TlsVersion.SSLV3, TlsVersion.TLS1_2] }, good: { tlsVersions: [TlsVersion.TLS1_2] }, ruleId: 'ATTLS-PROTOCOLS', blocking: false },
    { name: 'PRIVATE data with SECURE_FTP ALLOWED', bad: { secureFtp: SecureFtp.ALLOWED, dataProtection: DataProtection.PRIVATE }, good: { secureFtp: SecureFtp.REQUIRED, dataProtection: DataProtection.PRIVATE }, ruleId: 'FTPD-DATACONN-PRIVATE-ALLOWED', blocking: false },
    { name: 'SAFE data on a TLS server', bad: { dataProtection: DataProtection.SAFE }, good: { dataProtection: DataProtection.PRIVATE }, ruleId: 'FTPD-DATACONN-SAFE-TLS', blocking: false },
    { name: 'a cipher Node cannot serve', bad: { tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.of('SSL_3DES_SHA', 'SSL_AES_256_SHA') }, good: { tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA') }, ruleId: 'ZFTPS-CIPHER-NOT-SERVABLE', blocking: false },
    { name: 'an unknown cipher name in CIPHERSUITE', bad: { tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.of('TLS_AES_256_GCM_SHA384') }, good: { tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.NATIVE }, ruleId: 'FTPD-CIPHER-NAME', blocking: true },
    { name: 'a session lifetime shorter than the idle time under REQUIRED reuse', bad: { tlsMechanism: TlsMechanism.FTP, tlsTimeoutSeconds: 60, inactivitySeconds: 600 }, good: { tlsMechanism: TlsMechanism.FTP, tlsTimeoutSeconds: 3600, inactivitySeconds: 600 }, ruleId: 'ZFTPS-SESSION-TIMEOUT-SHORT', blocking: false },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.ruleId}`, () => {
      const bad = findings(server(c.bad)).filter((f) => f.ruleId === c.ruleId);
      assert.ok(bad.length > 0, `expected ${c.ruleId}`);
      assert.equal(bad.some(isBlocking), c.blocking);
      assert.ok(bad[0].path && bad[0].location && bad[0].fix.length > 0);
      assert.deepEqual(findings(server(c.good)).filter((f) => f.ruleId === c.ruleId), []);
    });
  }

  it('an acknowledged finding still prints but no longer blocks', () => {
    const s = server({ tlsRfcLevel: TlsRfcLevel.CCCNONOTIFY });
    s.acknowledge('FTPD-CCCNONOTIFY-ATTLS', 'partner requires it; exempted from AT-TLS separately');
    const f = findings(s).filter((x) => x.ruleId === 'FTPD-CCCNONOTIFY-ATTLS');
    assert.equal(f.length, 1);
    assert.equal(f[0].acknowledged?.reason, 'partner requires it; exempted from AT-TLS separately');
    assert.equal(isBlocking(f[0]), false);
  });

  it('the same server ported between mechanisms keeps its settings', () => {
    const both = [TlsMechanism.ATTLS, TlsMechanism.FTP].map((m) => renderServer(server({ tlsMechanism: m, sessionReuse: SessionReusePolicy.ALLOWED, controlProtection: ControlProtection.CLEAR })).model.ftpData);
    for (const f of both) {
      assert.equal(f.secureSessionReuse.value, 'ALLOWED');
      assert.equal(f.secureCtrlConn.value, 'CLEAR');
      assert.equal(f.secureDataConn.value, 'PRIVATE');
    }
  });
});
