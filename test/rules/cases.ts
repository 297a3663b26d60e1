/**
 * The rule catalogue's test table: for every rule, configurations that must
 * trigger it and configurations that must not. Written as FTP.DATA text (+ policy
 * text, system, key ring) so the lint driver (rules.test.ts) runs them through the
 * real parsers; the construct driver can reuse the same ids and expectations.
 */
import type { KeyRingModel, SystemSettings } from '../../lib/model/config';

export interface RuleCase {
  /** The rule under test. */
  readonly rule: string;
  readonly name: string;
  readonly ftpData: string;
  /** Policy text; undefined = no policy given. */
  readonly policy?: string;
  readonly system?: Partial<SystemSettings>;
  readonly keyRing?: KeyRingModel;
  /** 'fail' = the rule must report; 'pass' = it must not. */
  readonly expect: 'fail' | 'pass';
  /** For 'fail': the first finding of the rule is on the (nth, default first) line containing this text. */
  readonly at?: { readonly file: 'ftp' | 'policy'; readonly text: string; readonly nth?: number };
  /** For 'fail': the expected severity of the first finding (default: the rule's). */
  readonly severity?: 'error' | 'warning' | 'info';
  /** For 'fail': words the message must contain (default: one of the finding's settings); picks the finding among several. */
  readonly mentions?: readonly string[];
}

export const NOW = new Date('2025-06-01T00:00:00Z');

export const SYSTEM: SystemSettings = {
  controlPort: 21,
  release: '2.5',
  sysname: 'MVS1',
  procName: 'FTPD',
  daemonJobName: 'FTPD1',
  tcpipJobName: 'TCPIP',
  ttlsEnabledInStack: true,
};

// ---------------------------------------------------------------- FTP.DATA builders

type Overrides = Record<string, string | string[] | null>;

/** A clean AT-TLS server FTP.DATA. */
const ATTLS_BASE: Overrides = {
  EXTENSIONS: 'AUTH_TLS',
  TLSMECHANISM: 'ATTLS',
  TLSRFCLEVEL: 'RFC4217',
  SECURE_FTP: 'REQUIRED',
  SECURE_LOGIN: 'NO_CLIENT_AUTH',
  SECURE_DATACONN: 'PRIVATE',
  TLSPORT: '0',
};

/** A native-TLS server FTP.DATA (always reported as deprecated). */
const NATIVE_BASE: Overrides = {
  EXTENSIONS: 'AUTH_TLS',
  TLSMECHANISM: 'FTP',
  KEYRING: 'FTPRING',
  TLSRFCLEVEL: 'RFC4217',
  SECURE_FTP: 'REQUIRED',
  SECURE_DATACONN: 'PRIVATE',
  CIPHERSUITE: ['SSL_AES_256_SHA', 'SSL_AES_128_SHA'],
  TLSPORT: '0',
};

function render(base: Overrides, o: Overrides, extra: string[]): string {
  const merged: Overrides = { ...base, ...o };
  const lines = ['; zftps rule test'];
  for (const [k, v] of Object.entries(merged)) {
    if (v === null) continue;
    for (const value of Array.isArray(v) ? v : [v]) lines.push(`${k.padEnd(22)}${value}`.trimEnd());
  }
  return [...lines, ...extra].join('\n') + '\n';
}

/** AT-TLS FTP.DATA; a null override removes the statement; `extra` lines are appended. */
export const attlsFtp = (o: Overrides = {}, ...extra: string[]) => render(ATTLS_BASE, o, extra);
/** Native-TLS FTP.DATA. */
export const nativeFtp = (o: Overrides = {}, ...extra: string[]) => render(NATIVE_BASE, o, extra);
/** FTP.DATA without TLS. */
export const plainFtp = (o: Overrides = {}, ...extra: string[]) => render({}, o, extra);

// ---------------------------------------------------------------- policy builder

interface PolicyParts {
  rule?: string[];
  group?: string[];
  env?: string[];
  adv?: string[];
  ciphers?: string[];
  /** Extra statements appended verbatim. */
  extra?: string;
}

const RULE = ['LocalPortRange 21', 'Direction Inbound', 'Priority 255', 'TTLSGroupActionRef ftp_grp', 'TTLSEnvironmentActionRef ftp_env'];
const GROUP = ['TTLSEnabled On'];
const ENV = ['HandshakeRole Server', 'TTLSKeyringParms', '{', '  Keyring FTPRING', '}', 'TTLSEnvironmentAdvancedParmsRef ftp_adv', 'TTLSCipherParmsRef ftp_ciphers'];
const ADV = ['ApplicationControlled On', 'SecondaryMap On', 'TLSv1 Off', 'TLSv1.1 Off', 'TLSv1.2 On'];
const CIPHERS = ['V3CipherSuites TLS_RSA_WITH_AES_256_GCM_SHA384', 'V3CipherSuites TLS_RSA_WITH_AES_128_GCM_SHA256'];

const block = (head: string, params: string[]) => [head, '{', ...params.map((p) => '  ' + p), '}'].join('\n');

/** A clean FTP server policy; each part can be replaced. */
export function policy(p: PolicyParts = {}): string {
  return (
    [
      '# zftps rule test policy',
      block('TTLSRule ftp_rule', p.rule ?? RULE),
      block('TTLSGroupAction ftp_grp', p.group ?? GROUP),
      block('TTLSEnvironmentAction ftp_env', p.env ?? ENV),
      block('TTLSEnvironmentAdvancedParms ftp_adv', p.adv ?? ADV),
      block('TTLSCipherParms ftp_ciphers', p.ciphers ?? CIPHERS),
      ...(p.extra ? [p.extra] : []),
    ].join('\n') + '\n'
  );
}

/** Replace (or with `line` null, remove) the entry whose first word is `key`; append when absent. */
export function set(list: readonly string[], key: string, line: string | null): string[] {
  const i = list.findIndex((l) => l.split(/\s+/)[0].toLowerCase() === key.toLowerCase());
  if (i < 0) return line === null ? [...list] : [...list, line];
  return line === null ? [...list.slice(0, i), ...list.slice(i + 1)] : [...list.slice(0, i), line, ...list.slice(i + 1)];
}
export const rule = (key: string, line: string | null) => set(RULE, key, line);
export const env = (key: string, line: string | null) => set(ENV, key, line);
export const adv = (key: string, line: string | null) => set(ADV, key, line);

