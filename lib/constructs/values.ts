/**
 * Enum-like value classes for the typed props. Each wraps the exact z/OS
 * keyword it renders to, so a program reads like the FTP.DATA it produces.
 */
import type {
  Extension as ExtensionValue,
  SecureCtrlConnValue,
  SecureDataConnValue,
  SecureFtpValue,
  SecureLoginValue,
  SecurePasswordValue,
  SessionReuseValue,
  TlsMechanismValue,
  TlsRfcLevelValue,
  ZosRelease,
} from '../model/config';

/** TLSMECHANISM: who performs TLS. */
export class TlsMechanism {
  /** AT-TLS in the TCP/IP stack, FTP as a controlling application — IBM's recommended way. */
  static readonly ATTLS = new TlsMechanism('ATTLS');
  /** The FTP server itself through System SSL (deprecated by IBM for the server). */
  static readonly FTP = new TlsMechanism('FTP');
  private constructor(readonly value: TlsMechanismValue) {}
  toString() { return this.value; }
}

/** TLSRFCLEVEL: which text of "Securing FTP with TLS" the server follows. */
export class TlsRfcLevel {
  /** The Internet-draft behaviour z/OS has had since V1R2 (no CCC). */
  static readonly DRAFT = new TlsRfcLevel('DRAFT');
  /** RFC 4217: AUTH and CCC at any time, REIN clears TLS. */
  static readonly RFC4217 = new TlsRfcLevel('RFC4217');
  /** RFC 4217 without the close_notify exchange after CCC (native TLS only). */
  static readonly CCCNONOTIFY = new TlsRfcLevel('CCCNONOTIFY');
  private constructor(readonly value: TlsRfcLevelValue) {}
  toString() { return this.value; }
}

/** SECURE_FTP: must every login use a security mechanism? */
export class SecureFtp {
  static readonly REQUIRED = new SecureFtp('REQUIRED');
  /** Clients decide (TLS or none). Weaker; yields a warning. */
  static readonly ALLOWED = new SecureFtp('ALLOWED');
  private constructor(readonly value: SecureFtpValue) {}
  toString() { return this.value; }
}

/** SECURE_DATACONN: the minimum protection of data connections. */
export class DataProtection {
  /** Data must be enciphered (PROT P); PROT C is refused with 536. */
  static readonly PRIVATE = new DataProtection('PRIVATE');
  /** For TLS the same as PRIVATE (Kerberos: integrity only allowed). */
  static readonly SAFE = new DataProtection('SAFE');
  /** The client decides. */
  static readonly CLEAR = new DataProtection('CLEAR');
  /** Data must be clear; PROT P is refused. */
  static readonly NEVER = new DataProtection('NEVER');
  private constructor(readonly value: SecureDataConnValue) {}
  toString() { return this.value; }
}

/** SECURE_CTRLCONN: the minimum protection of the control connection (SAFE/PRIVATE refuse CCC). */
export class ControlProtection {
  static readonly PRIVATE = new ControlProtection('PRIVATE');
  static readonly SAFE = new ControlProtection('SAFE');
  /** Lets clients drop TLS on the control connection with CCC (RFC4217 level). */
  static readonly CLEAR = new ControlProtection('CLEAR');
  private constructor(readonly value: SecureCtrlConnValue) {}
  toString() { return this.value; }
}

/** SECURE_SESSION_REUSE: must data connections resume the control connection's TLS session? */
export class SessionReusePolicy {
  /** Only the control connection's own session (blocks data-connection stealing). */
  static readonly REQUIRED = new SessionReusePolicy('REQUIRED');
  /** The control session or a previous data connection's, else a full handshake. */
  static readonly ALLOWED = new SessionReusePolicy('ALLOWED');
  private constructor(readonly value: Exclude<SessionReuseValue, 'NONE'>) {}
  toString() { return this.value; }
}

