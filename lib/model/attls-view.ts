/**
 * The FTP server's view of an AT-TLS policy: which TTLSRule maps its control
 * connection, and the effective settings of that rule with every reference
 * resolved and IBM's defaults filled in. The rule catalogue checks this view,
 * and the FTPS server takes its TLS settings from it under TLSMECHANISM ATTLS,
 * so both read a policy the same way.
 *
 * Names of statements are case-sensitive, statement types and parameter keys are
 * not (z/OS reference §4.2). A name defined twice: the last definition wins [T].
 */
import type { SourceLocation } from '../diagnostics';
import type { AttlsPolicy, PolicyParam, PolicyStatement, Setting } from './config';
import { parseV3CipherSuites, type CipherSuite } from './cipher-suites';

export type HandshakeRole = 'Client' | 'Server' | 'ServerWithClientAuth';
export type ClientAuthType = 'PassThru' | 'Full' | 'Required' | 'SAFCheck';
export type ProtocolName = 'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** IBM defaults of the protocol switches; unchanged in the 2.5 and 3.1 diagrams (§4.7). */
export const PROTOCOL_DEFAULTS: Readonly<Record<ProtocolName, boolean>> = {
  SSLv2: false,
  SSLv3: false,
  TLSv1: true,
  'TLSv1.1': true,
  'TLSv1.2': false,
  'TLSv1.3': false,
};
export const PROTOCOL_NAMES = Object.keys(PROTOCOL_DEFAULTS) as ProtocolName[];

export const DEFAULT_SESSION_TIMEOUT = 86400;
export const DEFAULT_HANDSHAKE_TIMEOUT = 10;
export const DEFAULT_TRACE = 2;

/** A statement reached from the rule, and how. */
export interface ResolvedStatement {
  readonly statement: PolicyStatement;
  /** 'ref' = named by a …Ref parameter; 'inline' = coded inside its parent. */
  readonly via: 'ref' | 'inline';
  /** The parameter that referenced or contained it. */
  readonly location: SourceLocation;
}

/** A `…Ref` parameter whose name matches no statement of the expected type. */
export interface UnresolvedRef {
  readonly key: string;
  readonly name: string;
  readonly expectedType: string;
  readonly location: SourceLocation;
}

/** A TTLSRule that could map the FTP control connection. */
export interface RuleCandidate {
  readonly rule: PolicyStatement;
  readonly name: string;
  /** Coded Priority, or 0 when not coded (ranks below every coded priority [I]). */
  readonly priority: number;
  readonly direction: 'Inbound' | 'Both';
}

/** One entry of the effective cipher list, with where it was written. */
export interface ViewCipher {
  readonly suite: CipherSuite;
  readonly location: SourceLocation;
  /** V3CipherSuites4Char (true) or V3CipherSuites (false). */
  readonly fourChar: boolean;
}

export interface CipherListView {
  /** True when TTLSCipherParms were coded; false = System SSL's default list applies. */
  readonly explicit: boolean;
  /** The TTLSCipherParms statement used (connection's overrides the environment's). */
  readonly parms?: ResolvedStatement;
  /** Suites in preference order, duplicates removed (the first one is kept). */
  readonly suites: readonly ViewCipher[];
  /** Entries the cipher table does not know or that are malformed. */
  readonly invalid: readonly { readonly value: string; readonly reason: string; readonly location: SourceLocation }[];
}

