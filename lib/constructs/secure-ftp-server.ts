/**
 * SecureFtpServer: one z/OS FTP server's TLS configuration as typed props.
 * It renders FTP.DATA (every TLS statement written out, so nothing depends on
 * z/OS defaults) and, with TLSMECHANISM ATTLS, the AT-TLS policy and the snippets
 * that make it take effect. Props left out take zftps's secure defaults (stated
 * on each prop), which are NOT z/OS's defaults for absent statements.
 */
import { Construct } from 'constructs';
import type { ZosRelease } from '../model/config';
import type { ServerConfigFile } from '../model/server-config';
import { SERVER_CONFIG_DEFAULT_LIMITS } from '../model/server-config';
import type { FtpDataSpec, FtpDataStatementSpec, PolicyParamSpec, PolicySpec, PolicyStatementSpec } from '../formats/types';
import { CipherSuitePolicy } from './cipher-suite-policy';
import type { KeyRing } from './key-ring';
import {
  ClientAuthLevel,
  ClientAuthType,
  ControlProtection,
  DataProtection,
  Extension,
  SecureFtp,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
  TlsVersion,
  ZosVersion,
} from './values';

/** A password for a zftps user. Never written in plain text: synth stores a scrypt hash. */
export class Password {
  /** Read from an environment variable when the server starts; `default` applies when unset (loopback only). */
  static fromEnv(variable: string, options: { default: string }): Password {
    return new Password({ env: variable, default: options.default });
  }
  /** A fixed password, hashed at synth (keep it out of source control: prefer fromEnv). */
  static of(value: string): Password {
    return new Password({ value });
  }
  private constructor(readonly source: { value: string } | { env: string; default: string }) {}
}

export interface FtpUser {
  /** Login name (z/OS user IDs are at most 8 characters). */
  readonly name: string;
  /** Password; omit for certificate-only login (needs SECURE_PASSWORD OPTIONAL). */
  readonly password?: Password;
  /** Home folder relative to the server's storage root. @default the user name, lower case */
  readonly home?: string;
  /** May upload, delete and rename. @default true */
  readonly canWrite?: boolean;
}

/** Where z/OS keeps what is not in FTP.DATA: start parameters, TCP/IP profile, system identity. */
export interface ZosSystemProps {
  /** System name for EZB.FTP.<sysname>.<daemon>.PORT<n>. @default 'SYS1' */
  readonly sysname?: string;
  /** FTPD cataloged procedure name. @default 'FTPD' */
  readonly procName?: string;
  /** Job name of the forked daemon. @default procName + '1' when shorter than 8 characters, else procName */
  readonly daemonJobName?: string;
  /** TCP/IP stack job name. @default 'TCPIP' */
  readonly tcpipJobName?: string;
  /** The z/OS release the configuration targets. @default ZosVersion.V2R5 */
  readonly release?: ZosVersion;
}

/** AT-TLS settings (TLSMECHANISM ATTLS): what the policy language offers beyond the seed's minimum. */
export interface AttlsProps {
  /** Session key refresh (ResetCipherTimer), minutes; 0 = never. @default 0 */
  readonly resetCipherTimerMinutes?: number;
  /** Sysplex-wide session ID caching (GSK_SYSPLEX_SIDCACHE). @default false */
  readonly sysplexSessionCache?: boolean;
  /** AT-TLS Trace bit mask (2 = errors to syslogd; 255 = all). @default 2 */
  readonly trace?: number;
  /** Write decrypted data to the data trace (CtraceClearText) — diagnostics only. @default false */
  readonly ctraceClearText?: boolean;
  /** HandshakeTimeout, seconds. @default 10 */
  readonly handshakeTimeoutSeconds?: number;
  /** GSK_V3_SESSION_TIMEOUT: how long a TLS session stays resumable, seconds. @default 86400 */
  readonly sessionTimeoutSeconds?: number;
  /** ClientAuthType when client authentication is on. @default ClientAuthType.REQUIRED */
  readonly clientAuthType?: ClientAuthType;
  /** TTLSRule Priority (1–2000000000). @default 255 */
  readonly priority?: number;
  /** TTLSRule Jobname condition. @default the daemon job name */
  readonly jobname?: string;
  /** Where the policy file lives on z/OS (TTLSConfig). @default /etc/pagent/<id>.attls.conf */
  readonly policyPath?: string;
}

