/**
 * The Policy Agent AT-TLS statement catalogue: every statement type zftps knows, its parameters,
 * their value grammar, which parameters are inline groups (`TTLSKeyringParms { ... }`) and which are
 * references (`TTLSKeyringParmsRef name`), and IBM's defaults where docs/zos-reference.md §4 gives them.
 *
 * The parser uses it only to recognise names (unknown statement / parameter, did-you-mean);
 * value checks, reference resolution and required parameters belong to the rule catalogue,
 * which can use `checkParamValue`, `refTarget` and `groupStatement` from here.
 *
 * `evidence` uses the tags of docs/zos-reference.md §0: V verified on an IBM page, T third-party
 * only, I inferred. Names marked T or I may be incomplete; unknown parameters near no known name
 * are therefore reported as warnings, not errors (see parse.ts).
 */

export type Evidence = 'V' | 'T' | 'I';

export type ValueGrammar =
  | { readonly kind: 'onoff' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'string'; readonly minLength: number; readonly maxLength: number; readonly what: string }
  /** `All`, an IP address, `ip/prefix` or `ip-ip`. */
  | { readonly kind: 'address' }
  /** A port `n` or a range `n-m`, 0–65535 (0 = any). */
  | { readonly kind: 'portRange' }
  /** V3CipherSuites (2-char) or V3CipherSuites4Char values; see lib/model/cipher-suites.ts. */
  | { readonly kind: 'cipherList'; readonly fourChar: boolean }
  /** `XxxRef name`: names a top-level statement of type `target`. */
  | { readonly kind: 'ref'; readonly target: string }
  /** `Xxx [name] { ... }`: an inline statement of type `statement`. */
  | { readonly kind: 'group'; readonly statement: string };

export interface ParamSpec {
  readonly name: string;
  readonly value: ValueGrammar;
  /** May be coded more than once (lists concatenate in order). */
  readonly repeatable: boolean;
  readonly required: boolean;
  /** IBM's default when the parameter is not coded (as the policy would spell it). */
  readonly default?: string;
  readonly evidence: Evidence;
  /** Several parameters where IBM allows only one, e.g. `TTLSKeyringParms` or `TTLSKeyringParmsRef`. */
  readonly exclusiveWith?: readonly string[];
}

export interface StatementSpec {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** Can be coded inline as a parameter group of another statement (as well as at top level). */
  readonly inline: boolean;
  readonly evidence: Evidence;
  readonly description: string;
}

// ---- small builders so the table below reads like IBM's syntax diagrams ----

interface Opts {
  readonly default?: string;
  readonly required?: boolean;
  readonly repeatable?: boolean;
  readonly evidence?: Evidence;
}
const p = (name: string, value: ValueGrammar, o: Opts = {}): ParamSpec => ({
  name,
  value,
  repeatable: o.repeatable ?? false,
  required: o.required ?? false,
  default: o.default,
  evidence: o.evidence ?? 'V',
});
const ONOFF: ValueGrammar = { kind: 'onoff' };
const onOff = (name: string, o: Opts = {}) => p(name, ONOFF, o);
const oneOf = (name: string, values: readonly string[], o: Opts = {}) => p(name, { kind: 'enum', values }, o);
const int = (name: string, min: number, max: number, o: Opts = {}) => p(name, { kind: 'int', min, max }, o);
const str = (name: string, what: string, maxLength: number, o: Opts = {}) =>
  p(name, { kind: 'string', minLength: 1, maxLength, what }, o);

/** `Xxx { ... }` and `XxxRef name`, mutually exclusive. */
function groupOrRef(statement: string, o: Opts & { refOnly?: boolean } = {}): ParamSpec[] {
  const ref = `${statement}Ref`;
  const both = [statement, ref];
  const refParam: ParamSpec = { ...p(ref, { kind: 'ref', target: statement }, o), exclusiveWith: o.refOnly ? undefined : both };
  if (o.refOnly) return [refParam];
  return [{ ...p(statement, { kind: 'group', statement }, o), exclusiveWith: both }, refParam];
}