// ---------------------------------------------------------------- key rings

const day = (iso: string) => new Date(iso + 'T00:00:00Z');

export function keyRing(o: Partial<KeyRingModel> = {}): KeyRingModel {
  return {
    id: 'FTPRING',
    name: 'FTPRING',
    form: 'saf',
    serverCertificate: {
      label: 'FTP Server',
      subject: 'CN=ftp.example.com',
      issuer: 'CN=Example FTP CA',
      selfSigned: false,
      keyAlgorithm: 'RSA',
      keyBits: 2048,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
      notBefore: day('2024-01-01'),
      notAfter: day('2030-01-01'),
      isCa: false,
      hasPrivateKey: true,
      isDefault: true,
    },
    certificateAuthorities: [
      {
        label: 'Example FTP CA',
        subject: 'CN=Example FTP CA',
        issuer: 'CN=Example FTP CA',
        selfSigned: true,
        keyAlgorithm: 'RSA',
        keyUsage: ['keyCertSign', 'cRLSign'],
        extendedKeyUsage: [],
        notBefore: day('2024-01-01'),
        notAfter: day('2034-01-01'),
        isCa: true,
        trusted: true,
      },
    ],
    clientCertificates: [
      {
        label: 'USER1 cert',
        subject: 'CN=USER1',
        issuer: 'CN=Example FTP CA',
        selfSigned: false,
        keyAlgorithm: 'RSA',
        keyUsage: ['digitalSignature'],
        extendedKeyUsage: ['clientAuth'],
        notBefore: day('2024-01-01'),
        notAfter: day('2030-01-01'),
        isCa: false,
        userId: 'USER1',
        signedBy: 'Example FTP CA',
      },
    ],
    expiryWarningDays: 30,
    ...o,
  };
}
const RING = keyRing();
const serverCert = (o: Partial<NonNullable<KeyRingModel['serverCertificate']>>) => keyRing({ serverCertificate: { ...RING.serverCertificate!, ...o } });
const clientCert = (o: Partial<KeyRingModel['clientCertificates'][number]>) => keyRing({ clientCertificates: [{ ...RING.clientCertificates[0], ...o }] });

// ---------------------------------------------------------------- the table

const P = policy();
const F = attlsFtp();
const N = nativeFtp();
const R = RING;

const fail = (rule: string, name: string, c: Omit<RuleCase, 'rule' | 'name' | 'expect'>): RuleCase => ({ rule, name, expect: 'fail', policy: P, ...c });
const pass = (rule: string, name: string, c: Omit<RuleCase, 'rule' | 'name' | 'expect'>): RuleCase => ({ rule, name, expect: 'pass', policy: P, ...c });
const ftpAt = (text: string) => ({ file: 'ftp' as const, text });
const polAt = (text: string) => ({ file: 'policy' as const, text });

