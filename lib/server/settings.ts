/**
 * EffectiveSettings: everything the FTPS engine needs, as plain values. The
 * loader (load-config.ts) builds it from zftps-server.json + FTP.DATA (+ AT-TLS
 * policy) + users.json; tests build it directly. Nothing in here refers back to
 * the source files, so the engine never parses configuration itself.
 */
import type { SecureVersion } from 'node:tls';
import type {
  Extension,
  SecureCtrlConnValue,
  SecureDataConnValue,
  SecureFtpValue,
  SecureLoginValue,
  SecurePasswordValue,
  TlsMechanismValue,
  TlsRfcLevelValue,
} from '../model/config';
import type { CertificateMapping } from '../model/user-registry';

/** How the TLS layer asks for a client certificate. */
export type ClientCertMode =
  /** No CertificateRequest. */
  | 'none'
  /** Ask; the FTP layer decides (FTP.DATA SECURE_LOGIN, AT-TLS ClientAuthType Full/PassThru). */
  | 'request'
  /** The handshake itself fails without a certificate (AT-TLS ClientAuthType Required/SAFCheck). */
  | 'require';

export interface TlsSettings {
  /** PEM private key and chain of the server certificate. */
  readonly key: string;
  readonly cert: string;
  /** PEM CA certificates that client certificates may chain to. */
  readonly trustedCas: readonly string[];
  /** SHA-256 fingerprints (colon hex, upper case) of self-signed client certificates accepted as such. */
  readonly trustedSelfSigned: readonly string[];
  /** OpenSSL cipher string in server preference order, TLS 1.3 suites (TLS_*) included when allowed. */
  readonly ciphers: string;
  readonly minVersion: SecureVersion;
  readonly maxVersion: SecureVersion;
  /** Lifetime of a resumable session (TLSTIMEOUT / GSK_V3_SESSION_TIMEOUT), seconds. */
  readonly sessionTimeoutSeconds: number;
  readonly handshakeTimeoutMs: number;
  readonly clientCert: ClientCertMode;
}

export interface Level3Profile {
  /** EZB.FTP.<sysname>.<daemon>.PORT<n>, for messages. */
  readonly profile: string;
  readonly ports: readonly (number | '*')[];
  /** Upper-cased user IDs with READ. */
  readonly permitted: readonly string[];
}

export interface UserAccount {
  /** As typed on USER, compared case-insensitively. */
  readonly name: string;
  /** Absolute real path of the home folder. */
  readonly home: string;
  readonly canWrite: boolean;
  /** Verifies a password; absent = certificate-only login. */
  readonly password?: PasswordVerifier;
  /** True when the password is the documented demo default (refused off loopback). */
  readonly defaultPassword: boolean;
}

export type PasswordVerifier = (password: string) => Promise<boolean>;

export interface Limits {
  readonly maxSessions: number;
  readonly maxSessionsPerAddress: number;
  readonly maxLoginFailures: number;
  readonly lockoutSeconds: number;
  readonly failedLoginDelayMs: number;
  readonly maxCommandLength: number;
  readonly shutdownGraceSeconds: number;
  /** INACTIVE: control idle limit in seconds, 0 = none. */
  readonly inactiveSeconds: number;
  /** DATACTTIME: seconds to wait for a data connection or for data on it. */
  readonly dataTimeoutSeconds: number;
}

export interface EffectiveSettings {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  /** Implicit-TLS port (TLSPORT); undefined = no implicit listener. 0 = ephemeral (tests). */
  readonly implicitPort?: number;
  /** The port named in the level-3 profile check (z/OS: the port the daemon serves). */
  readonly controlPortForProfile?: number;
  readonly extensions: readonly Extension[];
  readonly mechanism: TlsMechanismValue;
  readonly rfcLevel: TlsRfcLevelValue;
  readonly secureFtp: SecureFtpValue;
  readonly secureLogin: SecureLoginValue;
  readonly securePassword: SecurePasswordValue;
  readonly secureDataConn: SecureDataConnValue;
  readonly secureCtrlConn: SecureCtrlConnValue;
  /** SECURE_SESSION_REUSE; NONE is a client-only value and never reaches the server. */
  readonly sessionReuse: 'ALLOWED' | 'REQUIRED';
  readonly secureImplicitZos: boolean;
  /** Present when AUTH_TLS is enabled. */
  readonly tls?: TlsSettings;
  readonly users: readonly UserAccount[];
  readonly certificateMappings: readonly CertificateMapping[];
  readonly level3?: Level3Profile;
  readonly passiveAddress?: string;
  readonly passivePorts?: { readonly low: number; readonly high: number };
  readonly limits: Limits;
  readonly restOnProtectedSession: 'allow' | 'refuse';
  readonly reuseFailureReply: 425 | 522;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly xferlog?: string;
  /** The ops HTTP endpoint (/livez, /readyz, /metrics); absent = none. Host defaults to 127.0.0.1. */
  readonly ops?: { readonly host?: string; readonly port: number };
}

export const DEFAULT_LIMITS: Limits = {
  maxSessions: 1000,
  maxSessionsPerAddress: 200,
  maxLoginFailures: 5,
  lockoutSeconds: 300,
  failedLoginDelayMs: 1000,
  maxCommandLength: 4096,
  shutdownGraceSeconds: 30,
  inactiveSeconds: 300,
  dataTimeoutSeconds: 120,
};

export function hasExtension(s: EffectiveSettings, e: Extension): boolean {
  return s.extensions.includes(e);
}

/** SECURE_PASSWORD OPTIONAL only counts with client authentication (z/OS forces REQUIRED otherwise, EZYFS16I). */
export function passwordOptional(s: EffectiveSettings): boolean {
  return s.securePassword === 'OPTIONAL' && s.secureLogin !== 'NO_CLIENT_AUTH';
}