/** One EXTENSIONS value. */
export class Extension {
  static readonly AUTH_TLS = new Extension('AUTH_TLS');
  static readonly AUTH_GSSAPI = new Extension('AUTH_GSSAPI');
  static readonly SIZE = new Extension('SIZE');
  static readonly MDTM = new Extension('MDTM');
  static readonly UTF8 = new Extension('UTF8');
  static readonly REST_STREAM = new Extension('REST_STREAM');
  static readonly ALL: readonly Extension[] = [
    Extension.AUTH_TLS, Extension.AUTH_GSSAPI, Extension.SIZE, Extension.MDTM, Extension.UTF8, Extension.REST_STREAM,
  ];
  private constructor(readonly value: ExtensionValue) {}
  toString() { return this.value; }
}

/**
 * Client authentication: SECURE_LOGIN (+ SECURE_PASSWORD, + the level-3 SERVAUTH profile).
 *
 * - `NONE`: server authentication only (SECURE_LOGIN NO_CLIENT_AUTH).
 * - `LEVEL_1`: the client must present a certificate the ring trusts (SECURE_LOGIN REQUIRED).
 * - `LEVEL_2`: also registered and mapped to the login user ID (SECURE_LOGIN VERIFY_USER).
 * - `LEVEL_3`: also permitted READ to EZB.FTP.<sysname>.<daemon>.PORT<n> in SERVAUTH.
 * `.withoutPassword()` lets a mapped certificate replace the password (SECURE_PASSWORD OPTIONAL).
 */
export class ClientAuthLevel {
  static readonly NONE = new ClientAuthLevel(0, 'NO_CLIENT_AUTH', false);
  static readonly LEVEL_1 = new ClientAuthLevel(1, 'REQUIRED', false);
  static readonly LEVEL_2 = new ClientAuthLevel(2, 'VERIFY_USER', false);
  static readonly LEVEL_3 = new ClientAuthLevel(3, 'VERIFY_USER', false);
  private constructor(
    readonly level: 0 | 1 | 2 | 3,
    readonly secureLogin: SecureLoginValue,
    readonly passwordOptional: boolean,
  ) {}
  /** The same level with SECURE_PASSWORD OPTIONAL: a registered certificate replaces the password. */
  withoutPassword(): ClientAuthLevel {
    return new ClientAuthLevel(this.level, this.secureLogin, true);
  }
  get securePassword(): SecurePasswordValue {
    return this.passwordOptional ? 'OPTIONAL' : 'REQUIRED';
  }
  toString() { return `level ${this.level}${this.passwordOptional ? ' (password optional)' : ''}`; }
}

/** AT-TLS ClientAuthType (with HandshakeRole ServerWithClientAuth). */
export class ClientAuthType {
  static readonly REQUIRED = new ClientAuthType('Required');
  static readonly FULL = new ClientAuthType('Full');
  static readonly PASSTHRU = new ClientAuthType('PassThru');
  static readonly SAFCHECK = new ClientAuthType('SAFCheck');
  private constructor(readonly value: 'Required' | 'Full' | 'PassThru' | 'SAFCheck') {}
  toString() { return this.value; }
}

/** TLS protocol versions. */
export class TlsVersion {
  static readonly SSLV3 = new TlsVersion('SSLv3');
  static readonly TLS1_0 = new TlsVersion('TLSv1');
  static readonly TLS1_1 = new TlsVersion('TLSv1.1');
  static readonly TLS1_2 = new TlsVersion('TLSv1.2');
  static readonly TLS1_3 = new TlsVersion('TLSv1.3');
  static readonly ALL: readonly TlsVersion[] = [TlsVersion.SSLV3, TlsVersion.TLS1_0, TlsVersion.TLS1_1, TlsVersion.TLS1_2, TlsVersion.TLS1_3];
  private constructor(readonly value: 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3') {}
  toString() { return this.value; }
}

/** The z/OS release a configuration targets (release-dependent rules speak from it). */
export class ZosVersion {
  static readonly V2R3 = new ZosVersion('2.3');
  static readonly V2R4 = new ZosVersion('2.4');
  static readonly V2R5 = new ZosVersion('2.5');
  static readonly V3R1 = new ZosVersion('3.1');
  static readonly V3R2 = new ZosVersion('3.2');
  static of(release: ZosRelease) { return new ZosVersion(release); }
  private constructor(readonly value: ZosRelease) {}
  toString() { return `z/OS ${this.value}`; }
}