/** LocalAddr / RemoteAddr with their three reference forms. */
function addressCondition(side: 'Local' | 'Remote'): ParamSpec[] {
  const names = [`${side}Addr`, `${side}AddrRef`, `${side}AddrSetRef`, `${side}AddrGroupRef`];
  return [
    p(names[0], { kind: 'address' }, { default: 'All' }),
    p(names[1], { kind: 'ref', target: 'IpAddr' }),
    p(names[2], { kind: 'ref', target: 'IpAddrSet' }),
    p(names[3], { kind: 'ref', target: 'IpAddrGroup' }),
  ].map((x) => ({ ...x, exclusiveWith: names }));
}

function portCondition(side: 'Local' | 'Remote'): ParamSpec[] {
  const names = [`${side}PortRange`, `${side}PortRangeRef`, `${side}PortGroupRef`];
  return [
    p(names[0], { kind: 'portRange' }, { default: '0' }),
    p(names[1], { kind: 'ref', target: 'PortRange' }),
    p(names[2], { kind: 'ref', target: 'PortGroup' }),
  ].map((x) => ({ ...x, exclusiveWith: names }));
}

const ROLE = ['Client', 'Server', 'ServerWithClientAuth'];
const JOB_OR_USER = 'a name or a prefix ending in *';

/** Protocol switches, shared by the environment and connection advanced parms. */
function protocolSwitches(withDefaults: boolean): ParamSpec[] {
  const d = (v: string) => (withDefaults ? v : undefined);
  return [
    onOff('SSLv2', { default: d('Off') }),
    onOff('SSLv3', { default: d('Off') }),
    onOff('TLSv1', { default: d('On') }),
    onOff('TLSv1.1', { default: d('On') }),
    onOff('TLSv1.2', { default: d('Off') }),
    onOff('TLSv1.3', { default: d('Off') }),
    onOff('MiddleBoxCompatMode', { default: d('Off') }),
  ];
}

/** Parameters that TTLSEnvironmentAdvancedParms and TTLSConnectionAdvancedParms share. */
function advancedParms(withDefaults: boolean): ParamSpec[] {
  const d = (v: string) => (withDefaults ? v : undefined);
  return [
    ...protocolSwitches(withDefaults),
    onOff('ApplicationControlled', { default: d('Off') }),
    int('HandshakeTimeout', 0, 600, { default: d('10') }),
    int('ResetCipherTimer', 0, 1440, { default: d('0') }),
    str('CertificateLabel', 'a certificate label', 32),
    onOff('SecondaryMap', { default: d('Off') }),
    onOff('TruncatedHMAC', { default: d('Off'), evidence: 'T' }),
    oneOf('ClientMaxSSLFragment', ['Off', '512', '1024', '2048', '4096'], { default: d('Off'), evidence: 'T' }),
    onOff('ServerMaxSSLFragment', { default: d('Off'), evidence: 'T' }),
    oneOf('ClientHandshakeSNI', ['Off', 'Optional', 'Required'], { default: d('Off'), evidence: 'T' }),
    str('ClientHandshakeSNIList', 'a host name', 255, { evidence: 'T' }),
    oneOf('ServerHandshakeSNI', ['Off', 'Optional', 'Required'], { default: d('Off'), evidence: 'T' }),
    oneOf('ServerHandshakeSNIMatch', ['Optional', 'Required'], { evidence: 'I' }),
    str('ServerHandshakeSNIList', 'host-name/label pairs', 1023, { repeatable: true, evidence: 'I' }),
    onOff('ServerScsv', { evidence: 'T' }),
    oneOf('ClientExtendedMasterSecret', ['On', 'Off', 'Required'], { evidence: 'I' }),
    oneOf('ServerExtendedMasterSecret', ['On', 'Off', 'Required'], { evidence: 'I' }),
  ];
}

