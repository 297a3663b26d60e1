/**
 * Synth: model → rules → PKI → renderers → files + manifest.json.
 *
 * Everything is written to a staging folder beside the output folder and moved
 * into place only when every server passed the rules, so a failed synth never
 * leaves a half-written output behind. FTP.DATA and the policy are parsed back
 * from their rendered text before the rules run: synth and lint share one path.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Construct } from 'constructs';
import { type Finding, isBlocking } from './diagnostics';
import { parseFtpData, renderFtpData } from './formats/ftp-data';
import { parsePolicy, renderPolicy } from './formats/attls';
import type { KeyRingModel, ServerModel } from './model/config';
import type { ArtifactRecord, ArtifactRole, Manifest, ManifestServer } from './model/manifest';
import { MANIFEST_FILE } from './model/manifest';
import type { KeyRingFiles, ServerConfigFile } from './model/server-config';
import { buildUserRegistry, synthesizeKeyRing, type KeyRingSpec, type RegistryUserInput } from './pki';
import { runRules } from './rules/engine';
import { SecureFtpServer } from './constructs/secure-ftp-server';
import { writeImageContext } from './image';
import { renderMermaid, trustGraphFromArtifacts } from './tools/trust-graph';

export interface SynthOptions {
  readonly outdir: string;
  readonly keyStoreDir: string;
  readonly renew?: readonly string[];
  /** The time rules treat as now (certificate expiry). @default new Date() */
  readonly now?: Date;
  /** Called as keys and certificates are made: per key ring, identities done of total. */
  readonly onProgress?: (ring: string, done: number, total: number) => void;
}

export interface SynthResult {
  readonly outdir: string;
  readonly manifest: Manifest;
  /** Every finding (warnings, infos, acknowledged ones); none is blocking. */
  readonly findings: readonly Finding[];
}

export class SynthError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    const blocking = findings.filter(isBlocking);
    super(`zftps synth failed: ${blocking.length} error${blocking.length === 1 ? '' : 's'} (${[...new Set(blocking.map((f) => f.ruleId))].join(', ')}); nothing was written`);
    this.name = 'SynthError';
  }
}

export const GENERATOR = 'zftps';

/** One server's text artifacts and the model the rules check — everything that does not need key material. */
export interface RenderedServer {
  readonly server: SecureFtpServer;
  readonly files: { readonly role: ArtifactRole; readonly path: string; readonly content: string }[];
  readonly model: Omit<ServerModel, 'keyRing' | 'now'>;
  /** Parse findings of the rendered files (a renderer bug if any is blocking). */
  readonly parseFindings: readonly Finding[];
}

/** Renders FTP.DATA, the policy and its snippets, and parses them back into the model. */
export function renderServer(server: SecureFtpServer): RenderedServer {
  const dir = server.node.id;
  const files: RenderedServer['files'][number][] = [];
  const ftpDataPath = `${dir}/FTP.DATA`;
  const ftpDataText = renderFtpData(server.ftpDataSpec());
  files.push({ role: 'ftpData', path: ftpDataPath, content: ftpDataText });
  const parsedFtpData = parseFtpData(ftpDataText, ftpDataPath);
  const parseFindings: Finding[] = [...parsedFtpData.findings];
  let policy: ServerModel['policy'];
  const policySpec = server.policySpec();
  if (policySpec) {
    const policyPath = `${dir}/attls-policy.conf`;
    const policyText = renderPolicy(policySpec);
    files.push({ role: 'attlsPolicy', path: policyPath, content: policyText });
    const parsed = parsePolicy(policyText, policyPath);
    parseFindings.push(...parsed.findings);
    policy = parsed.value;
    files.push({ role: 'policyAgentConfig', path: `${dir}/pagent-image.conf`, content: server.policyAgentConfig()! });
  }
  files.push({ role: 'tcpipProfile', path: `${dir}/tcpip-profile.txt`, content: server.tcpipProfile() });
  return {
    server,
    files,
    parseFindings,
    model: {
      id: server.node.id,
      path: server.node.path,
      ftpData: parsedFtpData.value,
      policy,
      system: server.system,
      acknowledgements: server.acknowledgements,
    },
  };
}

/** All SecureFtpServers under a scope, in tree order. Ids must be unique: they name output folders. */
export function findServers(scope: Construct): SecureFtpServer[] {
  const servers = scope.node.findAll().filter((c): c is SecureFtpServer => c instanceof SecureFtpServer);
  const seen = new Map<string, string>();
  for (const s of servers) {
    const other = seen.get(s.node.id);
    if (other) throw new Error(`two SecureFtpServers share the id '${s.node.id}' (${other} and ${s.node.path}); ids name the output folders`);
    seen.set(s.node.id, s.node.path);
  }
  return servers;
}

