/**
 * CipherSuitePolicy: an ordered cipher list (most preferred first), rendered as
 * CIPHERSUITE statements (native TLS) or a TTLSCipherParms group (AT-TLS).
 * Entries may be named in any form z/OS or OpenSSL users know: the FTP.DATA name
 * (SSL_AES_256_SHA), the 2- or 4-character code (35, 0035), the IANA/AT-TLS
 * constant (TLS_RSA_WITH_AES_256_CBC_SHA) or the OpenSSL name (AES256-SHA).
 */
import { lookupCipher, type CipherSuite } from '../model/cipher-suites';

export class CipherSuitePolicy {
  /**
   * TLS 1.3 AES-GCM, then TLS 1.2 RSA key exchange with AES-GCM, then AES-CBC-SHA256 for
   * older clients. RSA key exchange only (the document: "Only RSA key exchange is supported").
   */
  static readonly RECOMMENDED = CipherSuitePolicy.of(
    'TLS_AES_256_GCM_SHA384',
    'TLS_AES_128_GCM_SHA256',
    'TLS_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_RSA_WITH_AES_256_CBC_SHA256',
    'TLS_RSA_WITH_AES_128_CBC_SHA256',
  );

  /** The strongest of the ten native CIPHERSUITE names (TLSMECHANISM FTP): AES-CBC with SHA-1. */
  static readonly NATIVE = CipherSuitePolicy.of('SSL_AES_256_SHA', 'SSL_AES_128_SHA');

  /** An ordered list; unknown names are kept as written so the rule catalogue can report them. */
  static of(...names: string[]): CipherSuitePolicy {
    if (names.length === 0) throw new Error('CipherSuitePolicy.of needs at least one cipher suite');
    return new CipherSuitePolicy(names);
  }

  private constructor(readonly names: readonly string[]) {}

  /** The suites this policy names, resolved through the cipher table (undefined = unknown name). */
  get suites(): readonly (CipherSuite | undefined)[] {
    return this.names.map((n) => lookupCipher(n));
  }

  /** Values for CIPHERSUITE statements: the FTP.DATA name, or the name as written when there is none. */
  ftpDataNames(): string[] {
    return this.names.map((n) => lookupCipher(n)?.ftpName ?? n);
  }

  /** Values for V3CipherSuites4Char: IANA constants (every suite has a 4-character code, so one keyword keeps one order). */
  attlsNames(): string[] {
    return this.names.map((n) => lookupCipher(n)?.iana ?? n);
  }

  toString() {
    return this.names.join(', ');
  }
}