export const ATTLS_STATEMENTS: readonly StatementSpec[] = [
  {
    name: 'TTLSRule',
    inline: false,
    evidence: 'V',
    description: 'Conditions a connection must match and the actions applied to it.',
    params: [
      ...addressCondition('Local'),
      ...addressCondition('Remote'),
      ...portCondition('Local'),
      ...portCondition('Remote'),
      str('Jobname', JOB_OR_USER, 8),
      str('Userid', JOB_OR_USER, 8),
      oneOf('Direction', ['Inbound', 'Outbound', 'Both'], { required: true }),
      int('Priority', 1, 2000000000),
      ...groupOrRef('TTLSGroupAction', { refOnly: true, required: true }),
      ...groupOrRef('TTLSEnvironmentAction', { refOnly: true }),
      ...groupOrRef('TTLSConnectionAction', { refOnly: true }),
      ...groupOrRef('IpTimeCondition'),
    ],
  },
  {
    name: 'TTLSGroupAction',
    inline: false,
    evidence: 'V',
    description: 'Whether AT-TLS is enabled, and the System SSL process-level settings (one LE process per group).',
    params: [
      onOff('TTLSEnabled', { required: true }),
      onOff('CtraceClearText', { default: 'Off' }),
      int('Trace', 0, 255, { default: '2' }),
      ...groupOrRef('TTLSGroupAdvancedParms'),
      oneOf('FIPS140', ['On', 'Off', 'Level1', 'Level2', 'Level3'], { default: 'Off' }),
      int('GroupUserInstance', 0, 2147483647),
    ],
  },
  {
    name: 'TTLSEnvironmentAction',
    inline: false,
    evidence: 'V',
    description: 'The System SSL environment: key ring, handshake role, ciphers and advanced settings.',
    params: [
      oneOf('HandshakeRole', ROLE, { required: true }),
      oneOf('SuiteBProfile', ['Off', '128', '128Min', '192', '192Min', 'All'], { default: 'Off' }),
      ...groupOrRef('TTLSKeyringParms', { required: true }),
      ...groupOrRef('TTLSCipherParms'),
      ...groupOrRef('TTLSSignatureParms'),
      onOff('CtraceClearText'),
      int('Trace', 0, 255),
      ...groupOrRef('TTLSEnvironmentAdvancedParms'),
      ...groupOrRef('TTLSGskAdvancedParms'),
      int('EnvironmentUserInstance', 0, 2147483647),
    ],
  },
  {
    name: 'TTLSConnectionAction',
    inline: false,
    evidence: 'V',
    description: 'Per-connection overrides of the environment action.',
    params: [
      oneOf('HandshakeRole', ROLE),
      ...groupOrRef('TTLSCipherParms'),
      ...groupOrRef('TTLSSignatureParms'),
      onOff('CtraceClearText'),
      int('Trace', 0, 255),
      ...groupOrRef('TTLSConnectionAdvancedParms'),
      int('ConnectionUserInstance', 0, 2147483647),
    ],
  },
  {
    name: 'TTLSGroupAdvancedParms',
    inline: true,
    evidence: 'I',
    description: 'Advanced settings of a group action.',
    params: [str('Envfile', 'an environment-variable file path', 1023, { evidence: 'I' }),
      oneOf('SyslogFacility', ['Daemon', 'Auth'], { default: 'Daemon', evidence: 'I' })],
  },
  {
    name: 'TTLSEnvironmentAdvancedParms',
    inline: true,
    evidence: 'V',
    description: 'Protocols, application control, secondary mapping and client-authentication type of an environment.',
    params: [
      ...advancedParms(true),
      oneOf('Renegotiation', ['Default', 'Disabled', 'All', 'Abbreviated'], { default: 'Default' }),
      oneOf('RenegotiationIndicator', ['Optional', 'Client', 'Server', 'Both'], { default: 'Optional' }),
      onOff('RenegotiationCertCheck', { default: 'Off' }),
      oneOf('ClientAuthType', ['PassThru', 'Full', 'Required', 'SAFCheck'], { default: 'Required' }),
      oneOf('CertValidationMode', ['Any', 'RFC2459', 'RFC3280', 'RFC5280'], { evidence: 'T' }),
      int('PeerMinCertVersion', 0, 3, { evidence: 'T' }),
      int('PeerMinDHKeySize', 0, 4096, { evidence: 'T' }),
      int('PeerMinDsaKeySize', 0, 4096, { evidence: 'T' }),
      int('PeerMinECCKeySize', 0, 521, { evidence: 'T' }),
      int('PeerMinRsaKeySize', 0, 4096, { evidence: 'T' }),
      onOff('3DesKeyCheck', { evidence: 'I' }),
      oneOf('ClientEDHGroupSize', ['Legacy', '2048'], { evidence: 'I' }),
      oneOf('ServerEDHGroupSize', ['Legacy', '2048', 'Match'], { evidence: 'I' }),
      str('HostReferenceIdDNS', 'a DNS name', 255, { evidence: 'I' }),
    ],
  },
  {
    name: 'TTLSConnectionAdvancedParms',
    inline: true,
    evidence: 'V',
    description: 'Per-connection advanced settings; no defaults of their own (the environment\'s apply).',
    params: advancedParms(false),
  },
  {
    name: 'TTLSKeyringParms',
    inline: true,
    evidence: 'V',
    description: 'The key ring (SAF ring, key database or PKCS#11 token) of an environment.',
    params: [
      str('Keyring', 'a SAF key ring (ring or owner/ring), key database path or *TOKEN*/name', 1023, { required: true }),
      str('KeyringPw', 'a key database password', 128),
      str('KeyringStashFile', 'a stash file path', 1023),
    ],
  },
  {
    name: 'TTLSCipherParms',
    inline: true,
    evidence: 'V',
    description: 'Cipher suites in preference order; repeated parameters concatenate.',
    params: [
      str('V2CipherSuites', 'SSLv2 cipher codes or a constant', 64, { repeatable: true }),
      p('V3CipherSuites', { kind: 'cipherList', fourChar: false }, { repeatable: true }),
      p('V3CipherSuites4Char', { kind: 'cipherList', fourChar: true }, { repeatable: true }),
    ],
  },
  {
    name: 'TTLSSignatureParms',
    inline: true,
    evidence: 'T',
    description: 'Elliptic curves, signature algorithm pairs and TLS 1.3 key-share groups.',
    params: ['ClientECurves', 'ServerKexECurves', 'SignaturePairs', 'SignaturePairsCert', 'ClientKeyShareGroups', 'ServerKeyShareGroups'].map(
      (name) => str(name, 'a list of 4-digit codes or constants', 1023, { repeatable: true, evidence: 'T' }),
    ),
  },
  {
    name: 'TTLSGskAdvancedParms',
    inline: true,
    evidence: 'V',
    description: 'System SSL (GSK) attributes: session cache, tickets, revocation checking.',
    params: [
      int('GSK_V3_SESSION_TIMEOUT', 0, 86400, { default: '86400' }),
      int('GSK_V2_SESSION_TIMEOUT', 0, 100, { default: '100', evidence: 'I' }),
      int('GSK_V3_SIDCACHE_SIZE', 0, 64000, { default: '512' }),
      int('GSK_V2_SIDCACHE_SIZE', 0, 64000, { default: '256', evidence: 'I' }),
      onOff('GSK_SYSPLEX_SIDCACHE', { default: 'Off' }),
      onOff('GSK_SESSION_TICKET_CLIENT_ENABLE', { evidence: 'I' }),
      int('GSK_SESSION_TICKET_CLIENT_MAXSIZE', 0, 2147483647, { evidence: 'I' }),
      onOff('GSK_SESSION_TICKET_SERVER_ENABLE', { evidence: 'I' }),
      oneOf('GSK_SESSION_TICKET_SERVER_ALGORITHM', ['AESCBC128', 'AESCBC256'], { evidence: 'I' }),
      int('GSK_SESSION_TICKET_SERVER_COUNT', 1, 2147483647, { evidence: 'I' }),
      int('GSK_SESSION_TICKET_SERVER_KEY_REFRESH', 0, 2147483647, { evidence: 'I' }),
      int('GSK_SESSION_TICKET_SERVER_TIMEOUT', 0, 2147483647, { evidence: 'I' }),
      ...groupOrRef('TTLSGskLdapParms'),
      ...groupOrRef('TTLSGskOcspParms'),
      ...groupOrRef('TTLSGskHttpCdpParms'),
    ],
  },
  {
    name: 'TTLSGskLdapParms',
    inline: true,
    evidence: 'I',
    description: 'LDAP server used for certificate revocation lists.',
    params: [
      str('GSK_LDAP_SERVER', 'an LDAP host name or address', 255, { repeatable: true, evidence: 'I' }),
      int('GSK_LDAP_SERVER_PORT', 1, 65535, { default: '389', evidence: 'I' }),
      str('GSK_LDAP_USER', 'an LDAP distinguished name', 1023, { evidence: 'I' }),
      str('GSK_LDAP_USER_PW', 'an LDAP password', 128, { evidence: 'I' }),
      int('GSK_LDAP_RESPONSE_TIMEOUT', 0, 43200, { evidence: 'I' }),
      int('GSK_CRL_CACHE_TIMEOUT', 0, 720, { default: '24', evidence: 'I' }),
      int('GSK_CRL_CACHE_SIZE', -1, 32000, { evidence: 'I' }),
      int('GSK_CRL_CACHE_ENTRY_MAXSIZE', 0, 2147483647, { evidence: 'I' }),
      onOff('GSK_CRL_CACHE_EXTENDED', { evidence: 'I' }),
      oneOf('GSK_CRL_SECURITY_LEVEL', ['Low', 'Medium', 'High'], { default: 'Medium', evidence: 'I' }),
    ],
  },
  {
    name: 'TTLSGskOcspParms',
    inline: true,
    evidence: 'I',
    description: 'OCSP revocation checking.',
    params: [
      onOff('OcspAiaEnable', { evidence: 'I' }),
      str('OcspUrl', 'an OCSP responder URL', 1023, { evidence: 'I' }),
      oneOf('OcspUrlPriority', ['On', 'Off'], { evidence: 'I' }),
      str('OcspProxyServerName', 'a proxy host name', 255, { evidence: 'I' }),
      int('OcspProxyServerPort', 1, 65535, { evidence: 'I' }),
      str('OcspRequestSigkeylabel', 'a certificate label', 32, { evidence: 'I' }),
      str('OcspRequestSigalg', 'a signature algorithm code', 8, { evidence: 'I' }),
      onOff('OcspRetrieveViaGet', { evidence: 'I' }),
      int('OcspMaxResponseSize', 0, 2147483647, { evidence: 'I' }),
      int('OcspClientCacheSize', 0, 32000, { evidence: 'I' }),
      int('OcspCliCacheEntryMaxsize', 0, 2147483647, { evidence: 'I' }),
      int('OcspResponseTimeout', 0, 43200, { evidence: 'I' }),
      onOff('OcspNonceGenEnable', { evidence: 'I' }),
      onOff('OcspNonceCheckEnable', { evidence: 'I' }),
      int('OcspNonceSize', 8, 256, { evidence: 'I' }),
      oneOf('OcspServerStapling', ['On', 'Off'], { evidence: 'I' }),
    ],
  },
  {
    name: 'TTLSGskHttpCdpParms',
    inline: true,
    evidence: 'I',
    description: 'CRL retrieval over HTTP from certificate distribution points.',
    params: [
      onOff('HttpCdpEnable', { evidence: 'I' }),
      str('HttpCdpProxyServerName', 'a proxy host name', 255, { evidence: 'I' }),
      int('HttpCdpProxyServerPort', 1, 65535, { evidence: 'I' }),
      int('HttpCdpResponseTimeout', 0, 43200, { evidence: 'I' }),
      int('HttpCdpMaxResponseSize', 0, 2147483647, { evidence: 'I' }),
      int('HttpCdpCacheSize', 0, 32000, { evidence: 'I' }),
      int('HttpCdpCacheEntryMaxsize', 0, 2147483647, { evidence: 'I' }),
    ],
  },
  {
    name: 'IpTimeCondition',
    inline: true,
    evidence: 'T',
    description: 'When a rule is active.',
    params: [
      str('ConditionTimeRange', 'yyyymmddhhmmss:yyyymmddhhmmss', 64, { evidence: 'T' }),
      str('TimeOfDayRange', 'hh:mm-hh:mm', 32, { evidence: 'T' }),
      str('DayOfWeekMask', 'a 7-digit 0/1 mask', 7, { evidence: 'T' }),
      str('DayOfMonthMask', 'a 62-digit 0/1 mask', 62, { evidence: 'T' }),
      str('MonthOfYearMask', 'a 12-digit 0/1 mask', 12, { evidence: 'T' }),
    ],
  },
  {
    name: 'PortRange',
    inline: true,
    evidence: 'T',
    description: 'A named port or port range for rule conditions.',
    params: [p('Port', { kind: 'portRange' }, { required: true, evidence: 'T' })],
  },
  {
    name: 'PortGroup',
    inline: false,
    evidence: 'T',
    description: 'A named list of port ranges.',
    params: [
      { ...p('PortRange', { kind: 'group', statement: 'PortRange' }, { repeatable: true, evidence: 'T' }) },
      p('PortRangeRef', { kind: 'ref', target: 'PortRange' }, { repeatable: true, evidence: 'T' }),
    ],
  },
  {
    name: 'IpAddr',
    inline: true,
    evidence: 'T',
    description: 'A named IP address.',
    params: [p('Addr', { kind: 'address' }, { required: true, evidence: 'T' })],
  },
  {
    name: 'IpAddrSet',
    inline: true,
    evidence: 'T',
    description: 'A named set of addresses, prefixes and ranges.',
    params: [
      p('Addr', { kind: 'address' }, { repeatable: true, evidence: 'T' }),
      p('Prefix', { kind: 'address' }, { repeatable: true, evidence: 'T' }),
      p('Range', { kind: 'address' }, { repeatable: true, evidence: 'T' }),
    ],
  },
  {
    name: 'IpAddrGroup',
    inline: false,
    evidence: 'T',
    description: 'A named list of addresses and address sets.',
    params: [
      p('IpAddr', { kind: 'group', statement: 'IpAddr' }, { repeatable: true, evidence: 'T' }),
      p('IpAddrRef', { kind: 'ref', target: 'IpAddr' }, { repeatable: true, evidence: 'T' }),
      p('IpAddrSet', { kind: 'group', statement: 'IpAddrSet' }, { repeatable: true, evidence: 'T' }),
      p('IpAddrSetRef', { kind: 'ref', target: 'IpAddrSet' }, { repeatable: true, evidence: 'T' }),
    ],
  },
];