export async function synthesize(scope: Construct, opts: SynthOptions): Promise<SynthResult> {
  const now = opts.now ?? new Date();
  const outdir = resolve(opts.outdir);
  const servers = findServers(scope);
  const rendered = servers.map(renderServer);

  // Rules that need no key material first: a broken config fails before any key is generated.
  const early = rendered.flatMap((r) => [...r.parseFindings, ...runRules({ ...r.model, now })]);
  if (early.some(isBlocking)) throw new SynthError(early);

  const staging = `${outdir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const findings: Finding[] = [];
    const manifestServers: Record<string, ManifestServer> = {};
    for (const r of rendered) {
      const { server } = r;
      const dir = server.node.id;
      const artifacts: ArtifactRecord[] = [];
      const write = (role: ArtifactRole, path: string, content: string | Buffer, extra: Partial<ArtifactRecord> = {}) => {
        const abs = join(staging, path);
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content, { mode: extra.sensitive ? 0o600 : 0o644 });
        if (extra.sensitive) chmodSync(abs, 0o600);
        artifacts.push({ role, path, sha256: sha256(content), ...extra });
      };
      for (const f of r.files) write(f.role, f.path, f.content);

      const spec = keyRingSpecOf(server);
      const ring = await synthesizeKeyRing(spec, {
        keyStoreDir: opts.keyStoreDir,
        outDir: staging,
        relDir: dir,
        now,
        renew: opts.renew,
        onProgress: opts.onProgress && ((done, total) => opts.onProgress!(server.keyRing.node.path, done, total)),
      });
      artifacts.push(...ring.artifacts);
      const model: ServerModel = { ...r.model, keyRing: keyRingModelOf(server, ring.facts), now };
      findings.push(...r.parseFindings, ...runRules(model));

      const registry = buildUserRegistry(registryUsersOf(server), spec, ring.files, server.props.passwordHashCost, userSaltKey(opts.keyStoreDir));
      write('userRegistry', `${dir}/users.json`, json(registry));
      const config = serverConfigOf(server, ring.files);
      write('serverConfig', `${dir}/zftps-server.json`, json(config));
      const image = writeImageContext(staging, dir);
      artifacts.push({ role: 'imageContext', path: image.path, sha256: image.sha256 });
      // Read back from the files just written, so the graph shows what the artifacts really hold.
      write('trustGraph', `${dir}/trust-graph.mmd`, renderMermaid(trustGraphFromArtifacts(staging, { id: dir, artifacts })));
      manifestServers[dir] = { id: dir, path: server.node.path, artifacts: [...artifacts].sort(byRoleThenPath) };
    }
    if (findings.some(isBlocking)) throw new SynthError(findings);

    const manifest: Manifest = { version: 1, generator: GENERATOR, servers: manifestServers };
    writeFileSync(join(staging, MANIFEST_FILE), json(manifest));
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(dirname(outdir), { recursive: true });
    renameSync(staging, outdir);
    return { outdir, manifest, findings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The key ring spec lib/pki synthesizes for a server, with its level-3 profile when it has one. */
export function keyRingSpecOf(server: SecureFtpServer): KeyRingSpec {
  return server.keyRing.toSpec(
    server.level3Profile
      ? { sysname: server.system.sysname, daemonJobName: server.system.daemonJobName, ports: [server.controlPort], permittedUsers: server.level3Permits }
      : undefined,
  );
}

/** What the rules check about the ring: the certificate facts plus the server's level-3 profile. */
export function keyRingModelOf(server: SecureFtpServer, facts: KeyRingModel): KeyRingModel {
  return { ...facts, level3Profile: server.level3Profile, level3Permits: server.level3Profile ? server.level3Permits : undefined };
}

/** The server's users as the user registry takes them. */
export function registryUsersOf(server: SecureFtpServer): RegistryUserInput[] {
  return server.ftpUsers.map((u) => ({ name: u.name, home: u.home ?? u.name.toLowerCase(), password: u.password?.source, canWrite: u.canWrite }));
}

/**
 * zftps-server.json for a server, given where its key files are (paths relative to the
 * output root). On the CSR path the private key never leaves z/OS: the ring then has no
 * entry, and the zftps server refuses to start with a message saying so.
 */
export function serverConfigOf(
  server: SecureFtpServer,
  keys: { readonly serverKey?: string; readonly serverCertificate: string; readonly trustedCas?: string; readonly trustedSelfSigned?: string },
): ServerConfigFile {
  const dir = server.node.id;
  const rel = (p: string) => relative(dir, p).split(sep).join('/');
  const ringFiles: KeyRingFiles | undefined = keys.serverKey
    ? {
        key: rel(keys.serverKey),
        certificate: rel(keys.serverCertificate),
        label: server.keyRing.serverCertificateLabel,
        ...(keys.trustedCas ? { trustedCas: rel(keys.trustedCas) } : {}),
        ...(keys.trustedSelfSigned ? { trustedSelfSigned: rel(keys.trustedSelfSigned) } : {}),
      }
    : undefined;
  return {
    ...server.hostSettings(),
    ftpData: 'FTP.DATA',
    ...(server.policySpec() ? { policy: 'attls-policy.conf' } : {}),
    userRegistry: 'users.json',
    keyRings: ringFiles ? { [server.keyRing.ringName.value]: ringFiles } : {},
  };
}

/** A secret kept in the key store that makes password salts stable between synths. */
function userSaltKey(keyStoreDir: string): Buffer {
  const file = join(keyStoreDir, 'user-salt.key');
  if (existsSync(file)) return readFileSync(file);
  const key = randomBytes(32);
  mkdirSync(keyStoreDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

function byRoleThenPath(a: ArtifactRecord, b: ArtifactRecord): number {
  return a.role === b.role ? (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : a.role < b.role ? -1 : 1;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** sha256 over a folder: its sorted relative file names and their hashes. */
export function sha256OfTree(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(root, p).split(sep).join('/')}\0${sha256(readFileSync(p))}\n`);
    }
  };
  if (existsSync(root)) walk(root);
  return h.digest('hex');
}
