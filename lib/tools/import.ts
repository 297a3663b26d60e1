/**
 * `zftps import`: a hand-written FTP.DATA (+ AT-TLS policy) → a typed, runnable
 * main.ts that synthesizes the same effective configuration. Every TLS setting is
 * written out (z/OS and AT-TLS defaults of what was not coded, marked as such), the
 * file's comments come along, every lint finding is carried over (acknowledged ones
 * as `server.acknowledge(...)` when the typed program still produces them), and what
 * the constructs cannot express is said in a comment, never silently dropped.
 */
import { basename } from 'node:path';
import { InputError, type Finding } from '../diagnostics';
import { FTP_DATA_STATEMENTS, validateValue } from '../formats/ftp-data';
import { lintTexts } from '../lint';
import { findParam, policyView, type PolicyView } from '../model/attls-view';
import type { FtpDataConfig, FtpDataStatement, PolicyStatement, ZosRelease } from '../model/config';
import { runRules } from '../rules/engine';
import { renderServer } from '../synth';
import {
  CertificateAuthority,
  CipherSuitePolicy,
  ClientAuthLevel,
  ClientAuthType,
  ControlProtection,
  DataProtection,
  Extension,
  FtpsApp,
  KeyRing,
  KeyRingName,
  SecureFtp,
  SecureFtpServer,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
  TlsVersion,
  ZosVersion,
} from '../constructs';

export interface ImportInput {
  readonly ftpData: { readonly text: string | Buffer; readonly file: string };
  readonly policy?: { readonly text: string | Buffer; readonly file: string };
  /** FTPD control port. @default the policy rule's single LocalPortRange port, else 21 */
  readonly port?: number;
  /** @default '2.5' */
  readonly release?: ZosRelease;
  /** Construct id of the server (names the synth output folder). @default 'ftpd' */
  readonly serverId?: string;
}

/** A behaviour the typed program cannot keep exactly, keyed like `effectiveSettings`. */
export interface ImportChange {
  /** The effective-setting key that differs after import (see lib/tools/snapshot.ts). */
  readonly key: string;
  readonly reason: string;
}

export interface ImportResult {
  /** The program text (main.ts). */
  readonly source: string;
  readonly controlPort: number;
  /** Findings of the original files (lint). */
  readonly originalFindings: readonly Finding[];
  /** Findings the typed program produces before its acknowledgements. */
  readonly typedFindings: readonly Finding[];
  /** Rule ids the program acknowledges (carried over from the original). */
  readonly acknowledged: readonly string[];
  /** What the constructs could not express: dropped settings and changed behaviours. */
  readonly dropped: readonly string[];
  readonly changes: readonly ImportChange[];
}

/** One prop in the generated object literal (a leaf with code + runtime value, or a nested object). */
interface Prop {
  readonly key: string;
  code?: string;
  value?: unknown;
  children?: Prop[];
  readonly comments: string[];
}

const leaf = (key: string, code: string, value: unknown, ...comments: (string | undefined)[]): Prop => ({
  key, code, value, comments: comments.filter((c): c is string => !!c),
});

/** TypeScript single-quoted string literal. */
export function tsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

const ENUM_CLASS = { TlsRfcLevel, SecureFtp, DataProtection, ControlProtection, SessionReusePolicy, Extension, TlsMechanism } as const;
function enumProp<K extends keyof typeof ENUM_CLASS>(key: string, cls: K, member: string, ...comments: (string | undefined)[]): Prop {
  const value = (ENUM_CLASS[cls] as unknown as Record<string, unknown>)[member];
  if (value === undefined) throw new Error(`${cls}.${member} does not exist`);
  return leaf(key, `${cls}.${member}`, value, ...comments);
}

