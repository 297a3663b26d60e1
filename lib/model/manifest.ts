/**
 * manifest.json: the index of a synth output folder. Tools and tests find every
 * artifact through it, by server id and role, never by guessing file names.
 */
export type ArtifactRole =
  | 'ftpData'
  | 'attlsPolicy'
  | 'policyAgentConfig'
  | 'tcpipProfile'
  | 'serverConfig'
  | 'serverKey'
  | 'serverCertificate'
  | 'serverPkcs12'
  | 'pkcs12Password'
  | 'caCertificate'
  | 'clientTrustBundle'
  | 'serverTrustList'
  | 'clientIdentity'
  | 'racfCommands'
  | 'userRegistry'
  | 'imageContext'
  | 'trustGraph';

export interface ArtifactRecord {
  readonly role: ArtifactRole;
  /** Path relative to the synth output folder, with forward slashes. */
  readonly path: string;
  /** sha256 of the file's bytes (hex); for a folder artifact, of its sorted file list and hashes. */
  readonly sha256: string;
  /** For per-client artifacts (clientIdentity): the client's name. */
  readonly client?: string;
  /** What the file holds when a role has several files (e.g. 'key', 'certificate', 'pkcs12', 'job'). */
  readonly kind?: string;
  /** True for secrets (private keys, PKCS#12 passwords): written with mode 0600. */
  readonly sensitive?: boolean;
}

export interface ManifestServer {
  readonly id: string;
  readonly path: string;
  readonly artifacts: readonly ArtifactRecord[];
}

export interface Manifest {
  readonly version: 1;
  readonly generator: string;
  readonly servers: Readonly<Record<string, ManifestServer>>;
}

export const MANIFEST_FILE = 'manifest.json';