export interface PolicyView {
  readonly controlPort: number;
  /** Every rule that could map the control connection, best first. */
  readonly candidates: readonly RuleCandidate[];
  /** The rule that maps it (the first candidate), if any. */
  readonly rule?: RuleCandidate;
  readonly group?: ResolvedStatement;
  readonly environment?: ResolvedStatement;
  readonly connection?: ResolvedStatement;
  /** Advanced parms blocks, environment first; connection values override. */
  readonly environmentAdvanced?: ResolvedStatement;
  readonly connectionAdvanced?: ResolvedStatement;
  readonly ttlsEnabled: Setting<boolean | undefined>;
  readonly handshakeRole: Setting<HandshakeRole | undefined>;
  readonly clientAuthType: Setting<ClientAuthType>;
  readonly keyringParms?: ResolvedStatement;
  readonly keyring: Setting<string | undefined>;
  readonly keyringPw: Setting<string | undefined>;
  readonly keyringStashFile: Setting<string | undefined>;
  readonly certificateLabel: Setting<string | undefined>;
  readonly protocols: Readonly<Record<ProtocolName, Setting<boolean>>>;
  readonly ciphers: CipherListView;
  readonly suiteBProfile: Setting<string>;
  readonly handshakeTimeout: Setting<number>;
  /** Minutes; 0 = never reset. */
  readonly resetCipherTimer: Setting<number>;
  /** GSK_V3_SESSION_TIMEOUT (seconds) from TTLSGskAdvancedParms. */
  readonly sessionTimeout: Setting<number>;
  readonly trace: Setting<number>;
  readonly ctraceClearText: Setting<boolean>;
  readonly secondaryMap: Setting<boolean>;
  readonly applicationControlled: Setting<boolean>;
  /** References reached from the chosen rule that resolve to nothing. */
  readonly unresolvedRefs: readonly UnresolvedRef[];
  /** Values the view could not read (e.g. `SecondaryMap Maybe`); the default is used instead. */
  readonly invalidValues: readonly { readonly key: string; readonly value: string; readonly location: SourceLocation }[];
}

export interface PolicyViewOptions {
  /** Job name of the FTP daemon (e.g. FTPD1); when given, rules whose Jobname does not match it are skipped. */
  readonly jobName?: string;
}

// ---------------------------------------------------------------- policy access

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The last parameter called `key` (a repeated single-valued parameter: last wins). */
export function findParam(statement: PolicyStatement | undefined, key: string): PolicyParam | undefined {
  if (!statement) return undefined;
  for (let i = statement.params.length - 1; i >= 0; i--) if (eq(statement.params[i].key, key)) return statement.params[i];
  return undefined;
}

export function findParams(statement: PolicyStatement | undefined, key: string): PolicyParam[] {
  return statement ? statement.params.filter((p) => eq(p.key, key)) : [];
}

/** Top-level statements of one type, in file order. */
export function statementsOfType(policy: AttlsPolicy, type: string): PolicyStatement[] {
  return policy.statements.filter((s) => eq(s.type, type));
}

/** The top-level statement of `type` called `name` (case-sensitive; last definition wins). */
export function findStatement(policy: AttlsPolicy, type: string, name: string): PolicyStatement | undefined {
  const all = statementsOfType(policy, type).filter((s) => s.name === name);
  return all[all.length - 1];
}

/** The statement type a `…Ref` parameter points to. */
export function refTargetType(refKey: string): string | undefined {
  if (!/ref$/i.test(refKey)) return undefined;
  const base = refKey.slice(0, -3);
  const side = base.replace(/^(local|remote)/i, '');
  if (side !== base || /^(portrange|portgroup)$/i.test(base)) {
    const map: Record<string, string> = {
      portrange: 'PortRange',
      portgroup: 'PortGroup',
      addr: 'IpAddr',
      addrset: 'IpAddrSet',
      addrgroup: 'IpAddrGroup',
    };
    return map[side.toLowerCase()];
  }
  return base;
}

/**
 * Every `…Ref` parameter in the policy (at any depth) whose name resolves to no
 * statement of the expected type. Policy Agent treats these as errors and then
 * installs no policy at all (§4.1).
 */
export function findUnresolvedRefs(policy: AttlsPolicy, within: readonly PolicyStatement[] = policy.statements): UnresolvedRef[] {
  const out: UnresolvedRef[] = [];
  const visit = (s: PolicyStatement) => {
    for (const p of s.params) {
      if (p.block) visit(p.block);
      const type = refTargetType(p.key);
      if (!type) continue;
      const name = p.values[0] ?? '';
      if (!findStatement(policy, type, name)) out.push({ key: p.key, name, expectedType: type, location: p.location });
    }
  };
  within.forEach(visit);
  return out;
}