/** The zftps server's own settings (z/OS has no FTP.DATA statement for these). */
export interface HostProps {
  /** Address the zftps server binds. @default '127.0.0.1' */
  readonly listenHost?: string;
  /** Port the zftps server listens on. @default the control port */
  readonly listenPort?: number;
  /**
   * Storage root holding the users' home folders, relative to the server config's folder.
   * @default '../../zftps-data/<id>' — beside the synth output folder, never inside it (re-synth replaces it)
   */
  readonly storageRoot?: string;
  /** Address announced in PASV replies (NAT, load balancers). @default the control connection's local address */
  readonly passiveAddress?: string;
  readonly limits?: Partial<ServerConfigFile['limits']>;
  /** Refuse REST on protected sessions like z/OS (504). @default 'allow' */
  readonly restOnProtectedSession?: 'allow' | 'refuse';
  /** Reply when a data connection does not resume under REQUIRED reuse. @default 425 */
  readonly reuseFailureReply?: 425 | 522;
}

export interface SecureFtpServerProps {
  /** The key ring holding the server certificate (and the client CAs). */
  readonly keyRing: KeyRing;
  /** TLSMECHANISM. @default TlsMechanism.ATTLS (IBM's recommendation) */
  readonly tlsMechanism?: TlsMechanism;
  /** TLSRFCLEVEL. @default TlsRfcLevel.RFC4217 */
  readonly tlsRfcLevel?: TlsRfcLevel;
  /** EXTENSIONS. @default AUTH_TLS, SIZE, MDTM, UTF8, REST_STREAM */
  readonly extensions?: readonly Extension[];
  /** SECURE_FTP. @default SecureFtp.REQUIRED */
  readonly secureFtp?: SecureFtp;
  /** SECURE_LOGIN / SECURE_PASSWORD / level-3 profile. @default ClientAuthLevel.NONE */
  readonly clientAuth?: ClientAuthLevel;
  /** VERIFYUSER: check every login user against the port's SERVAUTH profile. @default false */
  readonly verifyUser?: boolean;
  /** SECURE_DATACONN. @default DataProtection.PRIVATE */
  readonly dataProtection?: DataProtection;
  /** SECURE_CTRLCONN (SAFE/PRIVATE refuse CCC). @default ControlProtection.PRIVATE */
  readonly controlProtection?: ControlProtection;
  /** SECURE_SESSION_REUSE. @default SessionReusePolicy.REQUIRED */
  readonly sessionReuse?: SessionReusePolicy;
  /** CIPHERSUITE statements (native) or TTLSCipherParms (AT-TLS), in preference order. @default RECOMMENDED (ATTLS) / NATIVE (FTP) */
  readonly cipherSuites?: CipherSuitePolicy;
  /** Protocol versions (AT-TLS switches; native TLS only has SSLV3). @default TLS 1.2 and 1.3 */
  readonly tlsVersions?: readonly TlsVersion[];
  /** SECURE_PBSZ (Kerberos protected-buffer size; TLS always uses PBSZ 0). Written only when set or with AUTH_GSSAPI. @default 16384 */
  readonly securePbsz?: number;
  /** TLSTIMEOUT, seconds a native-TLS session stays resumable. @default 3600 */
  readonly tlsTimeoutSeconds?: number;
  /** Implicit TLS: TLSPORT and SECUREIMPLICITZOS. @default none (TLSPORT 0) */
  readonly implicitTls?: { readonly port: number; readonly greetingBeforeHandshake?: boolean };
  /** The FTPD control port (PORT start parameter and TCP/IP PORT reservation). @default 21 */
  readonly controlPort?: number;
  /** PASSIVEDATAPORTS range. @default any ephemeral port */
  readonly passiveDataPorts?: { readonly low: number; readonly high: number };
  /** INACTIVE, seconds. @default 300 */
  readonly inactivitySeconds?: number;
  /** DATACTTIME, seconds. @default 120 */
  readonly dataConnectionTimeoutSeconds?: number;
  readonly system?: ZosSystemProps;
  readonly attls?: AttlsProps;
  readonly host?: HostProps;
  readonly users?: readonly FtpUser[];
  /**
   * scrypt cost of the users' password verifiers in users.json. Lower it only to match a
   * peer's hash cost in a benchmark (vsftpd's SHA-512-crypt is ~1 ms): every halving of N
   * halves the work of guessing a password from a stolen users.json.
   * @default N 2^14, r 8, p 1 (~16 MiB, tens of milliseconds per verify)
   */
  readonly passwordHashCost?: { readonly N: number; readonly r: number; readonly p: number };
}