// ---- lookups (names are matched case-insensitively, as Policy Agent does) ----

const statementsByName = new Map(ATTLS_STATEMENTS.map((s) => [s.name.toLowerCase(), s]));
const paramsByStatement = new Map(
  ATTLS_STATEMENTS.map((s) => [s.name.toLowerCase(), new Map(s.params.map((x) => [x.name.toLowerCase(), x]))]),
);
const allParams = new Map<string, ParamSpec>();
for (const s of ATTLS_STATEMENTS) for (const x of s.params) allParams.set(x.name.toLowerCase(), x);

/** The catalogue entry of a statement type, e.g. `statementSpec('ttlsrule')`. */
export function statementSpec(type: string): StatementSpec | undefined {
  return statementsByName.get(type.toLowerCase());
}

/** A parameter of a statement type, e.g. `paramSpec('TTLSRule', 'direction')`. */
export function paramSpec(statementType: string, key: string): ParamSpec | undefined {
  return paramsByStatement.get(statementType.toLowerCase())?.get(key.toLowerCase());
}

/** The statement type a `...Ref` parameter names, e.g. `refTarget('LocalPortRangeRef')` → 'PortRange'. */
export function refTarget(key: string): string | undefined {
  const v = allParams.get(key.toLowerCase())?.value;
  return v?.kind === 'ref' ? v.target : undefined;
}

