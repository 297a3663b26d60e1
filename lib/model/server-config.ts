/**
 * zftps-server.json (role serverConfig): what the zftps server needs that z/OS
 * has no FTP.DATA statement for. TLS behaviour itself comes from FTP.DATA and the
 * AT-TLS policy; this file only says where things are and how the host differs.
 * Paths are relative to this file's folder unless absolute.
 */
export interface KeyRingFiles {
  /** PEM private key of the server certificate. */
  readonly key: string;
  /** PEM chain: server certificate first, then intermediates. */
  readonly certificate: string;
  /** Certificate label (AT-TLS CertificateLabel selects by it); the ring's default when only one. */
  readonly label: string;
  /** PEM CA certificates trusted for client certificates (the server trust list's CAs). */
  readonly trustedCas?: string;
  /** PEM self-signed client certificates, matched by fingerprint only (never used as trust anchors). */
  readonly trustedSelfSigned?: string;
}

export interface ServerConfigFile {
  readonly version: 1;
  /** Server id (construct id). */
  readonly id: string;
  readonly ftpData: string;
  readonly policy?: string;
  readonly userRegistry: string;
  /** Key files for each ring name that FTP.DATA KEYRING or the policy's Keyring may name. */
  readonly keyRings: Readonly<Record<string, KeyRingFiles>>;
  readonly listen: {
    /** Address to bind; default 127.0.0.1. */
    readonly host: string;
    /** Explicit-TLS control port (z/OS: FTPD PORT start parameter). */
    readonly port: number;
    /** Implicit TLS port; defaults to FTP.DATA TLSPORT when that is non-zero; null = no implicit listener. */
    readonly implicitPort?: number | null;
  };
  /** z/OS identity for the level-3 profile name. */
  readonly system: { readonly sysname?: string; readonly daemonJobName?: string; readonly controlPort: number };
  /** Storage root that holds the users' home folders. */
  readonly root: string;
  /** Address announced in PASV replies (NAT, load balancers); default: the control connection's local address. */
  readonly passiveAddress?: string;
  readonly limits: {
    readonly maxSessions: number;
    readonly maxSessionsPerAddress: number;
    readonly maxLoginFailures: number;
    readonly lockoutSeconds: number;
    readonly failedLoginDelayMs: number;
    readonly handshakeTimeoutSeconds: number;
    readonly maxCommandLength: number;
    readonly shutdownGraceSeconds: number;
  };
  /** z/OS refuses REST on protected sessions (504); zftps allows it unless this is 'refuse'. */
  readonly restOnProtectedSession: 'allow' | 'refuse';
  /** Reply code when a data connection fails SECURE_SESSION_REUSE REQUIRED (z/OS's is undocumented). */
  readonly reuseFailureReply: 425 | 522;
  readonly logging?: { readonly level?: 'debug' | 'info' | 'warn' | 'error'; readonly xferlog?: string };
  /** Ops HTTP endpoint: /livez, /readyz (503 while shutting down), /metrics (Prometheus). Host defaults to 127.0.0.1. */
  readonly ops?: { readonly host?: string; readonly port: number };
}

export const SERVER_CONFIG_DEFAULT_LIMITS: ServerConfigFile['limits'] = {
  maxSessions: 1000,
  maxSessionsPerAddress: 200,
  maxLoginFailures: 5,
  lockoutSeconds: 300,
  failedLoginDelayMs: 1000,
  handshakeTimeoutSeconds: 10,
  maxCommandLength: 4096,
  shutdownGraceSeconds: 30,
};