/** Effective values after defaults, shared by the renderers. */
interface Resolved {
  mechanism: TlsMechanism;
  rfcLevel: TlsRfcLevel;
  extensions: readonly Extension[];
  secureFtp: SecureFtp;
  clientAuth: ClientAuthLevel;
  verifyUser: boolean;
  data: DataProtection;
  control: ControlProtection;
  reuse: SessionReusePolicy;
  ciphers: CipherSuitePolicy;
  versions: readonly TlsVersion[];
  pbsz: number;
  tlsTimeout: number;
  implicit?: { port: number; greetingBeforeHandshake: boolean };
  controlPort: number;
  passive?: { low: number; high: number };
  inactive: number;
  dataCtTime: number;
  sysname: string;
  procName: string;
  daemonJobName: string;
  tcpipJobName: string;
  release: ZosRelease;
}

export class SecureFtpServer extends Construct {
  readonly keyRing: KeyRing;
  private readonly users: FtpUser[];
  private readonly acks: { ruleId: string; reason: string }[] = [];
  private readonly r: Resolved;

  constructor(scope: Construct, id: string, readonly props: SecureFtpServerProps) {
    super(scope, id);
    this.keyRing = props.keyRing;
    this.users = [...(props.users ?? [])];
    const mechanism = props.tlsMechanism ?? TlsMechanism.ATTLS;
    const procName = (props.system?.procName ?? 'FTPD').toUpperCase();
    this.r = {
      mechanism,
      rfcLevel: props.tlsRfcLevel ?? TlsRfcLevel.RFC4217,
      extensions: props.extensions ?? [Extension.AUTH_TLS, Extension.SIZE, Extension.MDTM, Extension.UTF8, Extension.REST_STREAM],
      secureFtp: props.secureFtp ?? SecureFtp.REQUIRED,
      clientAuth: props.clientAuth ?? ClientAuthLevel.NONE,
      verifyUser: props.verifyUser ?? false,
      data: props.dataProtection ?? DataProtection.PRIVATE,
      control: props.controlProtection ?? ControlProtection.PRIVATE,
      reuse: props.sessionReuse ?? SessionReusePolicy.REQUIRED,
      ciphers: props.cipherSuites ?? (mechanism === TlsMechanism.FTP ? CipherSuitePolicy.NATIVE : CipherSuitePolicy.RECOMMENDED),
      versions: props.tlsVersions ?? [TlsVersion.TLS1_2, TlsVersion.TLS1_3],
      pbsz: props.securePbsz ?? 16384,
      tlsTimeout: props.tlsTimeoutSeconds ?? 3600,
      implicit: props.implicitTls && { port: props.implicitTls.port, greetingBeforeHandshake: props.implicitTls.greetingBeforeHandshake ?? false },
      controlPort: props.controlPort ?? 21,
      passive: props.passiveDataPorts && { ...props.passiveDataPorts },
      inactive: props.inactivitySeconds ?? 300,
      dataCtTime: props.dataConnectionTimeoutSeconds ?? 120,
      sysname: (props.system?.sysname ?? 'SYS1').toUpperCase(),
      procName,
      daemonJobName: (props.system?.daemonJobName ?? (procName.length < 8 ? procName + '1' : procName)).toUpperCase(),
      tcpipJobName: (props.system?.tcpipJobName ?? 'TCPIP').toUpperCase(),
      release: props.system?.release?.value ?? '2.5',
    };
  }

