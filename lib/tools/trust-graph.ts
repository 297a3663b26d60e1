/**
 * The trust relationships of one synthesized server, read from its artifacts (never
 * from the program): CAs and what they sign, the server and client certificates,
 * the key ring, users mapped to certificates, the level-3 profile and who may use
 * it, and which side trusts whom — the client trust bundle (what clients import to
 * trust the server) and the server trust list (what the ring trusts in clients).
 * Synth writes it as trust-graph.mmd (role trustGraph); `zftps graph` renders it
 * as Mermaid or as SVG with a small layered layout.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArtifactRecord, ManifestServer } from '../model/manifest';
import type { ServerConfigFile } from '../model/server-config';
import type { UserRegistryFile } from '../model/user-registry';

export type TrustNodeKind = 'clientTrustBundle' | 'serverTrustList' | 'ca' | 'serverCertificate' | 'clientCertificate' | 'keyRing' | 'user' | 'profile';

export interface TrustNode {
  readonly id: string;
  readonly kind: TrustNodeKind;
  readonly label: string;
}

export interface TrustEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface TrustGraph {
  readonly server: string;
  readonly nodes: readonly TrustNode[];
  readonly edges: readonly TrustEdge[];
}

interface Cert {
  readonly id: string;
  readonly x509: X509Certificate;
}

function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

const cn = (dn: string) => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? dn.split('\n')[0];
const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toLowerCase() || 'x';

/** Builds the graph from a server's artifacts under `root` (a synth output folder or synth's staging folder). */
export function trustGraphFromArtifacts(root: string, server: Pick<ManifestServer, 'id' | 'artifacts'>): TrustGraph {
  const nodes = new Map<string, TrustNode>();
  const edges: TrustEdge[] = [];
  const node = (id: string, kind: TrustNodeKind, label: string) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label });
    return id;
  };
  const edge = (from: string, to: string, label: string) => {
    if (!edges.some((e) => e.from === from && e.to === to && e.label === label)) edges.push({ from, to, label });
  };
  const of = (role: ArtifactRecord['role'], kind?: string) => server.artifacts.filter((a) => a.role === role && (!kind || a.kind === kind));
  const read = (a: ArtifactRecord) => readFileSync(join(root, a.path), 'utf8');

  const certs: Cert[] = [];
  const add = (id: string, pem: string) => {
    const c = { id, x509: new X509Certificate(pem) };
    certs.push(c);
    return c;
  };
  for (const a of of('caCertificate')) {
    const pem = pemBlocks(read(a))[0];
    if (!pem) continue;
    const c = add(`ca_${slug(basename(a.path, '.pem'))}`, pem);
    node(c.id, 'ca', `CA: ${cn(c.x509.subject)}`);
  }
  const serverCert = of('serverCertificate', 'certificate')[0];
  let serverNode: Cert | undefined;
  if (serverCert) {
    serverNode = add('server_cert', pemBlocks(read(serverCert))[0]);
    node(serverNode.id, 'serverCertificate', `server certificate: ${cn(serverNode.x509.subject)}`);
  }
  const clientCerts: Cert[] = [];
  for (const a of of('clientIdentity', 'certificate')) {
    const c = add(`client_${slug(a.client ?? basename(a.path))}`, pemBlocks(read(a))[0]);
    clientCerts.push(c);
    node(c.id, 'clientCertificate', `client certificate: ${cn(c.x509.subject)}`);
  }
  const byFingerprint = (fp: string) => certs.find((c) => c.x509.fingerprint256 === fp);
  const issuerOf = (c: Cert) => (c.x509.issuer === c.x509.subject ? undefined : certs.find((x) => x !== c && x.x509.subject === c.x509.issuer && c.x509.checkIssued(x.x509)));
  for (const c of [...(serverNode ? [serverNode] : []), ...clientCerts]) {
    const ca = issuerOf(c);
    if (ca) edge(ca.id, c.id, 'signs');
  }

  // The key ring: the server certificate (PERSONAL, DEFAULT) and the CAs it trusts.
  const configRecord = of('serverConfig')[0];
  const config = configRecord ? (JSON.parse(read(configRecord)) as ServerConfigFile) : undefined;
  const ringName = config ? Object.keys(config.keyRings)[0] : undefined;
  const ring = node('ring', 'keyRing', `key ring ${ringName ?? '(unnamed)'}`);
  if (serverNode) edge(ring, serverNode.id, 'holds (PERSONAL, DEFAULT)');

  // Who trusts whom: the bundle clients import, and the list the server trusts client certificates by.
  const trustFile = (a: ArtifactRecord, id: string, kind: TrustNodeKind, label: string, relation: string) => {
    node(id, kind, label);
    for (const pem of pemBlocks(read(a))) {
      const fp = new X509Certificate(pem).fingerprint256;
      const known = byFingerprint(fp) ?? add(`cert_${slug(fp.slice(0, 11))}`, pem);
      if (!nodes.has(known.id)) node(known.id, 'ca', `certificate: ${cn(known.x509.subject)}`);
      edge(id, known.id, relation);
    }
  };
  const bundle = of('clientTrustBundle')[0];
  if (bundle) trustFile(bundle, 'client_trust_bundle', 'clientTrustBundle', 'clients (client trust bundle)', 'trust');
  for (const a of of('serverTrustList')) trustFile(a, 'server_trust_list', 'serverTrustList', 'server trust list (ring CERTAUTH)', 'trusts client certs via');
  // Synth connects every CA, and every certificate the server trusts clients by, to the ring.
  const held = [...certs.filter((c) => nodes.get(c.id)?.kind === 'ca').map((c) => c.id), ...edges.filter((e) => e.from === 'server_trust_list').map((e) => e.to)];
  for (const id of held) edge(ring, id, 'holds (CERTAUTH)');

  // Users mapped to certificates (level 2/3, SECURE_PASSWORD OPTIONAL).
  const registryRecord = of('userRegistry')[0];
  if (registryRecord) {
    const registry = JSON.parse(read(registryRecord)) as UserRegistryFile;
    for (const m of registry.certificateMappings ?? []) {
      const c = 'fingerprint256' in m && m.fingerprint256 ? byFingerprint(m.fingerprint256) : undefined;
      const user = node(`user_${slug(m.userId)}`, 'user', `user ${m.userId.toUpperCase()}`);
      if (c) edge(c.id, user, 'maps to');
    }
  }

  // The level-3 SERVAUTH profile and its permitted users, from the RACF commands.
  const tso = of('racfCommands', 'tso')[0];
  if (tso && existsSync(join(root, tso.path))) {
    const commands = read(tso).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*-\s*\n\s*/g, ' ');
    for (const m of commands.matchAll(/RDEFINE SERVAUTH (\S+)/g)) node(`profile_${slug(m[1])}`, 'profile', `SERVAUTH ${m[1]}`);
    for (const m of commands.matchAll(/PERMIT (\S+) CLASS\(SERVAUTH\) ID\((\S+?)\) ACCESS\(READ\)/g)) {
      const user = node(`user_${slug(m[2])}`, 'user', `user ${m[2].toUpperCase()}`);
      edge(user, `profile_${slug(m[1])}`, 'READ');
    }
  }
  return { server: server.id, nodes: [...nodes.values()], edges };
}

