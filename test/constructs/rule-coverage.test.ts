// Every rule of the catalogue on the construct path: a typed program that
// triggers it (and its fixed form that does not), or the reason typed props
// cannot express the violation (those rules are covered on the lint path,
// test/rules). A new rule fails this test until it is placed in one list.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Construct } from 'constructs';
import {
  CipherSuitePolicy, ClientAuthLevel, ClientAuthType, ClientCertificate, ControlProtection, DataProtection, Extension,
  KeyRing, KeyRingName, SecureFtp, SecureFtpServer, type SecureFtpServerProps, SessionReusePolicy, TlsMechanism,
  TlsRfcLevel, TlsVersion, ZosVersion, type KeyRingProps,
} from '../../lib/constructs';
import { ALL_RULES } from '../../lib/rules';
import { renderServer, synthesize, SynthError } from '../../lib/synth';
import { runRules } from '../../lib/rules/engine';
import type { Finding } from '../../lib/diagnostics';

type Props = Partial<SecureFtpServerProps>;
interface Case { bad: Props; good: Props; ring?: Partial<KeyRingProps>; goodRing?: Partial<KeyRingProps>; withKeys?: boolean }

const NATIVE: Props = { tlsMechanism: TlsMechanism.FTP, cipherSuites: CipherSuitePolicy.NATIVE, system: { release: ZosVersion.V2R5 } };
const NO_TLS = [Extension.SIZE];