  /** Adds a user the zftps server accepts. */
  addUser(user: FtpUser): void {
    this.users.push(user);
  }

  /**
   * Acknowledges a finding of the rule catalogue on this server, with the reason it is
   * accepted. It still prints, marked acknowledged, and no longer fails synth.
   */
  acknowledge(ruleId: string, reason: string): void {
    if (!reason || !reason.trim()) throw new Error(`acknowledge('${ruleId}') needs a reason`);
    this.acks.push({ ruleId, reason: reason.trim() });
  }

  get acknowledgements(): readonly { ruleId: string; reason: string }[] {
    return this.acks;
  }

  get ftpUsers(): readonly FtpUser[] {
    return this.users;
  }

  get tlsMechanism(): TlsMechanism { return this.r.mechanism; }
  get clientAuth(): ClientAuthLevel { return this.r.clientAuth; }
  get controlPort(): number { return this.r.controlPort; }
  get implicitTls() { return this.r.implicit; }

  /** What z/OS keeps outside FTP.DATA, for the rule catalogue. */
  get system() {
    const r = this.r;
    return {
      controlPort: r.controlPort,
      sysname: r.sysname,
      procName: r.procName,
      daemonJobName: r.daemonJobName,
      tcpipJobName: r.tcpipJobName,
      release: r.release,
      ttlsEnabledInStack: r.mechanism === TlsMechanism.ATTLS ? true : undefined,
    };
  }

  /** The level-3 profile EZB.FTP.<sysname>.<daemon>.PORT<n> (level 3 or VERIFYUSER TRUE). */
  get level3Profile(): string | undefined {
    if (this.r.clientAuth.level !== 3 && !this.r.verifyUser) return undefined;
    return `EZB.FTP.${this.r.sysname}.${this.r.daemonJobName}.PORT${this.r.controlPort}`;
  }

  /** Users permitted READ to the level-3 profile: those with a mapped client certificate. */
  get level3Permits(): string[] {
    const ids = new Set<string>();
    for (const c of this.keyRing.clientCertificates) if (c.props.userId) ids.add(c.props.userId.toUpperCase());
    for (const u of this.users) if (this.r.verifyUser) ids.add(u.name.toUpperCase());
    return [...ids].sort();
  }

