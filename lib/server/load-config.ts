/**
 * Builds EffectiveSettings from what synth wrote (zftps-server.json + FTP.DATA +
 * AT-TLS policy + users.json + key files), or from a hand-written z/OS
 * configuration (FTP.DATA [+ policy] + a keys folder).
 *
 * TLS settings come from where z/OS takes them: with TLSMECHANISM ATTLS from the
 * policy rule that maps the control port (as the TCP/IP stack would), with FTP
 * from FTP.DATA (CIPHERSUITE order, KEYRING, TLSTIMEOUT). A configured suite that
 * Node cannot offer stops start-up with an error naming it and its line.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { SecureVersion } from 'node:tls';
import * as tls from 'node:tls';
import { formatFinding, formatLocation, InputError, type Finding, type SourceLocation } from '../diagnostics';
import { parseFtpData } from '../formats/ftp-data';
import { parsePolicy } from '../formats/attls';
import { policyView, PROTOCOL_NAMES, type ProtocolName } from '../model/attls-view';
import { lookupCipher, toOpenSslCipherString, type CipherSuite } from '../model/cipher-suites';
import type { AttlsPolicy, FtpDataConfig } from '../model/config';
import { SERVER_CONFIG_DEFAULT_LIMITS, type KeyRingFiles, type ServerConfigFile } from '../model/server-config';
import type { UserRegistryFile } from '../model/user-registry';
import { plainVerifier, scryptVerifier } from './auth';
import { DEFAULT_LIMITS, type ClientCertMode, type EffectiveSettings, type TlsSettings, type UserAccount } from './settings';

export interface ConfigOverrides {
  readonly host?: string;
  readonly port?: number;
  /** null = no implicit listener. */
  readonly implicitPort?: number | null;
  readonly root?: string;
  readonly logLevel?: EffectiveSettings['logLevel'];
  /** Look every key ring file up in this folder by its file name (a container's mounted keys). */
  readonly keysDir?: string;
  /** Ops endpoint; null = none even when the file configures one. */
  readonly ops?: { readonly host?: string; readonly port: number } | null;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function readJson<T>(path: string, what: string): Promise<T> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new InputError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function failOnErrors(findings: readonly Finding[], what: string): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new InputError(`${what} has errors:\n${errors.map(formatFinding).join('\n')}`);
}

const VERSION_ORDER: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Ciphers for Node; throws naming every suite Node cannot offer. */
function openSslCiphers(suites: readonly { suite: CipherSuite; location?: SourceLocation }[], where: string): { ciphers: string; tls13: boolean } {
  const { ciphers, unsupported } = toOpenSslCipherString(suites.map((s) => s.suite));
  if (unsupported.length) {
    const names = unsupported.map((u) => {
      const at = suites.find((s) => s.suite === u)?.location;
      return `${u.ftpName ?? u.iana}${at ? ` (${formatLocation(at)})` : ''}`;
    });
    throw new InputError(`${where}: cipher suite(s) Node.js/OpenSSL 3 cannot offer: ${names.join(', ')}. Remove them from the configuration.`);
  }
  return { ciphers, tls13: suites.some((s) => s.suite.keyExchange === 'TLS13') };
}

function tlsFromFtpData(ftp: FtpDataConfig, rings: ServerConfigFile['keyRings'], handshakeMs: number): { ring: string; label?: string; partial: Omit<TlsSettings, 'key' | 'cert' | 'trustedCas' | 'trustedSelfSigned' | 'clientCert'> } {
  const ring = ftp.keyring.value;
  if (!ring) throw new InputError('TLSMECHANISM FTP needs a KEYRING statement', ftp.tlsMechanism.location ?? { file: ftp.file, line: 1 });
  let ciphers = tls.DEFAULT_CIPHERS;
  let maxVersion: SecureVersion = 'TLSv1.3';
  if (ftp.cipherSuites.length) {
    const suites = ftp.cipherSuites.map((c) => {
      const suite = lookupCipher(c.value);
      if (!suite) throw new InputError(`unknown CIPHERSUITE ${c.value}`, c.location);
      return { suite, location: c.location };
    });
    ciphers = openSslCiphers(suites, ftp.file).ciphers;
    maxVersion = 'TLSv1.2'; // the ten FTP.DATA suites are TLS 1.2-and-earlier suites
  }
  return {
    ring,
    partial: { ciphers, minVersion: 'TLSv1.2', maxVersion, sessionTimeoutSeconds: ftp.tlsTimeout.value, handshakeTimeoutMs: handshakeMs },
  };
}

