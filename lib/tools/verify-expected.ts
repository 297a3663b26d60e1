/**
 * What a synth output says the server must do, as `zftps verify` checks it:
 * read through manifest.json by role, FTP.DATA and the AT-TLS policy parsed by
 * the same parsers synth and lint use, the policy read through policyView.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { InputError } from '../diagnostics';
import { parseFtpData } from '../formats/ftp-data';
import { parsePolicy } from '../formats/attls';
import { artifactPath, manifestServer, readManifest } from '../manifest';
import { policyView, type ClientAuthType } from '../model/attls-view';
import { CIPHER_SUITES, lookupCipher, type CipherSuite } from '../model/cipher-suites';
import type { FtpDataConfig } from '../model/config';
import type { ServerConfigFile } from '../model/server-config';
import type { UserRegistryFile } from '../model/user-registry';

export type ProbeVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const PROBE_VERSIONS: readonly ProbeVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface ClientIdentity {
  readonly name: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly fingerprint256: string;
  /** The user ID users.json maps this certificate to, if any. */
  readonly userId?: string;
}

export interface ExpectedConfig {
  readonly serverId: string;
  readonly ftp: FtpDataConfig;
  /** Where each value came from, for messages: 'FTP.DATA' or the policy file. */
  readonly tlsSource: string;
  /** Which versions the server must accept (switch on and a suite for it in the list). */
  readonly versions: Readonly<Record<ProbeVersion, boolean>>;
  /** Why a version is expected off although its switch is on (e.g. no TLS 1.3 suite in the list). */
  readonly versionNotes: Readonly<Partial<Record<ProbeVersion, string>>>;
  /** Configured suites in preference order; undefined = not coded (System SSL's default list, order not checked). */
  readonly tls12Suites?: readonly CipherSuite[];
  readonly tls13Suites?: readonly CipherSuite[];
  /** AT-TLS ClientAuthType Required/SAFCheck: the handshake itself fails without a certificate. */
  readonly handshakeNeedsClientCert: boolean;
  readonly clientAuthType?: ClientAuthType;
  /** 0 none, 1 SECURE_LOGIN REQUIRED, 2 VERIFY_USER. */
  readonly clientAuthLevel: 0 | 1 | 2;
  readonly serverCertPem: string;
  readonly serverFingerprint256: string;
  readonly serverKeyType: string;
  /** PEM CA certificates a client trusts the server with (clientTrustBundle). */
  readonly clientTrustPems: readonly string[];
  readonly clients: readonly ClientIdentity[];
  readonly userNames: readonly string[];
  /** Configured implicit port (TLSPORT, 0 = none) and SECUREIMPLICITZOS. */
  readonly implicitPort: number;
  readonly implicitGreetingFirst: boolean;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function pems(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

function failOnErrors(findings: readonly { severity: string; message: string; location?: { file: string; line?: number } }[], file: string): void {
  const e = findings.find((f) => f.severity === 'error');
  if (e) throw new InputError(`${e.location ? `${e.location.file}:${e.location.line ?? 1}` : file}: ${e.message}`);
}

/** Reads a synth output folder into what verify expects of the running server. */
export function loadExpected(outdir: string, serverId?: string): ExpectedConfig {
  const manifest = readManifest(outdir);
  const server = manifestServer(manifest, serverId);
  const path = (role: Parameters<typeof artifactPath>[2], filter = {}) => artifactPath(outdir, server, role, filter);
  const optional = (role: Parameters<typeof artifactPath>[2], filter = {}) => (server.artifacts.some((a) => a.role === role) ? path(role, filter) : undefined);

  const ftpFile = path('ftpData');
  const ftpParsed = parseFtpData(read(ftpFile), ftpFile);
  failOnErrors(ftpParsed.findings, ftpFile);
  const ftp = ftpParsed.value;
  const config = JSON.parse(read(path('serverConfig'))) as ServerConfigFile;
  const registry = JSON.parse(read(path('userRegistry'))) as UserRegistryFile;

  const certArtifact = server.artifacts.find((a) => a.role === 'serverCertificate' && a.kind === 'certificate') ?? server.artifacts.find((a) => a.role === 'serverCertificate');
  if (!certArtifact) throw new InputError(`server '${server.id}' has no serverCertificate artifact`);
  const serverCertPem = pems(read(path('serverCertificate', { path: certArtifact.path })))[0];
  if (!serverCertPem) throw new InputError(`${certArtifact.path}: no PEM certificate`);
  const serverCert = new X509Certificate(serverCertPem);
  const trustFile = optional('clientTrustBundle');
  const clientTrustPems = trustFile ? pems(read(trustFile)) : [];

  const clients: ClientIdentity[] = [];
  for (const a of server.artifacts.filter((x) => x.role === 'clientIdentity' && x.kind === 'certificate')) {
    const key = server.artifacts.find((x) => x.role === 'clientIdentity' && x.client === a.client && x.kind === 'key');
    if (!key || !a.client) continue; // a certificate registered without its key cannot log in from here
    const certPem = read(path('clientIdentity', { path: a.path }));
    const fingerprint256 = new X509Certificate(certPem).fingerprint256.toUpperCase();
    const mapping = registry.certificateMappings.find((m) => m.fingerprint256?.toUpperCase() === fingerprint256);
    clients.push({ name: a.client, certPem, keyPem: read(path('clientIdentity', { path: key.path })), fingerprint256, userId: mapping?.userId });
  }

  const level = ftp.secureLogin.value === 'NO_CLIENT_AUTH' ? 0 : ftp.secureLogin.value === 'REQUIRED' ? 1 : 2;
  const base = {
    serverId: server.id,
    ftp,
    clientAuthLevel: level as 0 | 1 | 2,
    serverCertPem,
    serverFingerprint256: serverCert.fingerprint256.toUpperCase(),
    serverKeyType: serverCert.publicKey.asymmetricKeyType ?? 'unknown',
    clientTrustPems,
    clients,
    userNames: registry.users.map((u) => u.name),
    implicitPort: ftp.tlsPort.value,
    implicitGreetingFirst: ftp.secureImplicitZos.value,
  };

  if (ftp.tlsMechanism.value === 'ATTLS') {
    const policyFile = path('attlsPolicy');
    const parsed = parsePolicy(read(policyFile), policyFile);
    failOnErrors(parsed.findings, policyFile);
    const controlPort = config.system?.controlPort ?? config.listen.port;
    const view = policyView(parsed.value, controlPort, { jobName: config.system?.daemonJobName });
    if (!view.rule) throw new InputError(`${policyFile}: no TTLSRule maps inbound connections to port ${controlPort}`);
    const suites = view.ciphers.explicit ? view.ciphers.suites.map((c) => c.suite) : undefined;
    const versions = {} as Record<ProbeVersion, boolean>;
    const versionNotes: Partial<Record<ProbeVersion, string>> = {};
    for (const v of PROBE_VERSIONS) {
      const on = view.protocols[v].value;
      const hasSuite = !suites || suites.some((s) => s.versions.includes(v));
      versions[v] = on && hasSuite;
      if (on && !hasSuite) versionNotes[v] = `${v} is On but the cipher list has no ${v} suite`;
    }
    const auth = view.handshakeRole.value === 'ServerWithClientAuth' ? view.clientAuthType.value : undefined;
    return {
      ...base,
      tlsSource: policyFile,
      versions,
      versionNotes,
      tls12Suites: suites?.filter((s) => s.versions.includes('TLSv1.2')),
      tls13Suites: suites?.filter((s) => s.keyExchange === 'TLS13'),
      handshakeNeedsClientCert: auth === 'Required' || auth === 'SAFCheck',
      clientAuthType: auth,
    };
  }

  // TLSMECHANISM FTP: CIPHERSUITE statements (TLS 1.2-and-earlier suites only); TLS 1.2, and 1.3 only without them.
  const coded = ftp.cipherSuites.map((c) => lookupCipher(c.value)).filter((s): s is CipherSuite => !!s);
  const tls12Suites = ftp.cipherSuites.length ? coded.filter((s) => s.versions.includes('TLSv1.2')) : undefined;
  return {
    ...base,
    tlsSource: ftpFile,
    versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': !ftp.cipherSuites.length },
    versionNotes: ftp.cipherSuites.length ? { 'TLSv1.3': 'CIPHERSUITE names only TLS 1.2-and-earlier suites' } : {},
    tls12Suites,
    tls13Suites: undefined,
    handshakeNeedsClientCert: false,
  };
}

/** Suites a client with Node's OpenSSL can offer for `version`, usable with the server's key type. */
export function offerableSuites(version: 'TLSv1.2' | 'TLSv1.3', keyType: string): CipherSuite[] {
  return CIPHER_SUITES.filter((s) => s.openssl && s.versions.includes(version) && fitsKey(s, keyType));
}

export function fitsKey(s: CipherSuite, keyType: string): boolean {
  if (s.authentication === 'any') return true;
  return s.authentication === 'RSA' ? keyType === 'rsa' || keyType === 'rsa-pss' : keyType === 'ec';
}
