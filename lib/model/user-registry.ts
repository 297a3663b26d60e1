/**
 * users.json (role userRegistry): who may log in to the zftps server, how each
 * proves it, and which client certificates map to which user ID — the zftps
 * stand-in for RACF's user profiles, RACDCERT mappings and the level-3 profile.
 */
export interface ScryptHash {
  readonly kdf: 'scrypt';
  /** CPU/memory cost N (power of two), block size r, parallelism p. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** base64 */
  readonly salt: string;
  /** base64, 32 bytes */
  readonly hash: string;
}

export interface RegistryUser {
  /** Login name as typed on USER; compared case-insensitively like a z/OS user ID. */
  readonly name: string;
  /** Home folder, relative to the server's storage root. */
  readonly home: string;
  /** Password verifier; absent = no password login (certificate-only, SECURE_PASSWORD OPTIONAL). */
  readonly password?: ScryptHash;
  /**
   * Read the password from this environment variable at server start instead
   * (hashed in memory then). `password`, when present too, is the hash of the
   * documented default used when the variable is unset; the server then refuses
   * to listen on anything but loopback.
   */
  readonly passwordEnv?: string;
  /** Write access (STOR, DELE, MKD, RMD, RNFR/RNTO); default true. */
  readonly canWrite?: boolean;
}

/** One RACDCERT ADD (fingerprint) or MAP (subject/issuer filter) equivalent. */
export interface CertificateMapping {
  readonly userId: string;
  /** Exact leaf certificate: SHA-256 fingerprint, colon-separated upper-case hex. */
  readonly fingerprint256?: string;
  /** Name filter like RACDCERT MAP SDNFILTER: every RDN given must match the subject (e.g. 'OU=FTP.O=Example'). */
  readonly subjectFilter?: string;
  /** Like IDNFILTER: every RDN given must match the issuer. */
  readonly issuerFilter?: string;
  /** Issuer certificate's SHA-256 fingerprint, so a filter never matches a certificate from another CA. */
  readonly issuerFingerprint256?: string;
}

export interface UserRegistryFile {
  readonly version: 1;
  readonly users: readonly RegistryUser[];
  readonly certificateMappings: readonly CertificateMapping[];
  /** Level 3: EZB.FTP.<sysname>.<daemon>.PORT<n> and who has READ; absent = no profile (no check, as z/OS). */
  readonly level3?: {
    readonly profile: string;
    /** Ports the profile covers ('*' = every port). */
    readonly ports: readonly (number | '*')[];
    readonly permitted: readonly string[];
  };
}
