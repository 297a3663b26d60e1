/**
 * The normalized configuration: what one FTP server is configured to do, as the
 * rules, the server and the operator tools see it. Both entry points produce it:
 * constructs → rendered FTP.DATA + policy → parsed, and hand-written files → parsed.
 * Going through the text on both paths means lint and synth can never disagree.
 */
import type { SourceLocation } from '../diagnostics';

// ---- value sets (the typed constructs wrap these in enum-like classes) ----
export type Extension = 'AUTH_TLS' | 'AUTH_GSSAPI' | 'SIZE' | 'MDTM' | 'UTF8' | 'REST_STREAM';
export type TlsMechanismValue = 'FTP' | 'ATTLS';
export type TlsRfcLevelValue = 'DRAFT' | 'RFC4217' | 'CCCNONOTIFY';
export type SecureFtpValue = 'ALLOWED' | 'REQUIRED';
export type SecureLoginValue = 'NO_CLIENT_AUTH' | 'REQUIRED' | 'VERIFY_USER';
export type SecurePasswordValue = 'REQUIRED' | 'OPTIONAL';
export type SecureDataConnValue = 'NEVER' | 'CLEAR' | 'SAFE' | 'PRIVATE';
export type SecureCtrlConnValue = 'CLEAR' | 'SAFE' | 'PRIVATE';
export type SessionReuseValue = 'ALLOWED' | 'REQUIRED' | 'NONE';

/** One statement as written in FTP.DATA (every statement, TLS or not, known or not). */
export interface FtpDataStatement {
  /** Upper-cased keyword. */
  readonly keyword: string;
  /** Value tokens as written (case kept). */
  readonly args: readonly string[];
  readonly location: SourceLocation;
  /** The comment attached to the statement (trailing, or the comment lines right above it). */
  readonly comment?: string;
}

/** A typed setting: its effective value, whether it was coded, and where. */
export interface Setting<T> {
  readonly value: T;
  /** false = the z/OS default applies because no (valid) statement was coded. */
  readonly explicit: boolean;
  readonly location?: SourceLocation;
}

/** The effective FTP.DATA server settings that the rules and the server use. */
export interface FtpDataConfig {
  /** File name as shown in findings. */
  readonly file: string;
  /** Every statement in order, including non-TLS and unknown ones. */
  readonly statements: readonly FtpDataStatement[];
  /** One entry per EXTENSIONS statement (valid values only). */
  readonly extensions: readonly Setting<Extension>[];
  readonly tlsMechanism: Setting<TlsMechanismValue>;
  readonly tlsRfcLevel: Setting<TlsRfcLevelValue>;
  readonly keyring: Setting<string | undefined>;
  readonly secureFtp: Setting<SecureFtpValue>;
  readonly secureLogin: Setting<SecureLoginValue>;
  readonly verifyUser: Setting<boolean>;
  readonly securePassword: Setting<SecurePasswordValue>;
  /** CIPHERSUITE statements in order (names as written, upper-cased). */
  readonly cipherSuites: readonly Setting<string>[];
  readonly secureDataConn: Setting<SecureDataConnValue>;
  readonly secureCtrlConn: Setting<SecureCtrlConnValue>;
  readonly securePbsz: Setting<number>;
  readonly secureSessionReuse: Setting<SessionReuseValue>;
  /** 0 = implicit TLS port disabled. */
  readonly tlsPort: Setting<number>;
  readonly secureImplicitZos: Setting<boolean>;
  /** Seconds a cached TLS session stays resumable. */
  readonly tlsTimeout: Setting<number>;
  readonly sslv3: Setting<boolean>;
  /** PASSIVEDATAPORTS (low, high), undefined = any ephemeral port. */
  readonly passiveDataPorts: Setting<{ readonly low: number; readonly high: number } | undefined>;
  /** INACTIVE: seconds a control connection may idle (0 = no limit). */
  readonly inactive: Setting<number>;
  /** DATACTTIME: seconds to wait for data-connection activity. */
  readonly dataCtTime: Setting<number>;
  /** Acknowledgements written as `; zftps-ack RULE-ID reason` comments. */
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
  readonly location?: SourceLocation;
}

// ---- AT-TLS policy (Policy Agent) ----

/** A parameter inside a policy statement: `Key value`, or a nested block `Key [name] { ... }`. */
export interface PolicyParam {
  /** Parameter name as written (compare case-insensitively). */
  readonly key: string;
  /** Value tokens as written (names are case-sensitive). Empty for a nested block. */
  readonly values: readonly string[];
  /** Inline nested statement, e.g. TTLSKeyringParms { ... } inside TTLSEnvironmentAction. */
  readonly block?: PolicyStatement;
  readonly location: SourceLocation;
}