/** Mermaid flowchart text (deterministic: node and edge order follow the artifacts). */
export function renderMermaid(g: TrustGraph): string {
  const quote = (s: string) => s.replace(/"/g, '#quot;');
  const shape: Record<TrustNodeKind, [string, string]> = {
    clientTrustBundle: ['[/', '/]'], serverTrustList: ['[/', '/]'], ca: ['{{', '}}'], serverCertificate: ['[', ']'],
    clientCertificate: ['[', ']'], keyRing: ['[(', ')]'], user: ['([', '])'], profile: ['>', ']'],
  };
  const lines = [`%% Trust graph of server ${g.server}, written by zftps`, 'flowchart LR'];
  for (const n of g.nodes) lines.push(`  ${n.id}${shape[n.kind][0]}"${quote(n.label)}"${shape[n.kind][1]}`);
  for (const e of g.edges) lines.push(`  ${e.from} -- "${quote(e.label)}" --> ${e.to}`);
  return lines.join('\n') + '\n';
}

const COLUMN: Record<TrustNodeKind, number> = {
  clientTrustBundle: 0, serverTrustList: 0, ca: 1, serverCertificate: 2, clientCertificate: 2, keyRing: 3, user: 3, profile: 4,
};

/** SVG with a layered layout: one column per kind of node, edges as straight arrows with labels. */
export function renderSvg(g: TrustGraph): string {
  const W = 250;
  const H = 44;
  const GAP_X = 90;
  const GAP_Y = 26;
  const columns: TrustNode[][] = [[], [], [], [], []];
  for (const n of g.nodes) columns[COLUMN[n.kind]].push(n);
  const used = columns.filter((c) => c.length);
  const pos = new Map<string, { x: number; y: number }>();
  used.forEach((col, ci) => col.forEach((n, ri) => pos.set(n.id, { x: 20 + ci * (W + GAP_X), y: 40 + ri * (H + GAP_Y) })));
  const width = 40 + used.length * W + (used.length - 1) * GAP_X;
  const height = 60 + Math.max(...used.map((c) => c.length)) * (H + GAP_Y);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const fill: Record<TrustNodeKind, string> = {
    clientTrustBundle: '#e8f0fe', serverTrustList: '#e8f0fe', ca: '#fff4d6', serverCertificate: '#e6f4ea', clientCertificate: '#e6f4ea',
    keyRing: '#f3e8fd', user: '#fde8e8', profile: '#eeeeee',
  };
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>Trust graph of server ${esc(g.server)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
  ];
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const forward = b.x >= a.x;
    const x1 = a.x + (forward ? W : 0);
    const x2 = b.x + (forward ? 0 : W);
    const sameColumn = a.x === b.x;
    const [sx1, sx2] = sameColumn ? [a.x + W, b.x + W] : [x1, x2];
    const y1 = a.y + H / 2;
    const y2 = b.y + H / 2;
    const path = sameColumn ? `M${sx1},${y1} C${sx1 + 50},${y1} ${sx2 + 50},${y2} ${sx2},${y2}` : `M${sx1},${y1} L${sx2},${y2}`;
    out.push(`<path d="${path}" fill="none" stroke="#555" marker-end="url(#arrow)"/>`);
    const mx = sameColumn ? sx1 + 40 : (sx1 + sx2) / 2;
    out.push(`<text x="${mx}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle" fill="#333" font-size="10">${esc(e.label)}</text>`);
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id)!;
    out.push(`<g id="${esc(n.id)}"><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="8" fill="${fill[n.kind]}" stroke="#444"/>`,
      `<text x="${p.x + W / 2}" y="${p.y + H / 2 + 4}" text-anchor="middle">${esc(n.label.length > 40 ? n.label.slice(0, 39) + '…' : n.label)}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