/** Which prop an FTP.DATA statement or policy parameter ends up in (for comments and findings). */
const PROP_OF: Record<string, string> = {
  TLSMECHANISM: 'tlsMechanism', TLSRFCLEVEL: 'tlsRfcLevel', EXTENSIONS: 'extensions', SECURE_FTP: 'secureFtp',
  SECURE_LOGIN: 'clientAuth', SECURE_PASSWORD: 'clientAuth', VERIFYUSER: 'verifyUser', SECURE_DATACONN: 'dataProtection',
  SECURE_CTRLCONN: 'controlProtection', SECURE_SESSION_REUSE: 'sessionReuse', CIPHERSUITE: 'cipherSuites', SSLV3: 'tlsVersions',
  SECURE_PBSZ: 'securePbsz', TLSTIMEOUT: 'tlsTimeoutSeconds', TLSPORT: 'implicitTls', SECUREIMPLICITZOS: 'implicitTls',
  PASSIVEDATAPORTS: 'passiveDataPorts', INACTIVE: 'inactivitySeconds', DATACTTIME: 'dataConnectionTimeoutSeconds', KEYRING: 'ring.name',
  // policy parameters (lower case)
  keyring: 'ring.name', certificatelabel: 'ring.serverCertificate', handshakerole: 'clientAuth', clientauthtype: 'attls.clientAuthType',
  v3ciphersuites: 'cipherSuites', v3ciphersuites4char: 'cipherSuites', ttlscipherparms: 'cipherSuites', ttlscipherparmsref: 'cipherSuites',
  sslv2: 'tlsVersions', sslv3: 'tlsVersions', tlsv1: 'tlsVersions', 'tlsv1.1': 'tlsVersions', 'tlsv1.2': 'tlsVersions', 'tlsv1.3': 'tlsVersions',
  gsk_v3_session_timeout: 'attls.sessionTimeoutSeconds', handshaketimeout: 'attls.handshakeTimeoutSeconds', resetciphertimer: 'attls.resetCipherTimerMinutes',
  trace: 'attls.trace', ctracecleartext: 'attls.ctraceClearText', priority: 'attls.priority', jobname: 'attls.jobname', localportrange: 'controlPort',
};

/** The KeyRingName factory call for a KEYRING / Keyring value. */
function ringNameOf(value: string): { code: string; value: KeyRingName } {
  const token = /^\*TOKEN\*\/(.+)$/i.exec(value);
  if (token) return { code: `KeyRingName.token(${tsString(token[1])})`, value: KeyRingName.token(token[1]) };
  if (value.startsWith('/')) return { code: `KeyRingName.keyDatabase(${tsString(value)})`, value: KeyRingName.keyDatabase(value) };
  const shared = /^([^/]+)\/([^/]+)$/.exec(value);
  if (shared) return { code: `KeyRingName.shared(${tsString(shared[1])}, ${tsString(shared[2])})`, value: KeyRingName.shared(shared[1], shared[2]) };
  return { code: `KeyRingName.saf(${tsString(value)})`, value: KeyRingName.saf(value) };
}

const VERSION_MEMBER: Record<string, string> = { SSLv3: 'SSLV3', TLSv1: 'TLS1_0', 'TLSv1.1': 'TLS1_1', 'TLSv1.2': 'TLS1_2', 'TLSv1.3': 'TLS1_3' };