/**
 * A parameter group coded inline (`Key { … }`) or by reference (`KeyRef name`);
 * records a reference that resolves to nothing.
 */
function resolveGroup(
  policy: AttlsPolicy,
  parent: PolicyStatement | undefined,
  type: string,
  unresolved: UnresolvedRef[],
): ResolvedStatement | undefined {
  if (!parent) return undefined;
  let found: ResolvedStatement | undefined;
  for (const p of parent.params) {
    if (eq(p.key, type) && p.block) found = { statement: p.block, via: 'inline', location: p.location };
    else if (eq(p.key, type + 'Ref')) {
      const name = p.values[0] ?? '';
      const s = findStatement(policy, type, name);
      if (s) found = { statement: s, via: 'ref', location: p.location };
      else unresolved.push({ key: p.key, name, expectedType: type, location: p.location });
    }
  }
  return found;
}

// ---------------------------------------------------------------- rule matching

function parsePortRange(text: string | undefined): { low: number; high: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text ?? '');
  if (!m) return undefined;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  return { low, high };
}

function rangeCovers(text: string | undefined, port: number): boolean {
  const r = parsePortRange(text);
  if (!r) return false;
  if (r.low === 0 && r.high === 0) return true; // 0 = any port
  return port >= r.low && port <= r.high;
}

/** Port ranges of a PortRange or PortGroup statement (nested refs followed once). */
function statementCoversPort(policy: AttlsPolicy, s: PolicyStatement, port: number, seen: Set<PolicyStatement>): boolean {
  if (seen.has(s)) return false;
  seen.add(s);
  for (const p of s.params) {
    if (eq(p.key, 'Port') && rangeCovers(p.values[0], port)) return true;
    if (eq(p.key, 'PortRange') && p.block && statementCoversPort(policy, p.block, port, seen)) return true;
    if (eq(p.key, 'PortRangeRef')) {
      const r = findStatement(policy, 'PortRange', p.values[0] ?? '');
      if (r && statementCoversPort(policy, r, port, seen)) return true;
    }
  }
  return false;
}

/**
 * Whether the rule's local-port condition admits `port`. No local-port condition
 * means any port. An unresolvable port reference admits nothing.
 */
export function ruleCoversLocalPort(policy: AttlsPolicy, rule: PolicyStatement, port: number): boolean {
  const direct = findParam(rule, 'LocalPortRange');
  const rangeRef = findParam(rule, 'LocalPortRangeRef');
  const groupRef = findParam(rule, 'LocalPortGroupRef');
  if (!direct && !rangeRef && !groupRef) return true;
  if (direct && rangeCovers(direct.values[0], port)) return true;
  for (const [ref, type] of [[rangeRef, 'PortRange'], [groupRef, 'PortGroup']] as const) {
    if (!ref) continue;
    const s = findStatement(policy, type, ref.values[0] ?? '');
    if (s && statementCoversPort(policy, s, port, new Set())) return true;
  }
  return false;
}

/** z/OS job-name patterns: a trailing `*` matches any suffix; otherwise exact, case-insensitive. */
export function jobnameMatches(pattern: string, jobName: string): boolean {
  const p = pattern.toUpperCase();
  const j = jobName.toUpperCase();
  return p.endsWith('*') ? j.startsWith(p.slice(0, -1)) : p === j;
}

function ruleDirection(rule: PolicyStatement): string | undefined {
  const d = findParam(rule, 'Direction')?.values[0];
  if (!d) return undefined;
  return ['Inbound', 'Outbound', 'Both'].find((x) => eq(x, d));
}

function rulePriority(rule: PolicyStatement): number {
  const n = Number(findParam(rule, 'Priority')?.values[0]);
  return Number.isInteger(n) ? n : 0;
}