  /** FTP.DATA as statements, every TLS statement written out. */
  ftpDataSpec(): FtpDataSpec {
    const r = this.r;
    const s = (keyword: string, args: (string | number)[], comment?: string): FtpDataStatementSpec => ({ keyword, args: args.map(String), comment });
    const native = r.mechanism === TlsMechanism.FTP;
    const statements: (FtpDataStatementSpec | { section: string })[] = [
      { section: 'Security extensions' },
      ...r.extensions.map((e) => s('EXTENSIONS', [e.value], EXTENSION_NOTES[e.value])),
      { section: 'TLS' },
      s('TLSMECHANISM', [r.mechanism.value], native ? 'FTP performs TLS (System SSL)' : 'AT-TLS performs TLS; FTP controls it'),
      s('TLSRFCLEVEL', [r.rfcLevel.value], RFC_NOTES[r.rfcLevel.value]),
    ];
    if (native) {
      statements.push(s('KEYRING', [this.keyRing.ringName.value], 'server key ring; default certificate used'));
      for (const name of r.ciphers.ftpDataNames()) statements.push(s('CIPHERSUITE', [name], 'in order of preference'));
      statements.push(s('TLSTIMEOUT', [r.tlsTimeout], 'seconds a TLS session stays resumable'));
      statements.push(s('SSLV3', [r.versions.includes(TlsVersion.SSLV3) ? 'TRUE' : 'FALSE'], 'SSLv3 is insecure'));
    }
    statements.push(
      s('SECURE_FTP', [r.secureFtp.value], r.secureFtp === SecureFtp.REQUIRED ? 'every login must use TLS' : 'clients choose TLS or not'),
      s('SECURE_LOGIN', [r.clientAuth.secureLogin], LOGIN_NOTES[r.clientAuth.level]),
      s('VERIFYUSER', [r.verifyUser ? 'TRUE' : 'FALSE'], 'check login users against the port profile'),
      s('SECURE_PASSWORD', [r.clientAuth.securePassword], r.clientAuth.passwordOptional ? 'a mapped certificate replaces the password' : 'a password is always required'),
      s('SECURE_DATACONN', [r.data.value], DATA_NOTES[r.data.value]),
      s('SECURE_CTRLCONN', [r.control.value], r.control === ControlProtection.CLEAR ? 'CCC may drop TLS on the control connection' : 'CCC refused (534)'),
      s('SECURE_SESSION_REUSE', [r.reuse.value], r.reuse === SessionReusePolicy.REQUIRED ? "data connections must resume the control session" : 'data connections may resume a session'),
      ...(this.props.securePbsz !== undefined || r.extensions.includes(Extension.AUTH_GSSAPI)
        ? [s('SECURE_PBSZ', [r.pbsz], 'Kerberos buffer size; TLS clients send PBSZ 0')]
        : []),
      s('TLSPORT', [r.implicit?.port ?? 0], r.implicit ? 'implicit TLS port' : 'no implicit TLS port'),
      s('SECUREIMPLICITZOS', [r.implicit && r.implicit.greetingBeforeHandshake ? 'TRUE' : 'FALSE'], r.implicit?.greetingBeforeHandshake ? '220 in clear, then the handshake' : 'handshake first, then 220'),
      { section: 'Connections' },
      s('INACTIVE', [r.inactive], 'seconds a control connection may idle'),
      s('DATACTTIME', [r.dataCtTime], 'seconds to wait on a data connection'),
    );
    if (r.passive) statements.push(s('PASSIVEDATAPORTS', [`(${r.passive.low},${r.passive.high})`], 'ports for PASV/EPSV'));
    const header = [
      `FTP.DATA for ${this.node.path}, written by zftps synth.`,
      `Control port ${r.controlPort} (FTPD start parameter PORT), daemon ${r.daemonJobName}.`,
      native ? '' : 'KEYRING, CIPHERSUITE, TLSTIMEOUT and SSLV3 are set in the AT-TLS policy.',
    ].filter(Boolean);
    return { header, statements };
  }

  /** Short, stable policy statement names (≤ 32 characters). */
  private policyName(suffix: string): string {
    const base = this.node.id.replace(/[^A-Za-z0-9_]/g, '_');
    const name = `zftps_${base}_${suffix}`;
    if (name.length <= 32) return name;
    const hash = [...this.node.path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36);
    return `${name.slice(0, 31 - suffix.length - hash.length - 1)}${hash}_${suffix}`.slice(0, 32);
  }