function tlsFromPolicy(policy: AttlsPolicy, controlPort: number, jobName: string | undefined) {
  const view = policyView(policy, controlPort, { jobName });
  if (!view.rule) throw new InputError(`${policy.file}: no TTLSRule maps inbound connections to port ${controlPort}`);
  const ring = view.keyring.value;
  if (!ring) throw new InputError(`${policy.file}: the rule ${view.rule.name} has no Keyring`);
  const enabled = PROTOCOL_NAMES.filter((p: ProtocolName) => view.protocols[p].value && VERSION_ORDER.includes(p as SecureVersion)) as SecureVersion[];
  if (!enabled.length) throw new InputError(`${policy.file}: the rule ${view.rule.name} enables no TLS version Node.js can serve`);
  const sorted = enabled.sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
  let minVersion = sorted[0];
  let maxVersion = sorted[sorted.length - 1];
  let ciphers = tls.DEFAULT_CIPHERS;
  if (view.ciphers.explicit) {
    const picked = openSslCiphers(view.ciphers.suites.map((c) => ({ suite: c.suite, location: c.location })), policy.file);
    ciphers = picked.ciphers;
    // A list without TLS_* names would leave every default TLS 1.3 suite on: cap instead.
    if (!picked.tls13 && maxVersion === 'TLSv1.3') maxVersion = 'TLSv1.2';
    if (VERSION_ORDER.indexOf(minVersion) > VERSION_ORDER.indexOf(maxVersion)) {
      throw new InputError(`${policy.file}: TLSv1.3 is the only version enabled but the cipher list has no TLS 1.3 suite`);
    }
  }
  if (VERSION_ORDER.indexOf(minVersion) < 2 && !ciphers.includes('@SECLEVEL=0')) ciphers += ':@SECLEVEL=0';
  const auth = view.clientAuthType.value;
  const clientCert: ClientCertMode =
    view.handshakeRole.value !== 'ServerWithClientAuth' ? 'none' : auth === 'Required' || auth === 'SAFCheck' ? 'require' : 'request';
  return {
    ring,
    label: view.certificateLabel.value,
    clientCert,
    partial: {
      ciphers,
      minVersion,
      maxVersion,
      sessionTimeoutSeconds: view.sessionTimeout.value,
      handshakeTimeoutMs: view.handshakeTimeout.value * 1000,
    },
  };
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

async function ringMaterial(files: KeyRingFiles, base: string) {
  const p = (f: string) => (isAbsolute(f) ? f : join(base, f));
  const trustedCas = files.trustedCas ? splitPem(await readText(p(files.trustedCas), 'trusted CA file')) : [];
  const selfSigned = files.trustedSelfSigned ? splitPem(await readText(p(files.trustedSelfSigned), 'self-signed client certificates')) : [];
  return {
    key: await readText(p(files.key), 'server key'),
    cert: await readText(p(files.certificate), 'server certificate'),
    trustedCas,
    trustedSelfSigned: selfSigned.map((pem) => new X509Certificate(pem).fingerprint256.toUpperCase()),
  };
}

async function usersFrom(registry: UserRegistryFile, root: string): Promise<UserAccount[]> {
  return registry.users.map((u) => {
    const env = u.passwordEnv ? process.env[u.passwordEnv] : undefined;
    return {
      name: u.name,
      home: resolve(root, u.home),
      canWrite: u.canWrite ?? true,
      password: env ? plainVerifier(env) : u.password ? scryptVerifier(u.password) : undefined,
      defaultPassword: !env && !!u.passwordEnv && !!u.password,
    };
  });
}

/** zftps-server.json (+ the files it names) → EffectiveSettings. */
export async function loadServerConfig(configFile: string, overrides: ConfigOverrides = {}): Promise<EffectiveSettings> {
  const base = dirname(resolve(configFile));
  const p = (f: string) => (isAbsolute(f) ? f : join(base, f));
  const cfg = await readJson<ServerConfigFile>(configFile, 'server configuration');
  if (cfg.version !== 1) throw new InputError(`${configFile}: unsupported version ${String(cfg.version)}`);
  const ftpParsed = parseFtpData(await readText(p(cfg.ftpData), 'FTP.DATA'), cfg.ftpData);
  failOnErrors(ftpParsed.findings, cfg.ftpData);
  const ftp = ftpParsed.value;
  let policy: AttlsPolicy | undefined;
  if (cfg.policy) {
    const parsed = parsePolicy(await readText(p(cfg.policy), 'AT-TLS policy'), cfg.policy);
    failOnErrors(parsed.findings, cfg.policy);
    policy = parsed.value;
  }
  const registry = await readJson<UserRegistryFile>(p(cfg.userRegistry), 'user registry');
  const limits = { ...SERVER_CONFIG_DEFAULT_LIMITS, ...cfg.limits };
  const root = resolve(base, overrides.root ?? cfg.root);
  const controlPort = cfg.system?.controlPort ?? cfg.listen.port;
  const rings = overrides.keysDir ? inFolder(cfg.keyRings, resolve(overrides.keysDir)) : cfg.keyRings;
  const tlsSettings = await buildTls(ftp, policy, rings, base, controlPort, cfg.system?.daemonJobName, limits.handshakeTimeoutSeconds * 1000, configFile);
  const implicit = overrides.implicitPort !== undefined ? overrides.implicitPort : cfg.listen.implicitPort !== undefined ? cfg.listen.implicitPort : ftp.tlsPort.value || null;
  return {
    id: cfg.id,
    host: overrides.host ?? cfg.listen.host ?? '127.0.0.1',
    port: overrides.port ?? cfg.listen.port,
    implicitPort: tlsSettings && implicit !== null && implicit !== undefined ? implicit : undefined,
    ...fromFtpData(ftp),
    tls: tlsSettings,
    users: await usersFrom(registry, root),
    certificateMappings: registry.certificateMappings ?? [],
    level3: registry.level3 && { profile: registry.level3.profile, ports: registry.level3.ports, permitted: registry.level3.permitted.map((x) => x.toUpperCase()) },
    passiveAddress: cfg.passiveAddress,
    passivePorts: ftp.passiveDataPorts.value,
    limits: {
      ...DEFAULT_LIMITS,
      maxSessions: limits.maxSessions,
      maxSessionsPerAddress: limits.maxSessionsPerAddress,
      maxLoginFailures: limits.maxLoginFailures,
      lockoutSeconds: limits.lockoutSeconds,
      failedLoginDelayMs: limits.failedLoginDelayMs,
      maxCommandLength: limits.maxCommandLength,
      shutdownGraceSeconds: limits.shutdownGraceSeconds,
      inactiveSeconds: ftp.inactive.value,
      dataTimeoutSeconds: ftp.dataCtTime.value,
    },
    restOnProtectedSession: cfg.restOnProtectedSession ?? 'allow',
    reuseFailureReply: cfg.reuseFailureReply ?? 425,
    logLevel: overrides.logLevel ?? cfg.logging?.level ?? 'info',
    xferlog: cfg.logging?.xferlog && p(cfg.logging.xferlog),
    ops: overrides.ops === null ? undefined : (overrides.ops ?? cfg.ops),
  };
}

/** The same rings with every file taken from `dir` by its base name. */
function inFolder(rings: ServerConfigFile['keyRings'], dir: string): ServerConfigFile['keyRings'] {
  const at = (f: string | undefined) => f && join(dir, basename(f));
  return Object.fromEntries(
    Object.entries(rings).map(([name, files]) => [
      name,
      { ...files, key: at(files.key)!, certificate: at(files.certificate)!, trustedCas: at(files.trustedCas), trustedSelfSigned: at(files.trustedSelfSigned) },
    ]),
  );
}

function fromFtpData(ftp: FtpDataConfig) {
  return {
    extensions: ftp.extensions.map((e) => e.value),
    mechanism: ftp.tlsMechanism.value,
    rfcLevel: ftp.tlsRfcLevel.value,
    secureFtp: ftp.secureFtp.value,
    secureLogin: ftp.secureLogin.value,
    securePassword: ftp.securePassword.value,
    secureDataConn: ftp.secureDataConn.value,
    secureCtrlConn: ftp.secureCtrlConn.value,
    sessionReuse: ftp.secureSessionReuse.value === 'REQUIRED' ? ('REQUIRED' as const) : ('ALLOWED' as const),
    secureImplicitZos: ftp.secureImplicitZos.value,
  };
}

async function buildTls(
  ftp: FtpDataConfig,
  policy: AttlsPolicy | undefined,
  rings: ServerConfigFile['keyRings'],
  base: string,
  controlPort: number,
  jobName: string | undefined,
  handshakeMs: number,
  configFile: string,
): Promise<TlsSettings | undefined> {
  if (!ftp.extensions.some((e) => e.value === 'AUTH_TLS')) return undefined;
  let ring: string;
  let label: string | undefined;
  let clientCert: ClientCertMode = ftp.secureLogin.value === 'NO_CLIENT_AUTH' ? 'none' : 'request';
  let partial;
  if (ftp.tlsMechanism.value === 'ATTLS') {
    if (!policy) throw new InputError(`${configFile}: TLSMECHANISM ATTLS needs an AT-TLS policy ("policy")`, ftp.tlsMechanism.location);
    const fromPolicy = tlsFromPolicy(policy, controlPort, jobName);
    ({ ring, label, partial } = fromPolicy);
    clientCert = fromPolicy.clientCert;
  } else {
    ({ ring, partial } = tlsFromFtpData(ftp, rings, handshakeMs));
  }
  if (ftp.tlsMechanism.value === 'FTP') partial = { ...partial, handshakeTimeoutMs: handshakeMs };
  const files = rings[ring];
  if (!files) throw new InputError(`${configFile}: key ring '${ring}' is not listed in keyRings (known: ${Object.keys(rings).join(', ') || 'none'})`);
  if (label && files.label !== label) {
    throw new InputError(`${configFile}: key ring '${ring}' has no certificate labelled '${label}' (it has '${files.label}')`);
  }
  return { ...partial, ...(await ringMaterial(files, base)), clientCert };
}

export interface ZosConfigInput {
  readonly ftpData: string;
  readonly policy?: string;
  /** Folder with server.key.pem, server.chain.pem and optionally server-trust-cas.pem, server-trust-self-signed.pem (synth's keys/ layout). */
  readonly keys: string;
  readonly users?: string;
  readonly root: string;
  readonly host?: string;
  readonly port: number;
  readonly implicitPort?: number | null;
}

/** A hand-written z/OS configuration (FTP.DATA [+ policy] + keys folder) → EffectiveSettings via a synthetic server config. */
export async function loadZosConfig(input: ZosConfigInput): Promise<EffectiveSettings> {
  const { mkdtemp, writeFile, access } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const exists = (f: string) => access(f).then(() => true, () => false);
  const ftp = parseFtpData(await readText(input.ftpData, 'FTP.DATA'), input.ftpData).value;
  let ringName = ftp.keyring.value ?? 'ring';
  if (ftp.tlsMechanism.value === 'ATTLS' && input.policy) {
    const view = policyView(parsePolicy(await readText(input.policy, 'AT-TLS policy'), input.policy).value, input.port);
    ringName = view.keyring.value ?? ringName;
    const label = view.certificateLabel.value;
    if (label) ringName = ringName + '\u0000' + label;
  }
  const [ring, label] = ringName.split('\u0000');
  const k = (f: string) => resolve(input.keys, f);
  const files: KeyRingFiles = {
    key: k('server.key.pem'),
    certificate: k('server.chain.pem'),
    label: label ?? 'default',
    trustedCas: (await exists(k('server-trust-cas.pem'))) ? k('server-trust-cas.pem') : undefined,
    trustedSelfSigned: (await exists(k('server-trust-self-signed.pem'))) ? k('server-trust-self-signed.pem') : undefined,
  };
  const dir = await mkdtemp(join(tmpdir(), 'zftps-zos-'));
  const users = input.users ? resolve(input.users) : join(dir, 'users.json');
  if (!input.users) await writeFile(users, JSON.stringify({ version: 1, users: [], certificateMappings: [] }));
  const cfg: ServerConfigFile = {
    version: 1,
    id: 'zos',
    ftpData: resolve(input.ftpData),
    policy: input.policy && resolve(input.policy),
    userRegistry: users,
    keyRings: { [ring]: files },
    listen: { host: input.host ?? '127.0.0.1', port: input.port, implicitPort: input.implicitPort },
    system: { controlPort: input.port },
    root: resolve(input.root),
    limits: SERVER_CONFIG_DEFAULT_LIMITS,
    restOnProtectedSession: 'allow',
    reuseFailureReply: 425,
  };
  const file = join(dir, 'zftps-server.json');
  await writeFile(file, JSON.stringify(cfg));
  return loadServerConfig(file);
}