/** TTLSRules that could map an inbound connection to `port`, best first (priority, then name). */
export function matchingRules(policy: AttlsPolicy, port: number, opts: PolicyViewOptions = {}): RuleCandidate[] {
  const out: RuleCandidate[] = [];
  for (const rule of statementsOfType(policy, 'TTLSRule')) {
    const direction = ruleDirection(rule);
    if (direction !== 'Inbound' && direction !== 'Both') continue;
    if (!ruleCoversLocalPort(policy, rule, port)) continue;
    const jobname = findParam(rule, 'Jobname')?.values[0];
    if (opts.jobName && jobname && !jobnameMatches(jobname, opts.jobName)) continue;
    out.push({ rule, name: rule.name ?? '', priority: rulePriority(rule), direction });
  }
  // A name defined twice: the later definition replaces the earlier one.
  const byName = new Map(out.map((c) => [c.name, c]));
  return [...byName.values()].sort((a, b) => b.priority - a.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---------------------------------------------------------------- the view

type Layer = PolicyStatement | undefined;

/**
 * The FTP server's view of `policy` for its control port. Always returns a view;
 * when no rule maps the port, `rule` is undefined and every setting has its default.
 */
export function policyView(policy: AttlsPolicy, controlPort: number, opts: PolicyViewOptions = {}): PolicyView {
  const unresolved: UnresolvedRef[] = [];
  const invalidValues: { key: string; value: string; location: SourceLocation }[] = [];
  const candidates = matchingRules(policy, controlPort, opts);
  const rule = candidates[0];

  const action = (key: string, type: string): ResolvedStatement | undefined => {
    const p = rule && findParam(rule.rule, key);
    if (!p) return undefined;
    const name = p.values[0] ?? '';
    const s = findStatement(policy, type, name);
    if (!s) {
      unresolved.push({ key: p.key, name, expectedType: type, location: p.location });
      return undefined;
    }
    return { statement: s, via: 'ref', location: p.location };
  };
  const group = action('TTLSGroupActionRef', 'TTLSGroupAction');
  const environment = action('TTLSEnvironmentActionRef', 'TTLSEnvironmentAction');
  const connection = action('TTLSConnectionActionRef', 'TTLSConnectionAction');
  const envStmt = environment?.statement;
  const connStmt = connection?.statement;

  const environmentAdvanced = resolveGroup(policy, envStmt, 'TTLSEnvironmentAdvancedParms', unresolved);
  const connectionAdvanced = resolveGroup(policy, connStmt, 'TTLSConnectionAdvancedParms', unresolved);
  const keyringParms = resolveGroup(policy, envStmt, 'TTLSKeyringParms', unresolved);
  const envCipherParms = resolveGroup(policy, envStmt, 'TTLSCipherParms', unresolved);
  const connCipherParms = resolveGroup(policy, connStmt, 'TTLSCipherParms', unresolved);
  const gskAdvanced = resolveGroup(policy, envStmt, 'TTLSGskAdvancedParms', unresolved);
  // Resolve the remaining groups too, so that their broken references are reported.
  for (const type of ['TTLSGroupAdvancedParms']) resolveGroup(policy, group?.statement, type, unresolved);
  for (const type of ['TTLSSignatureParms']) {
    resolveGroup(policy, envStmt, type, unresolved);
    resolveGroup(policy, connStmt, type, unresolved);
  }

  /** The first layer (most specific first) that codes `key`, read with `read`. */
  const setting = <T>(layers: Layer[], key: string, fallback: T, read: (v: string) => T | undefined): Setting<T> => {
    for (const layer of layers) {
      const p = findParam(layer, key);
      if (!p) continue;
      const raw = p.values.join(' ');
      const v = read(raw);
      if (v === undefined) {
        invalidValues.push({ key: p.key, value: raw, location: p.location });
        continue;
      }
      return { value: v, explicit: true, location: p.location };
    }
    return { value: fallback, explicit: false };
  };
  const advanced: Layer[] = [connectionAdvanced?.statement, environmentAdvanced?.statement];
  const onOff = (v: string) => (eq(v, 'On') ? true : eq(v, 'Off') ? false : undefined);
  const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);
  const str = (v: string) => (v === '' ? undefined : v);
  const oneOf =
    <T extends string>(values: readonly T[]) =>
    (v: string) =>
      values.find((x) => eq(x, v));

  const protocols = Object.fromEntries(
    PROTOCOL_NAMES.map((name) => [name, setting(advanced, name, PROTOCOL_DEFAULTS[name], onOff)]),
  ) as Record<ProtocolName, Setting<boolean>>;

  const cipherParms = connCipherParms ?? envCipherParms;

  return {
    controlPort,
    candidates,
    ...(rule ? { rule } : {}),
    ...(group ? { group } : {}),
    ...(environment ? { environment } : {}),
    ...(connection ? { connection } : {}),
    ...(environmentAdvanced ? { environmentAdvanced } : {}),
    ...(connectionAdvanced ? { connectionAdvanced } : {}),
    ...(keyringParms ? { keyringParms } : {}),
    ttlsEnabled: setting<boolean | undefined>([group?.statement], 'TTLSEnabled', undefined, onOff),
    handshakeRole: setting<HandshakeRole | undefined>(
      [connStmt, envStmt],
      'HandshakeRole',
      undefined,
      oneOf(['Client', 'Server', 'ServerWithClientAuth'] as const),
    ),
    clientAuthType: setting<ClientAuthType>(advanced, 'ClientAuthType', 'Required', oneOf(['PassThru', 'Full', 'Required', 'SAFCheck'] as const)),
    keyring: setting<string | undefined>([keyringParms?.statement], 'Keyring', undefined, str),
    keyringPw: setting<string | undefined>([keyringParms?.statement], 'KeyringPw', undefined, str),
    keyringStashFile: setting<string | undefined>([keyringParms?.statement], 'KeyringStashFile', undefined, str),
    certificateLabel: setting<string | undefined>(advanced, 'CertificateLabel', undefined, str),
    protocols,
    ciphers: cipherList(cipherParms),
    suiteBProfile: setting([envStmt], 'SuiteBProfile', 'Off', oneOf(['Off', '128', '128Min', '192', '192Min', 'All'] as const)),
    handshakeTimeout: setting(advanced, 'HandshakeTimeout', DEFAULT_HANDSHAKE_TIMEOUT, int),
    resetCipherTimer: setting(advanced, 'ResetCipherTimer', 0, int),
    sessionTimeout: setting([gskAdvanced?.statement], 'GSK_V3_SESSION_TIMEOUT', DEFAULT_SESSION_TIMEOUT, int),
    trace: setting([connStmt, envStmt, group?.statement], 'Trace', DEFAULT_TRACE, int),
    ctraceClearText: setting([connStmt, envStmt, group?.statement], 'CtraceClearText', false, onOff),
    secondaryMap: setting(advanced, 'SecondaryMap', false, onOff),
    applicationControlled: setting(advanced, 'ApplicationControlled', false, onOff),
    unresolvedRefs: unresolved,
    invalidValues,
  };
}

/** V3CipherSuites then V3CipherSuites4Char lines, in file order, duplicates dropped. */
function cipherList(parms: ResolvedStatement | undefined): CipherListView {
  if (!parms) return { explicit: false, suites: [], invalid: [] };
  const suites: ViewCipher[] = [];
  const invalid: { value: string; reason: string; location: SourceLocation }[] = [];
  const seen = new Set<string>();
  for (const p of parms.statement.params) {
    const fourChar = eq(p.key, 'V3CipherSuites4Char');
    if (!fourChar && !eq(p.key, 'V3CipherSuites')) continue;
    const parsed = parseV3CipherSuites(p.values, fourChar);
    for (const suite of parsed.suites) {
      if (seen.has(suite.code4)) continue;
      seen.add(suite.code4);
      suites.push({ suite, location: p.location, fourChar });
    }
    for (const bad of parsed.errors) invalid.push({ value: bad.value, reason: bad.reason, location: p.location });
  }
  return { explicit: true, parms, suites, invalid };
}