  /** The AT-TLS policy (TLSMECHANISM ATTLS), undefined for native TLS. */
  policySpec(): PolicySpec | undefined {
    const r = this.r;
    if (r.mechanism !== TlsMechanism.ATTLS) return undefined;
    const a = this.props.attls ?? {};
    const p = (key: string, ...values: (string | number)[]): PolicyParamSpec => ({ key, values: values.map(String) });
    const onOff = (b: boolean) => (b ? 'On' : 'Off');
    const clientAuth = r.clientAuth.level > 0;
    const group = this.policyName('grp');
    const env = this.policyName('env');
    const ciphers = this.policyName('ciphers');
    const gsk = this.policyName('gsk');
    const rule = (name: string, port: number, comment: string): PolicyStatementSpec => ({
      type: 'TTLSRule',
      name,
      comment,
      params: [
        { ...p('LocalPortRange', port), comment: 'the FTP server port' },
        p('Jobname', a.jobname ?? r.daemonJobName),
        p('Direction', 'Inbound'),
        p('Priority', a.priority ?? 255),
        p('TTLSGroupActionRef', group),
        p('TTLSEnvironmentActionRef', env),
      ],
    });
    const has = (v: TlsVersion) => onOff(r.versions.includes(v));
    const statements: PolicyStatementSpec[] = [rule(this.policyName('rule'), r.controlPort, `Control connections of ${this.node.path} (explicit TLS)`)];
    if (r.implicit) statements.push(rule(this.policyName('implicit'), r.implicit.port, 'Implicit TLS port (TLSPORT)'));
    statements.push(
      {
        type: 'TTLSGroupAction',
        name: group,
        params: [p('TTLSEnabled', 'On'), p('Trace', a.trace ?? 2), p('CtraceClearText', onOff(a.ctraceClearText ?? false))],
      },
      {
        type: 'TTLSEnvironmentAction',
        name: env,
        params: [
          { ...p('HandshakeRole', clientAuth ? 'ServerWithClientAuth' : 'Server'), comment: clientAuth ? 'SECURE_LOGIN REQUIRED/VERIFY_USER' : 'SECURE_LOGIN NO_CLIENT_AUTH' },
          { key: 'TTLSKeyringParms', block: { type: 'TTLSKeyringParms', params: [p('Keyring', this.keyRing.ringName.value)] } },
          {
            key: 'TTLSEnvironmentAdvancedParms',
            block: {
              type: 'TTLSEnvironmentAdvancedParms',
              params: [
                { ...p('ApplicationControlled', 'On'), comment: 'FTP starts TLS on AUTH' },
                { ...p('SecondaryMap', 'On'), comment: 'data connections use this policy' },
                p('SSLv2', 'Off'),
                p('SSLv3', has(TlsVersion.SSLV3)),
                p('TLSv1', has(TlsVersion.TLS1_0)),
                p('TLSv1.1', has(TlsVersion.TLS1_1)),
                p('TLSv1.2', has(TlsVersion.TLS1_2)),
                p('TLSv1.3', has(TlsVersion.TLS1_3)),
                p('CertificateLabel', this.keyRing.serverCertificateLabel),
                ...(clientAuth ? [p('ClientAuthType', (a.clientAuthType ?? ClientAuthType.REQUIRED).value)] : []),
                p('HandshakeTimeout', a.handshakeTimeoutSeconds ?? 10),
                p('ResetCipherTimer', a.resetCipherTimerMinutes ?? 0),
              ],
            },
          },
          p('TTLSCipherParmsRef', ciphers),
          p('TTLSGskAdvancedParmsRef', gsk),
        ],
      },
      {
        type: 'TTLSCipherParms',
        name: ciphers,
        comment: 'In order of preference; the server chooses',
        params: r.ciphers.attlsNames().map((n) => p('V3CipherSuites4Char', n)),
      },
      {
        type: 'TTLSGskAdvancedParms',
        name: gsk,
        params: [
          { ...p('GSK_V3_SESSION_TIMEOUT', a.sessionTimeoutSeconds ?? 86400), comment: 'seconds a session stays resumable' },
          p('GSK_SYSPLEX_SIDCACHE', onOff(a.sysplexSessionCache ?? false)),
        ],
      },
    );
    return { header: [`AT-TLS policy for ${this.node.path}, written by zftps synth.`], statements };
  }

  /** Where TTLSConfig points on z/OS. */
  get policyPath(): string {
    return this.props.attls?.policyPath ?? `/etc/pagent/${this.node.id}.attls.conf`;
  }