/** The statement type of an inline group parameter, e.g. `groupStatement('TTLSKeyringParms')`. */
export function groupStatement(key: string): string | undefined {
  const v = allParams.get(key.toLowerCase())?.value;
  return v?.kind === 'group' ? v.statement : undefined;
}

/** IBM's spelling of a statement or parameter name written in any case (undefined if unknown). */
export function canonicalName(name: string, statementType?: string): string | undefined {
  if (statementType) return paramSpec(statementType, name)?.name;
  return statementSpec(name)?.name ?? allParams.get(name.toLowerCase())?.name;
}

/** The closest known name within a small edit distance, for "did you mean" hints. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 4));
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d <= limit && (!best || d < best.d)) best = { name: c, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;
const isIp = (s: string) => IPV4.test(s) || IPV6.test(s);

/**
 * Why `values` are not valid for a parameter, or undefined when they are. Used by the rule
 * catalogue; cipher lists are only checked for shape here (lib/model/cipher-suites.ts reads them).
 */
export function checkParamValue(param: ParamSpec, values: readonly string[]): string | undefined {
  const v = param.value;
  if (v.kind === 'group') return values.length > 1 ? `${param.name} takes at most a name before its { ... } block` : undefined;
  if (values.length === 0) return `${param.name} needs a value`;
  if (v.kind !== 'cipherList' && values.length > 1) return `${param.name} takes one value, found ${values.length}: ${values.join(' ')}`;
  const [value] = values;
  switch (v.kind) {
    case 'onoff':
    case 'enum': {
      const allowed = v.kind === 'onoff' ? ['On', 'Off'] : v.values;
      return allowed.some((a) => a.toLowerCase() === value.toLowerCase())
        ? undefined
        : `${param.name} ${value}: expected ${allowed.join(', ')}`;
    }
    case 'int': {
      const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
      return n >= v.min && n <= v.max ? undefined : `${param.name} ${value}: expected a whole number from ${v.min} to ${v.max}`;
    }
    case 'string':
      return value.length >= v.minLength && value.length <= v.maxLength
        ? undefined
        : `${param.name} is ${value.length} characters; expected ${v.what} of ${v.minLength}–${v.maxLength} characters`;
    case 'ref':
      return /^\S{1,32}$/.test(value) ? undefined : `${param.name} ${value}: a statement name has 1–32 characters`;
    case 'portRange': {
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
      const lo = m ? Number(m[1]) : NaN;
      const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
      return m && hi <= 65535 && lo <= hi ? undefined : `${param.name} ${value}: expected a port n or a range n-m within 0–65535`;
    }
    case 'address': {
      if (value.toLowerCase() === 'all') return undefined;
      const [ip, prefix, extra] = value.split('/');
      const range = value.split('-');
      const ok =
        extra === undefined &&
        (prefix !== undefined
          ? isIp(ip) && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (IPV4.test(ip) ? 32 : 128)
          : range.length === 2
            ? isIp(range[0]) && isIp(range[1])
            : isIp(value));
      return ok ? undefined : `${param.name} ${value}: expected All, an IP address, address/prefix or address-address`;
    }
    case 'cipherList':
      return undefined;
  }
}