const CASES: Record<string, Case> = {
  'FTPD-CCCNONOTIFY-ATTLS': { bad: { tlsRfcLevel: TlsRfcLevel.CCCNONOTIFY }, good: {} },
  'FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH': { bad: { clientAuth: ClientAuthLevel.NONE.withoutPassword() }, good: {} },
  'FTPD-SECURE-FTP-NO-MECH': { bad: { extensions: NO_TLS }, good: {} },
  'FTPD-TLSMECH-FTP-DEPRECATED': { bad: NATIVE, good: {} },
  'ATTLS-TLSV13-RELEASE': { bad: { system: { release: ZosVersion.V2R3 } }, good: { system: { release: ZosVersion.V2R5 } } },
  'ATTLS-CIPHER-RELEASE': { bad: { system: { release: ZosVersion.V2R3 }, tlsVersions: [TlsVersion.TLS1_2] }, good: { system: { release: ZosVersion.V2R3 }, tlsVersions: [TlsVersion.TLS1_2], cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384') } },
  'ATTLS-CIPHER-NULL': { bad: { cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_NULL_SHA') }, good: {} },
  'ATTLS-CIPHER-WEAK': { bad: { cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_RC4_128_SHA') }, good: {} },
  'ATTLS-CIPHER-NON-RSA': { bad: { cipherSuites: CipherSuitePolicy.of('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384') }, good: {} },
  'ATTLS-CIPHER-FORMAT': { bad: { cipherSuites: CipherSuitePolicy.of('TLS_NOT_A_CIPHER') }, good: {} },
  'ATTLS-PROTOCOLS': { bad: { tlsVersions: [TlsVersion.SSLV3, TlsVersion.TLS1_2] }, good: {} },
  'ATTLS-CLIENTAUTHTYPE-OPTIONAL': { bad: { clientAuth: ClientAuthLevel.LEVEL_1, attls: { clientAuthType: ClientAuthType.FULL } }, good: { clientAuth: ClientAuthLevel.LEVEL_1 } },
  'ATTLS-CLIENTAUTHTYPE-SAFCHECK': { bad: { clientAuth: ClientAuthLevel.LEVEL_1, attls: { clientAuthType: ClientAuthType.SAFCHECK } }, good: { clientAuth: ClientAuthLevel.LEVEL_1 } },
  'ATTLS-JOBNAME': { bad: { attls: { jobname: 'OTHERJOB' } }, good: {} },
  'ATTLS-PRIORITY-RANGE': { bad: { attls: { priority: 0 } }, good: {} },
  'ATTLS-KEYRING-FORMAT': { bad: {}, good: {}, ring: { name: KeyRingName.keyDatabase('/' + 'k'.repeat(1100)) } },
  'FTPD-DATACONN-PRIVATE-ALLOWED': { bad: { secureFtp: SecureFtp.ALLOWED }, good: {} },
  'FTPD-DATACONN-SAFE-TLS': { bad: { dataProtection: DataProtection.SAFE }, good: {} },
  'FTPD-DATACONN-NEVER-TLS': { bad: { dataProtection: DataProtection.NEVER }, good: {} },
  'FTPD-CCC-CTRLCONN': { bad: {}, good: { controlProtection: ControlProtection.CLEAR } },
  'FTPD-REUSE-REQUIRED': { bad: {}, good: { sessionReuse: SessionReusePolicy.ALLOWED } },
  'FTPD-CIPHER-NAME': { bad: { ...NATIVE, cipherSuites: CipherSuitePolicy.of('TLS_AES_256_GCM_SHA384') }, good: NATIVE },
  'FTPD-CIPHER-NULL': { bad: { ...NATIVE, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA', 'SSL_NULL_SHA') }, good: NATIVE },
  'FTPD-CIPHER-WEAK': { bad: { ...NATIVE, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA', 'SSL_DES_SHA') }, good: NATIVE },
  'FTPD-CIPHER-DUP': { bad: { ...NATIVE, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA', 'SSL_AES_256_SHA') }, good: NATIVE },
  'FTPD-CIPHER-EXPORT-REG': { bad: NATIVE, good: {} },
  'ZFTPS-CIPHER-NOT-SERVABLE': { bad: { ...NATIVE, cipherSuites: CipherSuitePolicy.of('SSL_AES_256_SHA', 'SSL_3DES_SHA') }, good: NATIVE },
  'ZFTPS-SESSION-TIMEOUT-SHORT': { bad: { ...NATIVE, tlsTimeoutSeconds: 60, inactivitySeconds: 600 }, good: { ...NATIVE, inactivitySeconds: 600 } },
  'FTPD-SSLV3': { bad: { ...NATIVE, tlsVersions: [TlsVersion.SSLV3, TlsVersion.TLS1_2] }, good: NATIVE },
  'FTPD-TLSTIMEOUT-RANGE': { bad: { ...NATIVE, tlsTimeoutSeconds: 100000 }, good: NATIVE },
  'FTPD-KEYRING-FORMAT': { bad: NATIVE, good: NATIVE, ring: { name: KeyRingName.shared('TOOLONGOWNER', 'FTPRING') } },
  'FTPD-KEYRING-VIRTUAL': { bad: NATIVE, good: NATIVE, ring: { name: KeyRingName.shared('*AUTH*', '*') } },
  'FTPD-TLS-NEEDS-AUTH-TLS': { bad: { extensions: NO_TLS, secureFtp: SecureFtp.ALLOWED }, good: {} },
  'FTPD-SECURE-LOGIN-NEEDS-EXT': { bad: { extensions: NO_TLS, secureFtp: SecureFtp.ALLOWED, clientAuth: ClientAuthLevel.LEVEL_1 }, good: { clientAuth: ClientAuthLevel.LEVEL_1 } },
  'FTPD-SECPW-OPTIONAL-TLS-ONLY': { bad: { extensions: [Extension.AUTH_GSSAPI], clientAuth: ClientAuthLevel.LEVEL_1.withoutPassword() }, good: { clientAuth: ClientAuthLevel.LEVEL_1.withoutPassword() } },
  'FTPD-TLSPORT-IMPLICIT': { bad: { controlPort: 990, implicitTls: { port: 990 } }, good: { implicitTls: { port: 990 } } },
  'FTPD-TLSPORT-NOT-AUTH-TLS': { bad: { implicitTls: { port: 990 }, extensions: NO_TLS, secureFtp: SecureFtp.ALLOWED }, good: { implicitTls: { port: 990 } } },
  'FTPD-VERIFY-USER-NEEDS-CERTMAP': { bad: { clientAuth: ClientAuthLevel.LEVEL_2 }, good: { clientAuth: ClientAuthLevel.LEVEL_1 } },
  'FTPD-PBSZ-KERBEROS': { bad: { securePbsz: 16384 }, good: {} },
  'FTPD-PBSZ-RANGE': { bad: { securePbsz: 100 }, good: {} },
  'FTPD-STATEMENT-VALUE': { bad: { passiveDataPorts: { low: 70000, high: 70010 } }, good: { passiveDataPorts: { low: 30000, high: 30010 } } },
  // Key ring rules: real keys are generated (lib/pki) for these.
  'CERT-CLIENT-CA-IN-SERVER': { bad: { clientAuth: ClientAuthLevel.LEVEL_1 }, good: {}, withKeys: true },
  'CERT-USER-REGISTERED': { bad: { clientAuth: ClientAuthLevel.LEVEL_2 }, good: { clientAuth: ClientAuthLevel.LEVEL_2 }, ring: { clientCertificates: [new ClientCertificate('anon')] }, goodRing: { clientCertificates: [new ClientCertificate('alice', { userId: 'ALICE' })] }, withKeys: true },
  'CERT-VALIDITY': { bad: {}, good: {}, ring: { validityDays: 10 }, goodRing: { validityDays: 397 }, withKeys: true },
};

const NOT_EXPRESSIBLE: Record<string, string> = {
  'FTPD-RFCLEVEL-VALUE': 'TlsRfcLevel holds only DRAFT, RFC4217 and CCCNONOTIFY',
  'FTPD-DATACONN-VALUE': 'DataProtection holds only the four valid values',
  'FTPD-CTRLCONN-VALUE': 'ControlProtection holds only the three valid values',
  'FTPD-REUSE-NONE-SERVER': 'SessionReusePolicy has no NONE (client-only value)',
  'FTPD-DUP-SINGLE': 'the renderer writes each single-valued statement once',
  'FTPD-RFCLEVEL-DRAFT-DEFAULT': 'TLSRFCLEVEL is always written out, never defaulted',
  'FTPD-CIPHER-DEFAULT-HAS-NULL': 'CipherSuitePolicy.of needs at least one suite, so native TLS always codes CIPHERSUITE',
  'FTPD-TLSMECH-ATTLS-IGNORED': 'with ATTLS the renderer moves KEYRING/CIPHERSUITE/TLSTIMEOUT/SSLV3 into the policy',
  'FTPD-TLSMECH-ATTLS-NEEDS-POLICY': 'with ATTLS synth always writes the policy and TCPCONFIG TTLS',
  'FTPD-TLSMECH-FTP-KEYRING': 'native TLS always renders the KeyRing as KEYRING',
  'FTPD-TLSPORT-SECUREIMPLICIT': 'SECUREIMPLICITZOS is always written out',
  'FTPD-LEVEL3-PROFILE': 'the level-3 profile is derived from sysname, daemon job name and port',
  'RACF-PORTACCESS-NOT-LEVEL3': 'the level-3 profile is derived as EZB.FTP..., never EZB.PORTACCESS',
  'FTPD-REUSE-ATTLS-TIMEOUT': 'sessionTimeoutSeconds 0 would be needed; SecondaryMap is always On — covered on the lint path',
  'ATTLS-APPLICATION-CONTROLLED': 'the policy renderer always codes ApplicationControlled On',
  'ATTLS-SECONDARY-MAP': 'the policy renderer always codes SecondaryMap On',
  'ATTLS-HANDSHAKE-ROLE': 'HandshakeRole is derived (Server / ServerWithClientAuth)',
  'ATTLS-CLIENTAUTH-ROLE': 'HandshakeRole is derived from clientAuth',
  'ATTLS-CLIENTAUTH-UNNEEDED': 'HandshakeRole is derived from clientAuth',
  'ATTLS-DIRECTION': 'the rule is always Direction Inbound',
  'ATTLS-DIRECTION-BOTH': 'the rule is always Direction Inbound',
  'ATTLS-LOCALPORT': 'LocalPortRange is the control port',
  'ATTLS-LOCALPORT-TLSPORT': 'an implicit port gets its own rule',
  'ATTLS-DATA-RULE-PREEMPTS': 'synth writes one server policy with no other rules',
  'ATTLS-RULE-CONDITION': 'the rule always has Direction, LocalPortRange and the group reference',
  'ATTLS-GROUP-ENABLED': 'TTLSEnabled is always On',
  'ATTLS-ENV-REQUIRED': 'the environment action is always referenced',
  'ATTLS-ENV-KEYRING': 'TTLSKeyringParms and HandshakeRole are always coded',
  'ATTLS-REF-RESOLVE': 'every reference names a statement the renderer writes',
  'ATTLS-NAME-LENGTH': 'statement names are shortened to 32 characters',
  'ATTLS-CIPHER-DEFAULT': 'TTLSCipherParms is always coded',
  'ATTLS-SUITEB-IGNORES-CIPHERS': 'the constructs offer no SuiteBProfile',
  'CERT-SERVER-REQUIRED': 'a KeyRing always has a server certificate (generated by default)',
  'CERT-RSA-KEY': 'lib/pki generates RSA keys and refuses other key types as input errors',
  'CERT-KEY-USAGE': 'generated server certificates carry digitalSignature and keyEncipherment; covered on the lint path',
  'CERT-CA-TRUSTED': 'CAs connected by the constructs are always trusted',
};

const NOW = new Date('2026-11-26T00:00:00Z');

async function findingsOf(props: Props, ring: Partial<KeyRingProps> | undefined, withKeys: boolean): Promise<Finding[]> {
  const app = new Construct(undefined as unknown as Construct, '');
  const keyRing = new KeyRing(app, 'ring', { name: KeyRingName.saf('FTPRING'), ...ring });
  const server = new SecureFtpServer(app, 'srv', {
    keyRing,
    ...(withKeys ? { users: [{ name: 'alice' }, { name: 'anon' }] } : {}),
    ...props,
  });
  if (!withKeys) {
    const r = renderServer(server);
    return [...r.parseFindings, ...runRules({ ...r.model, now: NOW })];
  }
  const dir = mkdtempSync(join(tmpdir(), 'zftps-cov-'));
  try {
    return [...(await synthesize(app, { outdir: join(dir, 'out'), keyStoreDir: join(dir, 'keys'), now: NOW })).findings];
  } catch (e) {
    if (e instanceof SynthError) return [...e.findings];
    throw e;
  }
}

describe('every rule on the construct path', () => {
  it('each rule is either triggered by a typed program or explained as not expressible', () => {
    const ids = ALL_RULES.map((r) => r.id).sort();
    const placed = [...Object.keys(CASES), ...Object.keys(NOT_EXPRESSIBLE)].sort();
    assert.deepEqual(ids.filter((id) => !placed.includes(id)), [], 'rules with no construct-path case');
    assert.deepEqual(placed.filter((id) => !ids.includes(id)), [], 'cases for rules that do not exist');
    assert.deepEqual(Object.keys(CASES).filter((id) => id in NOT_EXPRESSIBLE), []);
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: fires on the typed program and not on its fixed form`, async () => {
      const bad = (await findingsOf(c.bad, c.ring, !!c.withKeys)).filter((f) => f.ruleId === id);
      assert.ok(bad.length > 0, `${id} did not fire`);
      assert.equal(bad[0].path, 'srv');
      assert.ok(bad[0].location, 'a finding on the construct path names the synthesized line');
      const good = (await findingsOf(c.good, c.goodRing, !!c.withKeys)).filter((f) => f.ruleId === id);
      assert.deepEqual(good.map((f) => f.message), []);
    });
  }
});