/** Imports an FTP.DATA (+ policy) into a typed program. Throws InputError for unusable input. */
export function importConfiguration(input: ImportInput): ImportResult {
  const release = input.release ?? '2.5';
  const preParsed = lintTexts(input.ftpData, input.policy, { release, controlPort: input.port ?? 21 });
  const policy = preParsed.model.policy;
  const controlPort = input.port ?? (policy ? singleRulePort(policy.statements) : undefined) ?? 21;
  const lint = input.port === undefined && controlPort !== 21 ? lintTexts(input.ftpData, input.policy, { release, controlPort }) : preParsed;
  const unusable = lint.findings.find((f) => /-FILE-(EBCDIC|BINARY|EMPTY)$/.test(f.ruleId) && f.severity === 'error');
  if (unusable) throw new InputError(`${unusable.message}`, unusable.location);
  const f = lint.model.ftpData;
  const attls = f.tlsMechanism.value === 'ATTLS';
  const view = attls && policy ? policyView(policy, controlPort) : undefined;

  const dropped: string[] = [];
  const changes: ImportChange[] = [];
  const comment = (keyword: string): string | undefined => lastStatement(f, keyword)?.comment;
  const coded = (setting: { explicit: boolean; location?: { line: number } }, keyword: string) =>
    setting.explicit ? `${keyword} (${basename(f.file)}:${setting.location!.line})` : `z/OS default: ${keyword} not coded`;
  const policyCoded = (setting: { explicit: boolean; location?: { file: string; line: number } }, what: string) =>
    setting.explicit ? `${what} (${basename(setting.location!.file)}:${setting.location!.line})` : `AT-TLS default: ${what} not coded`;

  // ---------------------------------------------------------------- the key ring
  const ringValue = attls ? view?.keyring.value : f.keyring.value;
  const ring = ringNameOf(ringValue ?? 'FTPRING');
  const ringProps: Prop[] = [
    leaf('name', ring.code, ring.value,
      ringValue ? (attls ? policyCoded(view!.keyring, 'Keyring') : coded(f.keyring, 'KEYRING')) : 'no key ring is named; FTPRING is a placeholder',
      attls ? undefined : comment('KEYRING')),
  ];
  const label = view?.certificateLabel.value;
  ringProps.push({
    key: 'serverCertificate',
    comments: [
      label ? policyCoded(view!.certificateLabel, 'CertificateLabel') : attls ? 'no CertificateLabel: the ring\'s default certificate is used' : 'native TLS uses the ring\'s default certificate',
      'synth generates a certificate for local tests; on z/OS the ring already holds it (see `existing` and `csr`)',
    ],
    children: label ? [leaf('label', tsString(label), label)] : [],
  });
  if (f.secureLogin.value !== 'NO_CLIENT_AUTH') {
    // Client authentication needs a CA (or self-signed client certificates) in the ring; its contents are not in FTP.DATA.
    ringProps.push(leaf('certificateAuthorities', `[new CertificateAuthority('client-ca', { label: 'Client CA' })]`, [new CertificateAuthority('client-ca', { label: 'Client CA' })],
      `SECURE_LOGIN ${f.secureLogin.value} needs the CA that signs client certificates in the ring;`,
      'replace this placeholder with that CA (its label as RACDCERT LISTRING shows it, and `existing` with its certificate)'));
  }
  if (attls && policy && !label) {
    changes.push({ key: 'certificate label', reason: 'the policy names no CertificateLabel (the ring\'s default certificate); zftps always names the server certificate\'s label' });
  }

  // ---------------------------------------------------------------- FTP.DATA settings
  const props: Prop[] = [leaf('keyRing', 'keyRing', undefined)];
  const enumFrom = <K extends keyof typeof ENUM_CLASS>(key: string, cls: K, keyword: string, setting: { value: string; explicit: boolean; location?: { line: number } }) =>
    props.push(enumProp(key, cls, setting.value, coded(setting, keyword), comment(keyword)));

  enumFrom('tlsMechanism', 'TlsMechanism', 'TLSMECHANISM', f.tlsMechanism);
  enumFrom('tlsRfcLevel', 'TlsRfcLevel', 'TLSRFCLEVEL', f.tlsRfcLevel);
  const extensions = [...new Set(f.extensions.map((e) => e.value))];
  props.push(leaf('extensions', `[${extensions.map((e) => `Extension.${e}`).join(', ')}]`, extensions.map((e) => (Extension as unknown as Record<string, Extension>)[e]),
    extensions.length ? `EXTENSIONS (${f.extensions.map((e) => `${basename(f.file)}:${e.location!.line}`).join(', ')})` : 'z/OS default: no EXTENSIONS coded (TLS is off)',
    ...statementsOf(f, 'EXTENSIONS').map((s) => s.comment)));
  enumFrom('secureFtp', 'SecureFtp', 'SECURE_FTP', f.secureFtp);

  const level = { NO_CLIENT_AUTH: 'NONE', REQUIRED: 'LEVEL_1', VERIFY_USER: 'LEVEL_2' }[f.secureLogin.value];
  const optional = f.securePassword.value === 'OPTIONAL';
  const authValue = (ClientAuthLevel as unknown as Record<string, ClientAuthLevel>)[level];
  props.push(leaf('clientAuth', `ClientAuthLevel.${level}${optional ? '.withoutPassword()' : ''}`, optional ? authValue.withoutPassword() : authValue,
    `${coded(f.secureLogin, 'SECURE_LOGIN')}; ${coded(f.securePassword, 'SECURE_PASSWORD')}`,
    level === 'LEVEL_2' ? 'LEVEL_3 when the SERVAUTH profile EZB.FTP.<sysname>.<daemon>.PORT<n> is defined' : undefined,
    comment('SECURE_LOGIN'), comment('SECURE_PASSWORD')));
  props.push(leaf('verifyUser', String(f.verifyUser.value), f.verifyUser.value, coded(f.verifyUser, 'VERIFYUSER'), comment('VERIFYUSER')));
  enumFrom('dataProtection', 'DataProtection', 'SECURE_DATACONN', f.secureDataConn);
  enumFrom('controlProtection', 'ControlProtection', 'SECURE_CTRLCONN', f.secureCtrlConn);
  enumFrom('sessionReuse', 'SessionReusePolicy', 'SECURE_SESSION_REUSE', f.secureSessionReuse);

  // Ciphers and protocol versions: FTP.DATA (native) or the policy (AT-TLS).
  if (!attls) {
    const names = f.cipherSuites.map((c) => c.value);
    if (names.length) {
      props.push(leaf('cipherSuites', `CipherSuitePolicy.of(${names.map(tsString).join(', ')})`, CipherSuitePolicy.of(...names),
        `CIPHERSUITE in order (${basename(f.file)}:${f.cipherSuites.map((c) => c.location!.line).join(', ')})`, ...statementsOf(f, 'CIPHERSUITE').map((s) => s.comment)));
    } else {
      props.push(leaf('cipherSuites', 'CipherSuitePolicy.NATIVE', CipherSuitePolicy.NATIVE,
        'z/OS default: no CIPHERSUITE coded, so System SSL\'s default list applies (it includes the null cipher);',
        'zftps always writes a list: NATIVE (SSL_AES_256_SHA, SSL_AES_128_SHA) replaces the default'));
      changes.push({ key: 'ciphers', reason: 'no CIPHERSUITE was coded (System SSL default list); the program writes CipherSuitePolicy.NATIVE' });
    }
    const versions = f.sslv3.value ? ['SSLv3', 'TLSv1.2', 'TLSv1.3'] : ['TLSv1.2', 'TLSv1.3'];
    props.push(leaf('tlsVersions', `[${versions.map((v) => `TlsVersion.${VERSION_MEMBER[v]}`).join(', ')}]`, versions.map(versionValue),
      `${coded(f.sslv3, 'SSLV3')}: native TLS has only the SSLV3 switch; other versions follow System SSL`, comment('SSLV3')));
    props.push(leaf('tlsTimeoutSeconds', String(f.tlsTimeout.value), f.tlsTimeout.value, coded(f.tlsTimeout, 'TLSTIMEOUT'), comment('TLSTIMEOUT')));
  } else if (view) {
    const suites = view.ciphers.suites.map((c) => c.suite.iana);
    if (view.ciphers.explicit && suites.length) {
      props.push(leaf('cipherSuites', `CipherSuitePolicy.of(\n${suites.map((n) => `    ${tsString(n)},`).join('\n')}\n  )`, CipherSuitePolicy.of(...suites),
        `TTLSCipherParms${view.ciphers.parms?.statement.name ? ' ' + view.ciphers.parms.statement.name : ''} in order (${locationText(view.ciphers.parms?.location)})`));
    } else {
      props.push(leaf('cipherSuites', 'CipherSuitePolicy.RECOMMENDED', CipherSuitePolicy.RECOMMENDED,
        'AT-TLS default: no TTLSCipherParms, so System SSL\'s default list applies; zftps always writes a list: RECOMMENDED replaces it'));
      changes.push({ key: 'ciphers', reason: 'the policy codes no cipher list (System SSL default); the program writes CipherSuitePolicy.RECOMMENDED' });
    }
    for (const bad of view.ciphers.invalid) dropped.push(`cipher ${bad.value} (${locationText(bad.location)}): ${bad.reason}`);
    const on = (['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).filter((p) => view.protocols[p].value);
    props.push(leaf('tlsVersions', `[${on.map((v) => `TlsVersion.${VERSION_MEMBER[v]}`).join(', ')}]`, on.map(versionValue),
      `protocol switches: ${(['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((p) => `${p} ${view.protocols[p].value ? 'On' : 'Off'}${view.protocols[p].explicit ? '' : ' (AT-TLS default)'}`).join(', ')}`));
    if (view.protocols.SSLv2.value) {
      dropped.push(`SSLv2 On (${locationText(view.protocols.SSLv2.location)}): zftps always writes SSLv2 Off`);
      changes.push({ key: 'protocol SSLv2', reason: 'SSLv2 On cannot be expressed; the program writes SSLv2 Off' });
    }
  } else {
    changes.push({ key: 'policy', reason: 'TLSMECHANISM ATTLS without a policy file: the program writes zftps\'s AT-TLS policy' });
    dropped.push('AT-TLS settings: no policy was given (--policy); the program uses zftps\'s defaults');
  }

  if (f.securePbsz.explicit || extensions.includes('AUTH_GSSAPI')) {
    props.push(leaf('securePbsz', String(f.securePbsz.value), f.securePbsz.value, coded(f.securePbsz, 'SECURE_PBSZ'), comment('SECURE_PBSZ')));
  } else {
    props.push({ key: 'securePbsz', comments: [`z/OS default: SECURE_PBSZ not coded (${f.securePbsz.value}); it matters only for Kerberos, so it stays unwritten`] });
  }
  if (f.tlsPort.value !== 0) {
    props.push({
      key: 'implicitTls',
      comments: [coded(f.tlsPort, 'TLSPORT'), coded(f.secureImplicitZos, 'SECUREIMPLICITZOS'), comment('TLSPORT'), comment('SECUREIMPLICITZOS')].filter((c): c is string => !!c),
      children: [leaf('port', String(f.tlsPort.value), f.tlsPort.value), leaf('greetingBeforeHandshake', String(f.secureImplicitZos.value), f.secureImplicitZos.value)],
    });
    if (attls && policy && !policyView(policy, f.tlsPort.value).rule) {
      changes.push({ key: 'policy rule maps TLSPORT', reason: `the policy has no rule for TLSPORT ${f.tlsPort.value}; the program adds one (implicit TLS then works)` });
    }
  } else {
    props.push({ key: 'implicitTls', comments: [`${coded(f.tlsPort, 'TLSPORT')}: 0, no implicit TLS port`] });
  }
  props.push(leaf('controlPort', String(controlPort), controlPort, input.port !== undefined ? 'FTPD start parameter PORT (--port)' : controlPort !== 21 ? 'from the policy rule\'s LocalPortRange' : 'FTPD start parameter PORT: 21 unless --port says otherwise'));
  const pdp = f.passiveDataPorts.value;
  if (pdp) {
    props.push({ key: 'passiveDataPorts', comments: [coded(f.passiveDataPorts, 'PASSIVEDATAPORTS'), comment('PASSIVEDATAPORTS')].filter((c): c is string => !!c),
      children: [leaf('low', String(pdp.low), pdp.low), leaf('high', String(pdp.high), pdp.high)] });
  }
  props.push(leaf('inactivitySeconds', String(f.inactive.value), f.inactive.value, coded(f.inactive, 'INACTIVE'), comment('INACTIVE')));
  props.push(leaf('dataConnectionTimeoutSeconds', String(f.dataCtTime.value), f.dataCtTime.value, coded(f.dataCtTime, 'DATACTTIME'), comment('DATACTTIME')));
  props.push({ key: 'system', comments: [], children: [leaf('release', `ZosVersion.V${release.replace('.', 'R')}`, ZosVersion.of(release), '--release')] });

  // ---------------------------------------------------------------- AT-TLS policy settings
  if (view?.rule) {
    const a: Prop[] = [];
    const rule = view.rule.rule;
    const jobname = findParam(rule, 'Jobname')?.values[0];
    if (jobname) a.push(leaf('jobname', tsString(jobname), jobname, `Jobname (${locationText(findParam(rule, 'Jobname')!.location)})`));
    else changes.push({ key: 'policy rule jobname', reason: 'the rule has no Jobname; zftps writes the daemon job name' });
    a.push(leaf('priority', String(view.rule.priority || 255), view.rule.priority || 255,
      findParam(rule, 'Priority') ? `Priority (${locationText(findParam(rule, 'Priority')!.location)})` : 'Priority not coded; zftps writes 255'));
    if (view.handshakeRole.value === 'ServerWithClientAuth' || level !== 'NONE') {
      a.push(leaf('clientAuthType', `ClientAuthType.${view.clientAuthType.value.toUpperCase()}`, (ClientAuthType as unknown as Record<string, ClientAuthType>)[view.clientAuthType.value.toUpperCase()],
        policyCoded(view.clientAuthType, 'ClientAuthType')));
    }
    a.push(leaf('handshakeTimeoutSeconds', String(view.handshakeTimeout.value), view.handshakeTimeout.value, policyCoded(view.handshakeTimeout, 'HandshakeTimeout')));
    a.push(leaf('sessionTimeoutSeconds', String(view.sessionTimeout.value), view.sessionTimeout.value, policyCoded(view.sessionTimeout, 'GSK_V3_SESSION_TIMEOUT')));
    a.push(leaf('resetCipherTimerMinutes', String(view.resetCipherTimer.value), view.resetCipherTimer.value, policyCoded(view.resetCipherTimer, 'ResetCipherTimer')));
    a.push(leaf('trace', String(view.trace.value), view.trace.value, policyCoded(view.trace, 'Trace')));
    a.push(leaf('ctraceClearText', String(view.ctraceClearText.value), view.ctraceClearText.value, policyCoded(view.ctraceClearText, 'CtraceClearText')));
    props.push({ key: 'attls', comments: [`policy rule ${view.rule.name} (${locationText(rule.location)})`], children: a });
    policyChanges(view, level, changes, dropped);
  } else if (attls && policy) {
    changes.push({ key: 'policy rule maps control port', reason: `no TTLSRule of the policy maps port ${controlPort}; the program writes one` });
  }

  // ---------------------------------------------------------------- statements the constructs cannot express
  const modelled = new Set(Object.keys(PROP_OF).filter((k) => k === k.toUpperCase()));
  const unmodelled: string[] = [];
  for (const s of f.statements) {
    const written = `${s.keyword}${s.args.length ? ' ' + s.args.join(' ') : ''} (${basename(f.file)}:${s.location.line})`;
    const info = FTP_DATA_STATEMENTS.get(s.keyword);
    const problem = info ? validateValue(s.keyword, s.args) : 'unknown statement';
    if (problem) dropped.push(`${written}: ${problem}; z/OS ignores it, so the program does not set it`);
    else if (attls && ['KEYRING', 'CIPHERSUITE', 'TLSTIMEOUT', 'SSLV3'].includes(s.keyword)) dropped.push(`${written}: ignored with TLSMECHANISM ATTLS (the policy sets it)`);
    else if (!modelled.has(s.keyword)) unmodelled.push(`${written}${s.comment ? ' ; ' + s.comment : ''}`);
  }

  // ---------------------------------------------------------------- findings: original vs typed
  const app = new FtpsApp({ quiet: true });
  const ringConstruct = new KeyRing(app, 'ring', runtimeObject(ringProps) as never);
  const serverId = input.serverId ?? 'ftpd';
  const server = new SecureFtpServer(app, serverId, { ...(runtimeObject(props) as object), keyRing: ringConstruct } as never);
  const rendered = renderServer(server);
  const typedFindings = runRules({ ...rendered.model, now: new Date() });
  const typedIds = new Set(typedFindings.map((t) => t.ruleId));
  const originalIds = new Set(lint.findings.map((o) => o.ruleId));
  const acks: { ruleId: string; reason: string }[] = [];
  const notes = new Map<string, string[]>(); // prop path → comment lines
  const note = (path: string, line: string) => notes.set(path, [...(notes.get(path) ?? []), line]);
  for (const o of lint.findings) {
    const where = o.location ? `${basename(o.location.file)}:${o.location.line}` : basename(f.file);
    const path = propOfFinding(o, f, policy?.statements ?? []);
    if (o.acknowledged) {
      if (typedIds.has(o.ruleId)) {
        if (!acks.some((k) => k.ruleId === o.ruleId)) acks.push({ ruleId: o.ruleId, reason: `imported from ${where} — ${o.acknowledged.reason}` });
      } else {
        note(path, `${o.ruleId} was acknowledged at ${where} (${o.acknowledged.reason}); the typed program no longer produces it`);
      }
      continue;
    }
    const still = typedIds.has(o.ruleId) ? '' : ' [the typed program no longer produces it]';
    note(path, `FINDING ${o.ruleId} (${o.severity}): ${o.message} — ${o.fix}${still}`);
  }
  for (const t of typedFindings) {
    if (originalIds.has(t.ruleId)) continue;
    note(propOfSetting(t.settings) ?? 'general', `FINDING ${t.ruleId} (${t.severity}) in the typed program only: ${t.message} — ${t.fix}`);
  }

  const source = renderProgram({
    file: f.file, policyFile: policy?.file, serverId, ringProps, props, acks, notes, dropped, changes, unmodelled,
  });
  return {
    source,
    controlPort,
    originalFindings: lint.findings,
    typedFindings,
    acknowledged: acks.map((a) => a.ruleId),
    dropped,
    changes,
  };
}

function versionValue(v: string): TlsVersion {
  return (TlsVersion as unknown as Record<string, TlsVersion>)[VERSION_MEMBER[v]];
}

/** Behaviours of the policy that the constructs always write one way. */
function policyChanges(view: PolicyView, level: string, changes: ImportChange[], dropped: string[]) {
  const at = (s: { location?: { file: string; line: number } }) => locationText(s.location);
  if (view.rule?.direction === 'Both') changes.push({ key: 'rule direction', reason: 'Direction Both: zftps writes Direction Inbound (the FTP server only accepts)' });
  if (view.ttlsEnabled.value !== true) {
    changes.push({ key: 'TTLSEnabled', reason: `TTLSEnabled ${view.ttlsEnabled.value === false ? 'Off' : 'not coded'}: zftps writes TTLSEnabled On` });
  }
  if (!view.applicationControlled.value) changes.push({ key: 'application controlled', reason: `ApplicationControlled Off (${at(view.applicationControlled)}): zftps writes On (FTP starts TLS on AUTH)` });
  if (!view.secondaryMap.value) changes.push({ key: 'secondary map', reason: `SecondaryMap Off (${at(view.secondaryMap)}): zftps writes On (data connections use the control connection's policy)` });
  const wantsClientAuth = level !== 'NONE';
  const roleHasClientAuth = view.handshakeRole.value === 'ServerWithClientAuth';
  if (view.handshakeRole.value === undefined || roleHasClientAuth !== wantsClientAuth) {
    changes.push({ key: 'handshake role', reason: `HandshakeRole ${view.handshakeRole.value ?? '(not coded)'} does not follow SECURE_LOGIN; zftps derives it from SECURE_LOGIN` });
  }
  if (roleHasClientAuth !== wantsClientAuth) changes.push({ key: 'client auth type', reason: 'ClientAuthType is written only when SECURE_LOGIN asks for client certificates' });
  for (const bad of view.invalidValues) dropped.push(`${bad.key} ${bad.value} (${locationText(bad.location)}): not a valid value; AT-TLS uses the default`);
}

function singleRulePort(statements: readonly PolicyStatement[]): number | undefined {
  for (const rule of statements.filter((s) => s.type.toLowerCase() === 'ttlsrule')) {
    const d = findParam(rule, 'Direction')?.values[0]?.toLowerCase();
    const m = /^(\d+)$/.exec(findParam(rule, 'LocalPortRange')?.values[0] ?? '');
    if ((d === 'inbound' || d === 'both') && m && Number(m[1]) !== 0) return Number(m[1]);
  }
  return undefined;
}

function lastStatement(f: FtpDataConfig, keyword: string): FtpDataStatement | undefined {
  const all = statementsOf(f, keyword);
  return all[all.length - 1];
}

function statementsOf(f: FtpDataConfig, keyword: string): FtpDataStatement[] {
  return f.statements.filter((s) => s.keyword === keyword);
}

function locationText(loc: { file: string; line: number } | undefined): string {
  return loc ? `${basename(loc.file)}:${loc.line}` : 'not coded';
}

function propOfSetting(settings: readonly string[]): string | undefined {
  for (const s of settings) {
    const p = PROP_OF[s] ?? PROP_OF[s.toLowerCase()];
    if (p) return p;
  }
  return undefined;
}

/** The prop a finding is about: by the statement/parameter on its line, else by the settings it names. */
function propOfFinding(finding: Finding, f: FtpDataConfig, policyStatements: readonly PolicyStatement[]): string {
  const loc = finding.location;
  if (loc && loc.file === f.file) {
    const s = f.statements.find((x) => x.location.line === loc.line);
    if (s && PROP_OF[s.keyword]) return PROP_OF[s.keyword];
  } else if (loc) {
    const visit = (st: PolicyStatement): string | undefined => {
      for (const p of st.params) {
        if (p.location.line === loc.line && PROP_OF[p.key.toLowerCase()]) return PROP_OF[p.key.toLowerCase()];
        const inner = p.block && visit(p.block);
        if (inner) return inner;
      }
      return undefined;
    };
    for (const st of policyStatements) {
      const hit = visit(st);
      if (hit) return hit;
    }
  }
  return propOfSetting(finding.settings) ?? 'general';
}

/** The runtime object a Prop list describes (what the generated code evaluates to). */
function runtimeObject(props: readonly Prop[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (p.children) out[p.key] = runtimeObject(p.children);
    else if (p.code !== undefined && p.value !== undefined) out[p.key] = p.value;
  }
  return out;
}

interface ProgramParts {
  file: string;
  policyFile?: string;
  serverId: string;
  ringProps: Prop[];
  props: Prop[];
  acks: { ruleId: string; reason: string }[];
  notes: Map<string, string[]>;
  dropped: string[];
  changes: ImportChange[];
  unmodelled: string[];
}

/** `// text` lines, wrapped at ~100 columns. */
function commentLines(indent: string, text: string): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (indent + '// ' + line + ' ' + w).length > 110) {
      lines.push(`${indent}// ${line}`);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(`${indent}// ${line}`);
  return lines;
}

function renderProps(props: readonly Prop[], indent: string, notes: Map<string, string[]>, prefix: string): string[] {
  const out: string[] = [];
  for (const p of props) {
    const path = prefix + p.key;
    for (const c of [...p.comments, ...(notes.get(path) ?? [])]) out.push(...commentLines(indent, c));
    if (p.children) {
      const inner = renderProps(p.children, indent + '  ', notes, path + '.');
      if (p.children.some((c) => c.code !== undefined || c.children)) out.push(`${indent}${p.key}: {`, ...inner, `${indent}},`);
      else out.push(...inner);
    } else if (p.code !== undefined) {
      out.push(p.code === p.key ? `${indent}${p.key},` : `${indent}${p.key}: ${p.code.replace(/\n/g, '\n' + indent.slice(2))},`);
    }
  }
  return out;
}

function renderProgram(p: ProgramParts): string {
  const lines: string[] = [
    '/**',
    ` * Imported by \`zftps import\` from ${basename(p.file)}${p.policyFile ? ` and ${basename(p.policyFile)}` : ''}.`,
    ' * Every TLS setting is written out; "z/OS default" / "AT-TLS default" marks a value the',
    ' * original left to the default. Run it with `zftps synth main.ts`.',
    ' */',
  ];
  const body = [...renderProps(p.ringProps, '  ', p.notes, 'ring.'), ...renderProps(p.props, '  ', p.notes, '')].join('\n') + '\n' +
    p.acks.map((a) => a.ruleId).join(' ');
  const used = ['CertificateAuthority', 'CipherSuitePolicy', 'ClientAuthLevel', 'ClientAuthType', 'ControlProtection', 'DataProtection', 'Extension', 'FtpsApp', 'KeyRing',
    'KeyRingName', 'SecureFtp', 'SecureFtpServer', 'SessionReusePolicy', 'TlsMechanism', 'TlsRfcLevel', 'TlsVersion', 'ZosVersion']
    .filter((name) => ['FtpsApp', 'KeyRing', 'SecureFtpServer'].includes(name) || new RegExp(`\\b${name}[.(]`).test(body));
  lines.push(`import {\n${used.map((u) => `  ${u},`).join('\n')}\n} from 'zftps';`, '', 'const app = new FtpsApp();', '');
  lines.push(`const keyRing = new KeyRing(app, 'ring', {`, ...renderProps(p.ringProps, '  ', p.notes, 'ring.'), '});', '');
  for (const c of p.notes.get('general') ?? []) lines.push(...commentLines('', c));
  lines.push(`const server = new SecureFtpServer(app, ${tsString(p.serverId)}, {`, ...renderProps(p.props, '  ', p.notes, ''), '});');
  for (const a of p.acks) lines.push(`server.acknowledge(${tsString(a.ruleId)}, ${tsString(a.reason)});`);
  if (p.changes.length) {
    lines.push('', '// Behaviour the typed constructs write differently from the original:');
    for (const c of p.changes) lines.push(...commentLines('', `- ${c.key}: ${c.reason}`));
  }
  if (p.dropped.length) {
    lines.push('', '// Dropped (the constructs cannot express these):');
    for (const d of p.dropped) lines.push(...commentLines('', `- ${d}`));
  }
  if (p.unmodelled.length) {
    lines.push('', '// Not TLS settings, so not modelled by zftps — keep them in the z/OS FTP.DATA:');
    for (const u of p.unmodelled) lines.push(...commentLines('', `  ${u}`));
  }
  lines.push('', 'app.synth();', '');
  return lines.join('\n');
}