/** The catalogue as Markdown, as docs/attls.md shows it (a test keeps the two identical). */
export function catalogueMarkdown(): string {
  const grammar = (v: ValueGrammar): string => {
    switch (v.kind) {
      case 'onoff': return 'On / Off';
      case 'enum': return v.values.join(' / ');
      case 'int': return `${v.min}–${v.max}`;
      case 'string': return `${v.what} (${v.minLength}–${v.maxLength} chars)`;
      case 'address': return 'All / ip / ip/prefix / ip-ip';
      case 'portRange': return 'n / n-m';
      case 'cipherList': return v.fourChar ? 'constant or 4-hex string' : 'constant or 2-hex string';
      case 'ref': return `${v.target} statement name`;
      case 'group': return `{ ${v.statement} }`;
    }
  };
  const out: string[] = [];
  for (const s of ATTLS_STATEMENTS) {
    out.push(`#### ${s.name} [${s.evidence}]${s.inline ? ' (top level or inline)' : ''}`, '', s.description, '');
    out.push('| parameter | value | default | notes |', '| --- | --- | --- | --- |');
    for (const x of s.params) {
      const notes = [x.required ? 'required' : '', x.repeatable ? 'repeatable' : '', x.evidence !== 'V' ? `[${x.evidence}]` : '']
        .filter(Boolean)
        .join(', ');
      out.push(`| ${x.name} | ${grammar(x.value)} | ${x.default ?? ''} | ${notes} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