  /** The Policy Agent image file snippet (TTLSConfig). */
  policyAgentConfig(): string | undefined {
    if (this.r.mechanism !== TlsMechanism.ATTLS) return undefined;
    return [
      `# Policy Agent image file for stack ${this.r.tcpipJobName}: ${this.node.path}`,
      '# Main file (/etc/pagent.conf) names this image file:',
      `#   TcpImage ${this.r.tcpipJobName} /etc/pagent/${this.r.tcpipJobName.toLowerCase()}.image.conf FLUSH PURGE 600`,
      `TTLSConfig ${this.policyPath} FLUSH PURGE`,
      '# After a change: F PAGENT,REFRESH',
      '',
    ].join('\n');
  }

  /** TCP/IP profile snippet: TCPCONFIG TTLS and the port reservations. */
  tcpipProfile(): string {
    const r = this.r;
    const lines = [`; TCP/IP profile statements for ${this.node.path}, written by zftps synth.`];
    if (r.mechanism === TlsMechanism.ATTLS) lines.push('TCPCONFIG TTLS                ; enable AT-TLS in the stack');
    lines.push(`PORT ${String(r.controlPort).padEnd(5)} TCP ${r.daemonJobName.padEnd(8)}        ; FTP control port`);
    if (r.implicit) lines.push(`PORT ${String(r.implicit.port).padEnd(5)} TCP ${r.daemonJobName.padEnd(8)}        ; FTP implicit TLS port`);
    lines.push(`PORT 20    TCP OMVS     NOAUTOLOG ; FTP active-mode data port`);
    return lines.join('\n') + '\n';
  }

  /** The zftps server's own config (paths filled in by synth). */
  hostSettings(): Omit<ServerConfigFile, 'ftpData' | 'policy' | 'userRegistry' | 'keyRings'> {
    const h = this.props.host ?? {};
    return {
      version: 1,
      id: this.node.id,
      listen: { host: h.listenHost ?? '127.0.0.1', port: h.listenPort ?? this.r.controlPort, implicitPort: this.r.implicit?.port ?? null },
      system: { sysname: this.r.sysname, daemonJobName: this.r.daemonJobName, controlPort: this.r.controlPort },
      root: h.storageRoot ?? `../../zftps-data/${this.node.id}`,
      ...(h.passiveAddress ? { passiveAddress: h.passiveAddress } : {}),
      limits: { ...SERVER_CONFIG_DEFAULT_LIMITS, ...(h.limits ?? {}) },
      restOnProtectedSession: h.restOnProtectedSession ?? 'allow',
      reuseFailureReply: h.reuseFailureReply ?? 425,
    };
  }
}

const EXTENSION_NOTES: Record<string, string> = {
  AUTH_TLS: 'accept AUTH TLS',
  AUTH_GSSAPI: 'accept AUTH GSSAPI (Kerberos)',
  SIZE: 'SIZE command',
  MDTM: 'MDTM command',
  UTF8: 'UTF-8 path names, LANG',
  REST_STREAM: 'REST STREAM (resume)',
};
const RFC_NOTES: Record<string, string> = {
  DRAFT: 'Internet-draft level: no CCC',
  RFC4217: 'RFC 4217: AUTH/CCC any time, REIN',
  CCCNONOTIFY: 'RFC 4217, no close_notify after CCC',
};
const LOGIN_NOTES: Record<number, string> = {
  0: 'server authentication only',
  1: 'level 1: client certificate required',
  2: 'level 2: certificate mapped to the user',
  3: 'level 3: and permitted by the port profile',
};
const DATA_NOTES: Record<string, string> = {
  NEVER: 'data always clear; PROT P refused',
  CLEAR: 'client decides (PROT C or P)',
  SAFE: 'data enciphered (as PRIVATE for TLS)',
  PRIVATE: 'data must be enciphered (PROT P)',
};