export const CASES: readonly RuleCase[] = [
  // ---- FTP.DATA consistency
  fail('FTPD-TLS-NEEDS-AUTH-TLS', 'KEYRING without AUTH_TLS', { ftpData: plainFtp({ KEYRING: 'FTPRING' }), policy: undefined, at: ftpAt('KEYRING') }),
  fail('FTPD-TLS-NEEDS-AUTH-TLS', 'SECURE_PASSWORD OPTIONAL without AUTH_TLS', { ftpData: plainFtp({ SECURE_PASSWORD: 'OPTIONAL' }), policy: undefined, at: ftpAt('SECURE_PASSWORD') }),
  pass('FTPD-TLS-NEEDS-AUTH-TLS', 'TLS enabled', { ftpData: F }),
  pass('FTPD-TLS-NEEDS-AUTH-TLS', 'plain FTP with no TLS statements', { ftpData: plainFtp({ INACTIVE: '300' }), policy: undefined }),

  fail('FTPD-SECURE-LOGIN-NEEDS-EXT', 'SECURE_LOGIN REQUIRED without extensions', { ftpData: plainFtp({ SECURE_LOGIN: 'REQUIRED' }), policy: undefined, at: ftpAt('SECURE_LOGIN') }),
  pass('FTPD-SECURE-LOGIN-NEEDS-EXT', 'with AUTH_GSSAPI', { ftpData: plainFtp({ EXTENSIONS: 'AUTH_GSSAPI', SECURE_LOGIN: 'REQUIRED' }), policy: undefined }),

  fail('FTPD-SECURE-FTP-NO-MECH', 'REQUIRED with no mechanism', { ftpData: plainFtp({ SECURE_FTP: 'REQUIRED' }), policy: undefined, at: ftpAt('SECURE_FTP') }),
  pass('FTPD-SECURE-FTP-NO-MECH', 'REQUIRED with AUTH_TLS', { ftpData: F }),

  fail('FTPD-TLSMECH-FTP-KEYRING', 'native TLS without KEYRING', { ftpData: nativeFtp({ KEYRING: null }), at: ftpAt('TLSMECHANISM'), mentions: ['KEYRING'] }),
  fail('FTPD-TLSMECH-FTP-KEYRING', 'default mechanism without KEYRING', { ftpData: nativeFtp({ KEYRING: null, TLSMECHANISM: null }), at: ftpAt('EXTENSIONS'), mentions: ['the default'] }),
  pass('FTPD-TLSMECH-FTP-KEYRING', 'native TLS with KEYRING', { ftpData: N }),

  fail('FTPD-TLSMECH-ATTLS-IGNORED', 'CIPHERSUITE under ATTLS', { ftpData: attlsFtp({ CIPHERSUITE: 'SSL_AES_256_SHA' }), at: ftpAt('CIPHERSUITE') }),
  fail('FTPD-TLSMECH-ATTLS-IGNORED', 'KEYRING under ATTLS', { ftpData: attlsFtp({ KEYRING: 'FTPRING' }), at: ftpAt('KEYRING') }),
  pass('FTPD-TLSMECH-ATTLS-IGNORED', 'clean ATTLS', { ftpData: F }),

  fail('FTPD-TLSMECH-ATTLS-NEEDS-POLICY', 'no policy', { ftpData: F, policy: undefined, at: ftpAt('TLSMECHANISM'), mentions: ['TLSMECHANISM ATTLS', 'no AT-TLS policy'] }),
  fail('FTPD-TLSMECH-ATTLS-NEEDS-POLICY', 'stack without TTLS', { ftpData: F, system: { ttlsEnabledInStack: false }, at: ftpAt('TLSMECHANISM'), mentions: ['TCPCONFIG TTLS'] }),
  pass('FTPD-TLSMECH-ATTLS-NEEDS-POLICY', 'policy present', { ftpData: F }),

  fail('FTPD-TLSMECH-FTP-DEPRECATED', 'native on 2.5 is a warning', { ftpData: N, severity: 'warning', at: ftpAt('TLSMECHANISM') }),
  fail('FTPD-TLSMECH-FTP-DEPRECATED', 'native on 3.1 is an error', { ftpData: N, system: { release: '3.1' }, severity: 'error', at: ftpAt('TLSMECHANISM') }),
  pass('FTPD-TLSMECH-FTP-DEPRECATED', 'ATTLS', { ftpData: F }),

  fail('FTPD-KEYRING-FORMAT', 'owner longer than 8', { ftpData: nativeFtp({ KEYRING: 'TOOLONGUSER/RING' }), at: ftpAt('KEYRING') }),
  fail('FTPD-KEYRING-FORMAT', 'token is a warning', { ftpData: nativeFtp({ KEYRING: '*TOKEN*/FTPTOKEN' }), severity: 'warning', at: ftpAt('KEYRING') }),
  pass('FTPD-KEYRING-FORMAT', 'owner/ring', { ftpData: nativeFtp({ KEYRING: 'FTPD/FTPRING' }) }),
  pass('FTPD-KEYRING-FORMAT', 'key database path', { ftpData: nativeFtp({ KEYRING: '/etc/ftp/key.kdb' }) }),

  fail('FTPD-KEYRING-VIRTUAL', '*AUTH*/*', { ftpData: nativeFtp({ KEYRING: '*AUTH*/*' }), at: ftpAt('KEYRING') }),
  pass('FTPD-KEYRING-VIRTUAL', 'real ring', { ftpData: N }),

  fail('FTPD-CIPHER-NAME', 'OpenSSL name', { ftpData: nativeFtp({ CIPHERSUITE: ['SSL_AES_256_SHA', 'AES128-SHA'] }), at: ftpAt('AES128-SHA') }),
  pass('FTPD-CIPHER-NAME', 'ten names only', { ftpData: N }),

  fail('FTPD-CIPHER-NULL', 'SSL_NULL_SHA', { ftpData: nativeFtp({ CIPHERSUITE: ['SSL_AES_256_SHA', 'SSL_NULL_SHA'] }), at: ftpAt('SSL_NULL_SHA') }),
  pass('FTPD-CIPHER-NULL', 'AES only', { ftpData: N }),

  fail('FTPD-CIPHER-DEFAULT-HAS-NULL', 'no CIPHERSUITE', { ftpData: nativeFtp({ CIPHERSUITE: null }), at: ftpAt('TLSMECHANISM') }),
  pass('FTPD-CIPHER-DEFAULT-HAS-NULL', 'CIPHERSUITE coded', { ftpData: N }),

  fail('FTPD-CIPHER-WEAK', 'RC4', { ftpData: nativeFtp({ CIPHERSUITE: ['SSL_AES_256_SHA', 'SSL_RC4_SHA'] }), at: ftpAt('SSL_RC4_SHA') }),
  pass('FTPD-CIPHER-WEAK', 'AES only', { ftpData: N }),

  fail('FTPD-CIPHER-EXPORT-REG', 'AES is export regulated', { ftpData: N, at: ftpAt('SSL_AES_256_SHA') }),
  pass('FTPD-CIPHER-EXPORT-REG', 'ATTLS server', { ftpData: F }),

  fail('FTPD-CIPHER-DUP', 'repeated name', { ftpData: nativeFtp({ CIPHERSUITE: ['SSL_AES_256_SHA', 'SSL_AES_128_SHA', 'SSL_AES_256_SHA'] }), at: { file: 'ftp', text: 'SSL_AES_256_SHA', nth: 2 } }),
  pass('FTPD-CIPHER-DUP', 'distinct names', { ftpData: N }),

  fail('FTPD-RFCLEVEL-VALUE', 'RFC2228', { ftpData: attlsFtp({ TLSRFCLEVEL: 'RFC2228' }), at: ftpAt('TLSRFCLEVEL') }),
  pass('FTPD-RFCLEVEL-VALUE', 'lower-case value', { ftpData: attlsFtp({ TLSRFCLEVEL: 'rfc4217' }) }),

  fail('FTPD-CCCNONOTIFY-ATTLS', 'CCCNONOTIFY with ATTLS', { ftpData: attlsFtp({ TLSRFCLEVEL: 'CCCNONOTIFY' }), at: ftpAt('TLSRFCLEVEL') }),
  pass('FTPD-CCCNONOTIFY-ATTLS', 'CCCNONOTIFY native', { ftpData: nativeFtp({ TLSRFCLEVEL: 'CCCNONOTIFY' }) }),

  fail('FTPD-RFCLEVEL-DRAFT-DEFAULT', 'not coded', { ftpData: attlsFtp({ TLSRFCLEVEL: null }), at: ftpAt('EXTENSIONS'), mentions: ['TLSRFCLEVEL'] }),
  pass('FTPD-RFCLEVEL-DRAFT-DEFAULT', 'DRAFT coded', { ftpData: attlsFtp({ TLSRFCLEVEL: 'DRAFT' }) }),

  fail('FTPD-CCC-CTRLCONN', 'RFC4217 with PRIVATE control', { ftpData: attlsFtp({ SECURE_CTRLCONN: 'PRIVATE' }), at: ftpAt('SECURE_CTRLCONN') }),
  pass('FTPD-CCC-CTRLCONN', 'DRAFT with PRIVATE control', { ftpData: attlsFtp({ TLSRFCLEVEL: 'DRAFT', SECURE_CTRLCONN: 'PRIVATE' }) }),

  fail('FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH', 'OPTIONAL with NO_CLIENT_AUTH', { ftpData: attlsFtp({ SECURE_PASSWORD: 'OPTIONAL' }), at: ftpAt('SECURE_PASSWORD') }),
  pass('FTPD-SECPW-OPTIONAL-NEEDS-CLIENTAUTH', 'OPTIONAL with REQUIRED', {
    ftpData: attlsFtp({ SECURE_PASSWORD: 'OPTIONAL', SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
  }),

  fail('FTPD-SECPW-OPTIONAL-TLS-ONLY', 'Kerberos only', { ftpData: plainFtp({ EXTENSIONS: 'AUTH_GSSAPI', SECURE_LOGIN: 'REQUIRED', SECURE_PASSWORD: 'OPTIONAL' }), policy: undefined, at: ftpAt('SECURE_PASSWORD') }),
  pass('FTPD-SECPW-OPTIONAL-TLS-ONLY', 'TLS and Kerberos', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_PASSWORD: 'OPTIONAL' }) }),

  fail('FTPD-VERIFY-USER-NEEDS-CERTMAP', 'VERIFY_USER without a modelled ring', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    at: ftpAt('SECURE_LOGIN'),
  }),
  pass('FTPD-VERIFY-USER-NEEDS-CERTMAP', 'ring modelled', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: R,
  }),

  fail('FTPD-LEVEL3-PROFILE', 'FTPD instead of FTPD1', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Profile: 'EZB.FTP.MVS1.FTPD.PORT21', level3Permits: ['USER1'] }),
    at: ftpAt('SECURE_LOGIN'),
    mentions: ['FTPD1', 'EZB.FTP.MVS1.FTPD1.PORT21'],
  }),
  fail('FTPD-LEVEL3-PROFILE', 'permits but no profile', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Permits: ['USER1'] }),
    at: ftpAt('SECURE_LOGIN'),
    mentions: ['EZB.FTP.MVS1.FTPD1.PORT21'],
  }),
  pass('FTPD-LEVEL3-PROFILE', 'generic profile', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Profile: 'EZB.FTP.*.FTPD1.PORT*', level3Permits: ['USER1'] }),
  }),
  pass('FTPD-LEVEL3-PROFILE', 'exact profile', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Profile: 'EZB.FTP.MVS1.FTPD1.PORT21', level3Permits: ['USER1'] }),
  }),

  fail('RACF-PORTACCESS-NOT-LEVEL3', 'PORTACCESS profile', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Profile: 'EZB.PORTACCESS.MVS1.TCPIP.FTP21', level3Permits: ['USER1'] }),
    at: ftpAt('SECURE_LOGIN'),
    mentions: ['EZB.PORTACCESS'],
  }),
  pass('RACF-PORTACCESS-NOT-LEVEL3', 'EZB.FTP profile', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ level3Profile: 'EZB.FTP.MVS1.FTPD1.PORT21', level3Permits: ['USER1'] }),
  }),

  fail('FTPD-DATACONN-VALUE', 'ENCRYPTED', { ftpData: attlsFtp({ SECURE_DATACONN: 'ENCRYPTED' }), at: ftpAt('SECURE_DATACONN') }),
  pass('FTPD-DATACONN-VALUE', 'PRIVATE', { ftpData: F }),

  fail('FTPD-DATACONN-SAFE-TLS', 'SAFE on TLS only', { ftpData: attlsFtp({ SECURE_DATACONN: 'SAFE' }), at: ftpAt('SECURE_DATACONN') }),
  pass('FTPD-DATACONN-SAFE-TLS', 'SAFE with Kerberos too', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_DATACONN: 'SAFE' }) }),

  fail('FTPD-DATACONN-PRIVATE-ALLOWED', 'PRIVATE with ALLOWED', { ftpData: attlsFtp({ SECURE_FTP: 'ALLOWED' }), at: ftpAt('SECURE_DATACONN') }),
  pass('FTPD-DATACONN-PRIVATE-ALLOWED', 'PRIVATE with REQUIRED', { ftpData: F }),

  fail('FTPD-DATACONN-NEVER-TLS', 'NEVER with REQUIRED', { ftpData: attlsFtp({ SECURE_DATACONN: 'NEVER' }), at: ftpAt('SECURE_DATACONN') }),
  pass('FTPD-DATACONN-NEVER-TLS', 'NEVER with ALLOWED', { ftpData: attlsFtp({ SECURE_DATACONN: 'NEVER', SECURE_FTP: 'ALLOWED' }) }),

  fail('FTPD-CTRLCONN-VALUE', 'ENCRYPTED', { ftpData: attlsFtp({ SECURE_CTRLCONN: 'ENCRYPTED' }), at: ftpAt('SECURE_CTRLCONN') }),
  pass('FTPD-CTRLCONN-VALUE', 'CLEAR', { ftpData: attlsFtp({ SECURE_CTRLCONN: 'CLEAR' }) }),

  fail('FTPD-REUSE-NONE-SERVER', 'NONE', { ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'NONE' }), at: ftpAt('SECURE_SESSION_REUSE'), mentions: ['NONE', 'ALLOWED'] }),
  pass('FTPD-REUSE-NONE-SERVER', 'ALLOWED', { ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'ALLOWED' }) }),

  fail('FTPD-REUSE-REQUIRED', 'REQUIRED', { ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'REQUIRED' }), at: ftpAt('SECURE_SESSION_REUSE') }),
  pass('FTPD-REUSE-REQUIRED', 'ALLOWED', { ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'ALLOWED' }) }),

  fail('FTPD-REUSE-ATTLS-TIMEOUT', 'session timeout 0', {
    ftpData: F,
    policy: policy({ env: [...ENV, 'TTLSGskAdvancedParms', '{', '  GSK_V3_SESSION_TIMEOUT 0', '}'] }),
    at: polAt('GSK_V3_SESSION_TIMEOUT'),
  }),
  pass('FTPD-REUSE-ATTLS-TIMEOUT', 'default timeout', { ftpData: F }),

  fail('FTPD-TLSPORT-IMPLICIT', 'server on its TLSPORT', { ftpData: attlsFtp({ TLSPORT: '990' }), system: { controlPort: 990 }, policy: policy({ rule: rule('LocalPortRange', 'LocalPortRange 990') }), at: ftpAt('TLSPORT') }),
  pass('FTPD-TLSPORT-IMPLICIT', 'explicit port 21, default TLSPORT', { ftpData: attlsFtp({ TLSPORT: null }) }),

  fail('FTPD-TLSPORT-SECUREIMPLICIT', 'implicit without SECUREIMPLICITZOS', { ftpData: attlsFtp({ TLSPORT: '990' }), system: { controlPort: 990 }, policy: policy({ rule: rule('LocalPortRange', 'LocalPortRange 990') }), at: ftpAt('TLSPORT') }),
  pass('FTPD-TLSPORT-SECUREIMPLICIT', 'implicit with SECUREIMPLICITZOS FALSE', {
    ftpData: attlsFtp({ TLSPORT: '990', SECUREIMPLICITZOS: 'FALSE' }),
    system: { controlPort: 990 },
    policy: policy({ rule: rule('LocalPortRange', 'LocalPortRange 990') }),
  }),

  fail('FTPD-TLSPORT-NOT-AUTH-TLS', 'TLSPORT without TLS', { ftpData: plainFtp({ TLSPORT: '990' }), policy: undefined, at: ftpAt('TLSPORT') }),
  pass('FTPD-TLSPORT-NOT-AUTH-TLS', 'TLSPORT 0', { ftpData: plainFtp({ TLSPORT: '0' }), policy: undefined }),

  fail('FTPD-PBSZ-KERBEROS', 'SECURE_PBSZ with TLS only', { ftpData: attlsFtp({ SECURE_PBSZ: '16384' }), at: ftpAt('SECURE_PBSZ') }),
  pass('FTPD-PBSZ-KERBEROS', 'with Kerberos', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_PBSZ: '16384' }) }),

  fail('FTPD-PBSZ-RANGE', '100 is a warning', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_PBSZ: '100' }), severity: 'warning', at: ftpAt('SECURE_PBSZ') }),
  fail('FTPD-PBSZ-RANGE', 'not a number is an error', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_PBSZ: 'big' }), severity: 'error', at: ftpAt('SECURE_PBSZ') }),
  pass('FTPD-PBSZ-RANGE', '16384', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'AUTH_GSSAPI'], SECURE_PBSZ: '16384' }) }),

  fail('FTPD-SSLV3', 'SSLV3 TRUE', { ftpData: nativeFtp({ SSLV3: 'TRUE' }), at: ftpAt('SSLV3') }),
  pass('FTPD-SSLV3', 'SSLV3 FALSE', { ftpData: nativeFtp({ SSLV3: 'FALSE' }) }),

  fail('FTPD-TLSTIMEOUT-RANGE', 'above a day', { ftpData: nativeFtp({ TLSTIMEOUT: '90000' }), severity: 'warning', at: ftpAt('TLSTIMEOUT') }),
  pass('FTPD-TLSTIMEOUT-RANGE', 'an hour', { ftpData: nativeFtp({ TLSTIMEOUT: '3600' }) }),

  fail('FTPD-DUP-SINGLE', 'SECURE_FTP twice', { ftpData: attlsFtp({}, 'SECURE_FTP ALLOWED'), at: ftpAt('SECURE_FTP ALLOWED') }),
  pass('FTPD-DUP-SINGLE', 'EXTENSIONS repeated', { ftpData: attlsFtp({ EXTENSIONS: ['AUTH_TLS', 'SIZE', 'MDTM'] }) }),

  fail('FTPD-STATEMENT-VALUE', 'SECURE_FTP MAYBE', { ftpData: attlsFtp({ SECURE_FTP: 'MAYBE' }), at: ftpAt('SECURE_FTP') }),
  pass('FTPD-STATEMENT-VALUE', 'valid values; bad TLSRFCLEVEL left to its rule', { ftpData: attlsFtp({ TLSRFCLEVEL: 'RFC2228' }) }),

  // ---- server fidelity
  fail('ZFTPS-CIPHER-NOT-SERVABLE', '3DES in the policy', {
    ftpData: F,
    policy: policy({ ciphers: [...CIPHERS, 'V3CipherSuites TLS_RSA_WITH_3DES_EDE_CBC_SHA'] }),
    at: polAt('3DES'),
    mentions: ['not servable by the zftps server'],
  }),
  fail('ZFTPS-CIPHER-NOT-SERVABLE', 'SSL_3DES_SHA native', { ftpData: nativeFtp({ CIPHERSUITE: ['SSL_AES_256_SHA', 'SSL_3DES_SHA'] }), at: ftpAt('SSL_3DES_SHA') }),
  pass('ZFTPS-CIPHER-NOT-SERVABLE', 'AES-GCM', { ftpData: F }),

  fail('ZFTPS-SESSION-TIMEOUT-SHORT', 'TLSTIMEOUT below INACTIVE', { ftpData: nativeFtp({ SECURE_SESSION_REUSE: 'REQUIRED', TLSTIMEOUT: '100', INACTIVE: '600' }), at: ftpAt('TLSTIMEOUT') }),
  fail('ZFTPS-SESSION-TIMEOUT-SHORT', 'GSK timeout below INACTIVE', {
    ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'REQUIRED', INACTIVE: '7200' }),
    policy: policy({ env: [...ENV, 'TTLSGskAdvancedParms', '{', '  GSK_V3_SESSION_TIMEOUT 3600', '}'] }),
    at: polAt('GSK_V3_SESSION_TIMEOUT'),
  }),
  pass('ZFTPS-SESSION-TIMEOUT-SHORT', 'default GSK timeout', { ftpData: attlsFtp({ SECURE_SESSION_REUSE: 'REQUIRED', INACTIVE: '7200' }) }),
  pass('ZFTPS-SESSION-TIMEOUT-SHORT', 'ALLOWED', { ftpData: nativeFtp({ TLSTIMEOUT: '100', INACTIVE: '600' }) }),

  // ---- AT-TLS vs FTP.DATA
  fail('ATTLS-APPLICATION-CONTROLLED', 'not coded', { ftpData: F, policy: policy({ adv: adv('ApplicationControlled', null) }), at: polAt('TTLSEnvironmentAdvancedParmsRef') }),
  fail('ATTLS-APPLICATION-CONTROLLED', 'Off', { ftpData: F, policy: policy({ adv: adv('ApplicationControlled', 'ApplicationControlled Off') }), at: polAt('ApplicationControlled') }),
  pass('ATTLS-APPLICATION-CONTROLLED', 'On in the connection advanced parms', {
    ftpData: F,
    policy: policy({
      rule: [...RULE, 'TTLSConnectionActionRef ftp_conn'],
      adv: adv('ApplicationControlled', null),
      extra: block('TTLSConnectionAction ftp_conn', ['TTLSConnectionAdvancedParms', '{', '  ApplicationControlled On', '}']),
    }),
  }),

  fail('ATTLS-SECONDARY-MAP', 'Off', { ftpData: F, policy: policy({ adv: adv('SecondaryMap', 'SecondaryMap Off') }), at: polAt('SecondaryMap') }),
  pass('ATTLS-SECONDARY-MAP', 'On', { ftpData: F }),

  fail('ATTLS-HANDSHAKE-ROLE', 'Client', { ftpData: F, policy: policy({ env: env('HandshakeRole', 'HandshakeRole Client') }), at: polAt('HandshakeRole') }),
  pass('ATTLS-HANDSHAKE-ROLE', 'Server', { ftpData: F }),

  fail('ATTLS-CLIENTAUTH-ROLE', 'REQUIRED with Server', { ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }), at: polAt('HandshakeRole') }),
  pass('ATTLS-CLIENTAUTH-ROLE', 'REQUIRED with ServerWithClientAuth', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
  }),

  fail('ATTLS-CLIENTAUTH-UNNEEDED', 'ServerWithClientAuth with NO_CLIENT_AUTH', { ftpData: F, policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }), at: polAt('HandshakeRole') }),
  pass('ATTLS-CLIENTAUTH-UNNEEDED', 'Server', { ftpData: F }),

  fail('ATTLS-CLIENTAUTHTYPE-OPTIONAL', 'PassThru with REQUIRED', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth'), adv: [...ADV, 'ClientAuthType PassThru'] }),
    at: polAt('ClientAuthType'),
  }),
  pass('ATTLS-CLIENTAUTHTYPE-OPTIONAL', 'Required', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth'), adv: [...ADV, 'ClientAuthType Required'] }),
  }),

  fail('ATTLS-CLIENTAUTHTYPE-SAFCHECK', 'SAFCheck with REQUIRED', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth'), adv: [...ADV, 'ClientAuthType SAFCheck'] }),
    at: polAt('ClientAuthType'),
  }),
  pass('ATTLS-CLIENTAUTHTYPE-SAFCHECK', 'SAFCheck with VERIFY_USER', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth'), adv: [...ADV, 'ClientAuthType SAFCheck'] }),
  }),

  fail('ATTLS-DIRECTION', 'Outbound', { ftpData: F, policy: policy({ rule: rule('Direction', 'Direction Outbound') }), at: polAt('Direction') }),
  pass('ATTLS-DIRECTION', 'Inbound', { ftpData: F }),

  fail('ATTLS-DIRECTION-BOTH', 'Both', { ftpData: F, policy: policy({ rule: rule('Direction', 'Direction Both') }), at: polAt('Direction') }),
  pass('ATTLS-DIRECTION-BOTH', 'Inbound', { ftpData: F }),

  fail('ATTLS-LOCALPORT', 'port 2121 in policy, server on 21', { ftpData: F, policy: policy({ rule: rule('LocalPortRange', 'LocalPortRange 2121') }), at: polAt('LocalPortRange'), mentions: ['LocalPortRange 2121'] }),
  fail('ATTLS-LOCALPORT', 'server on 2121, policy on 21', { ftpData: F, system: { controlPort: 2121 }, at: polAt('LocalPortRange') }),
  pass('ATTLS-LOCALPORT', 'range 20-21', { ftpData: F, policy: policy({ rule: rule('LocalPortRange', 'LocalPortRange 20-21') }) }),
  pass('ATTLS-LOCALPORT', 'PortRange reference', {
    ftpData: F,
    policy: policy({ rule: rule('LocalPortRange', 'LocalPortRangeRef ftp_ports'), extra: block('PortRange ftp_ports', ['Port 21']) }),
  }),

  fail('ATTLS-LOCALPORT-TLSPORT', 'TLSPORT 990 not covered', { ftpData: attlsFtp({ TLSPORT: '990' }), at: ftpAt('TLSPORT') }),
  pass('ATTLS-LOCALPORT-TLSPORT', 'TLSPORT 990 covered by a second rule', {
    ftpData: attlsFtp({ TLSPORT: '990' }),
    policy: policy({
      extra: block('TTLSRule ftp_implicit', ['LocalPortRange 990', 'Direction Inbound', 'Priority 254', 'TTLSGroupActionRef ftp_grp', 'TTLSEnvironmentActionRef ftp_env']),
    }),
  }),

  fail('ATTLS-DATA-RULE-PREEMPTS', 'catch-all outbound rule with higher priority', {
    ftpData: F,
    policy: policy({ extra: block('TTLSRule all_out', ['RemotePortRange 1-65535', 'Direction Outbound', 'Priority 1000', 'TTLSGroupActionRef ftp_grp']) }),
    at: polAt('Priority 1000'),
  }),
  pass('ATTLS-DATA-RULE-PREEMPTS', 'the same rule with lower priority', {
    ftpData: F,
    policy: policy({ extra: block('TTLSRule all_out', ['RemotePortRange 1-65535', 'Direction Outbound', 'Priority 100', 'TTLSGroupActionRef ftp_grp']) }),
  }),

  fail('ATTLS-RULE-CONDITION', 'only Direction', {
    ftpData: F,
    policy: policy({ extra: block('TTLSRule bare', ['Direction Inbound', 'TTLSGroupActionRef ftp_grp']) }),
    at: polAt('TTLSRule bare'),
    mentions: ['condition'],
  }),
  pass('ATTLS-RULE-CONDITION', 'complete rule', { ftpData: F }),

  fail('ATTLS-GROUP-ENABLED', 'TTLSEnabled Off', { ftpData: F, policy: policy({ group: ['TTLSEnabled Off'] }), at: polAt('TTLSEnabled') }),
  pass('ATTLS-GROUP-ENABLED', 'On', { ftpData: F }),

  fail('ATTLS-ENV-REQUIRED', 'no environment ref', { ftpData: F, policy: policy({ rule: rule('TTLSEnvironmentActionRef', null) }), at: polAt('TTLSRule ftp_rule'), mentions: ['TTLSEnvironmentActionRef'] }),
  pass('ATTLS-ENV-REQUIRED', 'environment ref', { ftpData: F }),

  fail('ATTLS-ENV-KEYRING', 'no HandshakeRole', { ftpData: F, policy: policy({ env: env('HandshakeRole', null) }), at: polAt('TTLSEnvironmentAction ftp_env') }),
  fail('ATTLS-ENV-KEYRING', 'no key ring', { ftpData: F, policy: policy({ env: ['HandshakeRole Server', 'TTLSEnvironmentAdvancedParmsRef ftp_adv', 'TTLSCipherParmsRef ftp_ciphers'] }), at: polAt('TTLSEnvironmentAction ftp_env'), mentions: ['TTLSKeyringParms'] }),
  pass('ATTLS-ENV-KEYRING', 'both present', { ftpData: F }),

  fail('ATTLS-KEYRING-FORMAT', 'password too long', { ftpData: F, policy: policy({ env: set(ENV, '}', null).concat(['  KeyringPw ' + 'x'.repeat(129), '}']) }), at: polAt('KeyringPw') }),
  pass('ATTLS-KEYRING-FORMAT', 'short values', { ftpData: F }),

  fail('ATTLS-REF-RESOLVE', 'wrong case', { ftpData: F, policy: policy({ rule: rule('TTLSGroupActionRef', 'TTLSGroupActionRef FTP_GRP') }), at: polAt('TTLSGroupActionRef'), mentions: ['case-sensitive'] }),
  pass('ATTLS-REF-RESOLVE', 'all resolve', { ftpData: F }),

  fail('ATTLS-NAME-LENGTH', '33 characters', { ftpData: F, policy: policy({ extra: block('PortRange ' + 'p'.repeat(33), ['Port 21']) }), at: polAt('PortRange ppp'), mentions: ['PortRange'] }),
  pass('ATTLS-NAME-LENGTH', '32 characters', { ftpData: F, policy: policy({ extra: block('PortRange ' + 'p'.repeat(32), ['Port 21']) }) }),

  fail('ATTLS-PRIORITY-RANGE', 'zero', { ftpData: F, policy: policy({ rule: rule('Priority', 'Priority 0') }), at: polAt('Priority') }),
  pass('ATTLS-PRIORITY-RANGE', '2000000000', { ftpData: F, policy: policy({ rule: rule('Priority', 'Priority 2000000000') }) }),

  fail('ATTLS-CIPHER-NULL', 'seed sample null cipher', { ftpData: F, policy: policy({ ciphers: [...CIPHERS, 'V3CipherSuites TLS_RSA_WITH_NULL_SHA'] }), at: polAt('NULL_SHA') }),
  pass('ATTLS-CIPHER-NULL', 'no null', { ftpData: F }),

  fail('ATTLS-CIPHER-FORMAT', '4-char code under V3CipherSuites', { ftpData: F, policy: policy({ ciphers: [...CIPHERS, 'V3CipherSuites C02F'] }), at: polAt('C02F'), mentions: ['V3CipherSuites'] }),
  pass('ATTLS-CIPHER-FORMAT', '4-char code under V3CipherSuites4Char', { ftpData: F, policy: policy({ ciphers: ['V3CipherSuites4Char 009D009C'] }) }),

  fail('ATTLS-CIPHER-NON-RSA', 'ECDHE', { ftpData: F, policy: policy({ ciphers: ['V3CipherSuites4Char TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', ...CIPHERS] }), at: polAt('ECDHE'), mentions: ['RSA key exchange'] }),
  pass('ATTLS-CIPHER-NON-RSA', 'RSA only', { ftpData: F }),
  pass('ATTLS-CIPHER-NON-RSA', 'TLS 1.3 suites (no key exchange of their own)', { ftpData: F, policy: policy({ ciphers: ['V3CipherSuites4Char TLS_AES_256_GCM_SHA384', ...CIPHERS] }) }),

  fail('ATTLS-CIPHER-WEAK', 'RC4', { ftpData: F, policy: policy({ ciphers: [...CIPHERS, 'V3CipherSuites 05'] }), at: polAt('V3CipherSuites 05') }),
  pass('ATTLS-CIPHER-WEAK', 'AES-GCM', { ftpData: F }),

  fail('ATTLS-CIPHER-DEFAULT', 'no cipher parms', { ftpData: F, policy: policy({ env: env('TTLSCipherParmsRef', null) }), at: polAt('TTLSEnvironmentAction ftp_env'), mentions: ['TTLSCipherParms'] }),
  pass('ATTLS-CIPHER-DEFAULT', 'cipher parms coded', { ftpData: F }),

  fail('ATTLS-PROTOCOLS', 'TLSv1.2 left at default', { ftpData: F, policy: policy({ adv: ['ApplicationControlled On', 'SecondaryMap On'] }), at: polAt('TTLSEnvironmentAdvancedParmsRef'), mentions: ['TLSv1.2'] }),
  fail('ATTLS-PROTOCOLS', 'TLSv1 by default', { ftpData: F, policy: policy({ adv: adv('TLSv1', null) }), at: polAt('TTLSEnvironmentAdvancedParmsRef'), mentions: ['TLSv1', 'default'] }),
  fail('ATTLS-PROTOCOLS', 'SSLv3 On', { ftpData: F, policy: policy({ adv: [...ADV, 'SSLv3 On'] }), at: polAt('SSLv3') }),
  fail('ATTLS-PROTOCOLS', 'everything Off is an error', { ftpData: F, policy: policy({ adv: adv('TLSv1.2', 'TLSv1.2 Off') }), severity: 'error', at: polAt('TTLSEnvironmentAdvancedParmsRef') }),
  pass('ATTLS-PROTOCOLS', 'TLSv1.2 only', { ftpData: F }),

  fail('ATTLS-TLSV13-RELEASE', 'TLSv1.3 on 2.3', { ftpData: F, system: { release: '2.3' }, policy: policy({ adv: [...ADV, 'TLSv1.3 On'] }), at: polAt('TLSv1.3') }),
  pass('ATTLS-TLSV13-RELEASE', 'TLSv1.3 on 2.4', { ftpData: F, system: { release: '2.4' }, policy: policy({ adv: [...ADV, 'TLSv1.3 On'] }) }),

  fail('ATTLS-CIPHER-RELEASE', 'TLS 1.3 suite on 2.3', { ftpData: F, system: { release: '2.3' }, policy: policy({ ciphers: ['V3CipherSuites4Char TLS_AES_128_GCM_SHA256', ...CIPHERS] }), at: polAt('TLS_AES_128'), mentions: ['TLS 1.3'] }),
  pass('ATTLS-CIPHER-RELEASE', 'TLS 1.3 suite on 2.5', { ftpData: F, policy: policy({ ciphers: ['V3CipherSuites4Char TLS_AES_128_GCM_SHA256', ...CIPHERS] }) }),

  fail('ATTLS-SUITEB-IGNORES-CIPHERS', 'SuiteB with cipher parms', { ftpData: F, policy: policy({ env: [...ENV, 'SuiteBProfile 128'] }), at: polAt('SuiteBProfile') }),
  pass('ATTLS-SUITEB-IGNORES-CIPHERS', 'SuiteB Off', { ftpData: F, policy: policy({ env: [...ENV, 'SuiteBProfile Off'] }) }),

  fail('ATTLS-JOBNAME', 'Jobname FTPD', { ftpData: F, policy: policy({ rule: [...RULE, 'Jobname FTPD'] }), at: polAt('Jobname'), mentions: ['FTPD1'] }),
  pass('ATTLS-JOBNAME', 'Jobname FTPD*', { ftpData: F, policy: policy({ rule: [...RULE, 'Jobname FTPD*'] }) }),

  // ---- certificates (key ring modelled)
  fail('CERT-SERVER-REQUIRED', 'no server certificate', { ftpData: F, keyRing: keyRing({ serverCertificate: undefined }), at: polAt('Keyring FTPRING'), mentions: ['Keyring FTPRING'] }),
  fail('CERT-SERVER-REQUIRED', 'native: not DEFAULT', { ftpData: N, keyRing: serverCert({ isDefault: false }), at: ftpAt('KEYRING'), mentions: ['DEFAULT'] }),
  fail('CERT-SERVER-REQUIRED', 'AT-TLS: wrong CertificateLabel', { ftpData: F, keyRing: R, policy: policy({ adv: [...ADV, 'CertificateLabel Other Cert'] }), at: polAt('CertificateLabel'), mentions: ['CertificateLabel'] }),
  pass('CERT-SERVER-REQUIRED', 'AT-TLS: CertificateLabel names a non-default certificate', { ftpData: F, keyRing: serverCert({ isDefault: false }), policy: policy({ adv: [...ADV, 'CertificateLabel FTP Server'] }) }),
  pass('CERT-SERVER-REQUIRED', 'default certificate', { ftpData: N, keyRing: R }),

  fail('CERT-RSA-KEY', 'EC key native is an error', { ftpData: N, keyRing: serverCert({ keyAlgorithm: 'EC' }), severity: 'error', at: ftpAt('KEYRING'), mentions: ['certificate'] }),
  fail('CERT-RSA-KEY', 'EC key AT-TLS is a warning', { ftpData: F, keyRing: serverCert({ keyAlgorithm: 'EC' }), severity: 'warning', at: polAt('Keyring FTPRING'), mentions: ['certificate'] }),
  pass('CERT-RSA-KEY', 'RSA', { ftpData: F, keyRing: R }),

  fail('CERT-KEY-USAGE', 'no keyEncipherment with RSA-only suites', { ftpData: F, keyRing: serverCert({ keyUsage: ['digitalSignature'] }), severity: 'error', at: polAt('Keyring FTPRING'), mentions: ['keyEncipherment'] }),
  fail('CERT-KEY-USAGE', 'no digitalSignature under AT-TLS', { ftpData: F, keyRing: serverCert({ keyUsage: ['keyEncipherment'] }), severity: 'warning', at: polAt('Keyring FTPRING'), mentions: ['digitalSignature'] }),
  pass('CERT-KEY-USAGE', 'both', { ftpData: F, keyRing: R }),
  pass('CERT-KEY-USAGE', 'no key-usage extension', { ftpData: F, keyRing: serverCert({ keyUsage: [] }) }),

  fail('CERT-CLIENT-CA-IN-SERVER', 'no CA and no self-signed client', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ certificateAuthorities: [], clientCertificates: [] }),
    at: polAt('Keyring FTPRING'),
    mentions: ['SECURE_LOGIN'],
  }),
  fail('CERT-CLIENT-CA-IN-SERVER', 'client signed by a CA not in the ring', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: clientCert({ signedBy: 'Other CA' }),
    at: polAt('Keyring FTPRING'),
    mentions: ['Other CA'],
  }),
  pass('CERT-CLIENT-CA-IN-SERVER', 'self-signed client imported', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'REQUIRED' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: keyRing({ certificateAuthorities: [], clientCertificates: [{ ...R.clientCertificates[0], selfSigned: true, signedBy: undefined }] }),
  }),

  fail('CERT-CA-TRUSTED', 'NOTRUST CA', { ftpData: F, keyRing: keyRing({ certificateAuthorities: [{ ...R.certificateAuthorities[0], trusted: false }] }), at: polAt('Keyring FTPRING'), mentions: ['not trusted'] }),
  pass('CERT-CA-TRUSTED', 'trusted', { ftpData: F, keyRing: R }),

  fail('CERT-USER-REGISTERED', 'VERIFY_USER with unmapped client certificate', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: clientCert({ userId: undefined }),
    at: polAt('Keyring FTPRING'),
  }),
  pass('CERT-USER-REGISTERED', 'mapped', {
    ftpData: attlsFtp({ SECURE_LOGIN: 'VERIFY_USER' }),
    policy: policy({ env: env('HandshakeRole', 'HandshakeRole ServerWithClientAuth') }),
    keyRing: R,
  }),

  fail('CERT-VALIDITY', 'expired server certificate', { ftpData: F, keyRing: serverCert({ notAfter: day('2025-05-01') }), severity: 'error', at: polAt('Keyring FTPRING'), mentions: ['expired'] }),
  fail('CERT-VALIDITY', 'expiring in 10 days', { ftpData: F, keyRing: serverCert({ notAfter: day('2025-06-11') }), severity: 'warning', at: polAt('Keyring FTPRING'), mentions: ['expires in 10 days'] }),
  pass('CERT-VALIDITY', 'valid for years', { ftpData: F, keyRing: R }),
];