/** A statement: `Type name { params }` (top level) or an inline parameter group. */
export interface PolicyStatement {
  /** Statement type as written (compare case-insensitively), e.g. TTLSRule. */
  readonly type: string;
  /** User-defined name (case-sensitive); undefined for an unnamed inline group. */
  readonly name?: string;
  readonly params: readonly PolicyParam[];
  readonly location: SourceLocation;
}

export interface AttlsPolicy {
  readonly file: string;
  /** Top-level statements in file order. */
  readonly statements: readonly PolicyStatement[];
  readonly acknowledgements: readonly Acknowledgement[];
}

// ---- what z/OS keeps outside FTP.DATA ----

/** A z/OS release as `major.minor`, e.g. '2.4', '2.5', '3.1', '3.2'. */
export type ZosRelease = '2.1' | '2.2' | '2.3' | '2.4' | '2.5' | '3.1' | '3.2';

export interface SystemSettings {
  /** The FTPD control port (start parameter PORT and TCP/IP PORT reservation), default 21. */
  readonly controlPort: number;
  /** SYSCLONE/system name used in EZB.FTP.<sysname>.<daemon>.PORT<n>; undefined = not modelled. */
  readonly sysname?: string;
  /** FTPD cataloged procedure name, e.g. FTPD. */
  readonly procName?: string;
  /** Job name of the forked daemon (FTPD → FTPD1; 8-character names keep theirs). */
  readonly daemonJobName?: string;
  /** TCP/IP stack job name, e.g. TCPIP. */
  readonly tcpipJobName?: string;
  /** The release the configuration targets. */
  readonly release: ZosRelease;
  /** Whether TCPCONFIG TTLS is (to be) set in the TCP/IP profile; undefined = not modelled. */
  readonly ttlsEnabledInStack?: boolean;
}

// ---- key ring contents (what the rules check; issue "KeyRing" fills certificates) ----

export type KeyRingForm = 'saf' | 'saf-shared' | 'kdb' | 'token';

export interface CertificateFacts {
  readonly label: string;
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  readonly keyAlgorithm: 'RSA' | 'EC' | 'other';
  readonly keyBits?: number;
  readonly keyUsage: readonly string[];
  readonly extendedKeyUsage: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
  /** SHA-256 fingerprint, colon-separated upper-case hex (Node's fingerprint256 form). */
  readonly fingerprint256?: string;
}

export interface ClientCertificateFacts extends CertificateFacts {
  /** The user ID (≤ 8 chars) this certificate maps to, if any. */
  readonly userId?: string;
  /** Label of the CA that signed it (undefined for self-signed). */
  readonly signedBy?: string;
}

export interface KeyRingModel {
  /** Construct path or name used in findings. */
  readonly id: string;
  /** The ring name as written in KEYRING / Keyring. */
  readonly name: string;
  readonly form: KeyRingForm;
  /** The server's certificate (with private key), undefined if the ring has none. */
  readonly serverCertificate?: CertificateFacts & { readonly hasPrivateKey: boolean; readonly isDefault: boolean };
  /** CA certificates connected to the ring (trust anchors). */
  readonly certificateAuthorities: readonly (CertificateFacts & { readonly trusted: boolean })[];
  /** Client certificates known for client authentication. */
  readonly clientCertificates: readonly ClientCertificateFacts[];
  /** User IDs permitted READ to the level-3 profile EZB.FTP.<sys>.<daemon>.PORT<n>. */
  readonly level3Permits?: readonly string[];
  /** The SERVAUTH profile name the program defines for level 3, if any. */
  readonly level3Profile?: string;
  /** Warn when a certificate expires within this many days. */
  readonly expiryWarningDays: number;
}

/** Everything the rule catalogue looks at for one server. */
export interface ServerModel {
  /** Construct id (synth) or file name (lint). */
  readonly id: string;
  /** Construct path, on the synth path. */
  readonly path?: string;
  readonly ftpData: FtpDataConfig;
  /** Present when a policy was given (required with TLSMECHANISM ATTLS). */
  readonly policy?: AttlsPolicy;
  readonly system: SystemSettings;
  readonly keyRing?: KeyRingModel;
  /** Acknowledgements made in code (construct path). */
  readonly acknowledgements: readonly Acknowledgement[];
  /** The time the rules treat as now (expiry checks); fixed in tests. */
  readonly now: Date;
}
