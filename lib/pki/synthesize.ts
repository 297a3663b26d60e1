/**
 * synthesizeKeyRing: KeyRingSpec → keys and certificates (reused from the key
 * store when nothing changed), PKCS#12 packages, trust files, RACF jobs, and the
 * facts the rule catalogue checks. Everything is computed in memory first; the
 * key store and the files are written only when all of it succeeded.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../diagnostics';
import type { CertificateFacts, ClientCertificateFacts, KeyRingModel } from '../model/config';
import type { ArtifactRecord, ArtifactRole } from '../model/manifest';
import { renderRacfCommands } from '../racf';
import { generateRsaKeys } from './keygen';
import { keyPaths } from './layout';
import { buildPkcs12, randomPassword, readPkcs12 } from './pkcs12';
import {
  type ClientCertSpec,
  type DistinguishedName,
  type KeyBits,
  type KeyRingSpec,
  type ServerCertSpec,
  SERVER_IDENTITY,
  describe,
  isPkcs12Input,
  keyringReference,
  validateKeyRingSpec,
} from './spec';
import { KeyStore, type StoredIdentity, writeFilesAtomic } from './store';
import {
  type CertRole,
  canonicalCertPem,
  canonicalKeyPem,
  certificateFacts,
  checkIssuedBy,
  checkKeyMatches,
  isSelfSigned,
  issueCertificate,
  publicKeyFromCsr,
  publicKeyPemOf,
  readCertificate,
  splitPemCertificates,
} from './x509';

export interface SynthesizeOptions {
  /** Key store folder, e.g. `.zftps-keys`. */
  keyStoreDir: string;
  /** Absolute synth output root. */
  outDir: string;
  /** Folder under outDir for this ring's artifacts, e.g. 'quickstart' → quickstart/keys, quickstart/racf. */
  relDir: string;
  /** Time used as notBefore of newly issued certificates. */
  now?: Date;
  /** Identity names ('server', CA names, client names) to give new keys and certificates. */
  renew?: readonly string[];
  /** High-level qualifier for the data sets the RACF job reads (default: the ring owner). */
  hlq?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface KeyRingCaFile {
  name: string;
  label: string;
  fingerprint256: string;
  /** PEM path relative to outDir. */
  certificate: string;
  /** True for an issuer taken from a bring-your-own chain rather than a CaSpec. */
  external: boolean;
}

export interface KeyRingClientFile {
  name: string;
  userId?: string;
  label: string;
  selfSigned: boolean;
  fingerprint256: string;
  /** Fingerprint of the CA certificate that issued it; undefined when self-signed. */
  issuerFingerprint256?: string;
  certificate: string;
  key?: string;
  pkcs12?: string;
  pkcs12Password?: string;
}

/** Paths relative to outDir (forward slashes). */
export interface KeyRingFiles {
  /** Absent when the server certificate was issued for a z/OS CSR (the key stays on z/OS). */
  serverKey?: string;
  serverCertificate: string;
  serverPkcs12?: string;
  serverPkcs12Password?: string;
  /** Server trust list, kind 'ca': CAs that issued client certificates (chain validation). */
  trustedCas?: string;
  /** Server trust list, kind 'self-signed': self-signed client certificates, matched by fingerprint only. */
  trustedSelfSigned?: string;
  /** What a client must trust: the self-signed server certificate, or the CA that signed it. */
  clientTrustBundle: string;
  cas: KeyRingCaFile[];
  clients: KeyRingClientFile[];
}

export interface KeyRingSynthesis {
  artifacts: ArtifactRecord[];
  facts: KeyRingModel;
  files: KeyRingFiles;
}

/** One certificate identity after resolution: generated, reused, signed from a CSR or brought in. */
interface Identity {
  name: string;
  storeKey: string;
  label: string;
  role: CertRole;
  where: string;
  keyPem?: string;
  certPem: string;
  /** Issuer certificates from the direct issuer up to the trust anchor; empty when self-signed. */
  chainPems: string[];
  /** CaSpec.name of the issuer, when it is one of this ring's CAs. */
  signedBy?: string;
  keyBits?: number;
  certHash?: string;
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
// Memoized: a CA's fingerprint is asked for once per certificate it signed, and parsing dominates.
const fingerprints = new Map<string, string>();
function fingerprint(pem: string): string {
  let fp = fingerprints.get(pem);
  if (fp === undefined) {
    if (fingerprints.size >= 4096) fingerprints.clear(); // bound the memory of a long-lived process
    fp = new X509Certificate(pem).fingerprint256;
    fingerprints.set(pem, fp);
  }
  return fp;
}

function spkiHash(publicKeyPem: string): string {
  return sha256(publicKeyPem.replace(/\s+/g, ''));
}

interface PlannedCert {
  role: CertRole;
  subject: DistinguishedName;
  validityDays: number;
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

function certHashOf(plan: PlannedCert, publicKeyPem: string, issuerPem: string | undefined): string {
  return sha256(
    JSON.stringify({
      role: plan.role,
      subject: plan.subject,
      validityDays: plan.validityDays,
      dnsNames: plan.dnsNames ?? [],
      ipAddresses: plan.ipAddresses ?? [],
      publicKey: spkiHash(publicKeyPem),
      issuer: issuerPem ? fingerprint(issuerPem) : 'self',
    }),
  );
}

/** Check a brought-in leaf against its issuer (a ring CA, or its own chain ending at a root). */
function resolveExistingChain(
  leaf: X509Certificate,
  chainText: string | undefined,
  signedByCa: Identity | undefined,
  where: string,
): string[] {
  if (signedByCa) {
    checkIssuedBy(leaf, new X509Certificate(signedByCa.certPem), where);
    return [signedByCa.certPem, ...signedByCa.chainPems];
  }
  if (isSelfSigned(leaf)) return [];
  const chain = splitPemCertificates(chainText ?? '').map((p, i) => readCertificate(p, `${where} chainPem[${i}]`));
  if (chain.length === 0) {
    throw new InputError(`${where}: the certificate is issued by ${leaf.issuer.replace(/\n/g, ', ')}; give signedBy (a CA of this ring) or chainPem up to the root CA`);
  }
  let child = leaf;
  for (const [i, issuer] of chain.entries()) {
    checkIssuedBy(child, issuer, `${where} chainPem[${i}]`);
    child = issuer;
  }
  if (!isSelfSigned(child)) throw new InputError(`${where}: chainPem must end with the self-signed root CA certificate`);
  return chain.map(canonicalCertPem);
}

function readExistingLeaf(
  existing: NonNullable<ClientCertSpec['existing']>,
  where: string,
): { cert: X509Certificate; keyPem?: string; chainText?: string } {
  if (isPkcs12Input(existing)) {
    const w = existing.source ? `${where} (${existing.source})` : where;
    const p = readPkcs12(existing.pkcs12, existing.password, w);
    const cert = readCertificate(p.certificatePems[0]!, w);
    const keyPem = canonicalKeyPem(p.privateKeyPem, w);
    checkKeyMatches(cert, keyPem, w);
    return { cert, keyPem, chainText: p.certificatePems.slice(1).join('') || undefined };
  }
  const w = existing.source ? `${where} (${existing.source})` : where;
  const cert = readCertificate(existing.certificatePem, `${w} certificatePem`);
  if (existing.privateKeyPem === undefined) return { cert, chainText: existing.chainPem };
  const keyPem = canonicalKeyPem(existing.privateKeyPem, `${w} privateKeyPem`);
  checkKeyMatches(cert, keyPem, w);
  return { cert, keyPem, chainText: existing.chainPem };
}

export async function synthesizeKeyRing(spec: KeyRingSpec, opts: SynthesizeOptions): Promise<KeyRingSynthesis> {
  validateKeyRingSpec(spec);
  const now = opts.now ?? new Date();
  const known = new Set([SERVER_IDENTITY, ...spec.cas.map((c) => c.name), ...spec.clients.map((c) => c.name)]);
  const renew = new Set(opts.renew ?? []);
  for (const r of renew) {
    if (!known.has(r)) throw new InputError(`key ring '${spec.id}': renew names '${r}', which is not an identity of this ring (${[...known].join(', ')})`);
  }
  const store = await KeyStore.open(opts.keyStoreDir, spec.id);
  const caStore = await KeyStore.openShared(opts.keyStoreDir, 'certificate-authorities');
  const stored = (key: string, name: string): StoredIdentity | undefined =>
    renew.has(name) ? undefined : key.startsWith('ca:') ? caStore.get(key) : store.get(key);

  // ---- 1. bring-your-own material and CSRs: parse and check everything before any work ----
  const existingCas = new Map<string, Identity>();
  for (const ca of spec.cas) {
    if (!ca.existing) continue;
    const where = describe(spec, `CA '${ca.name}'`) + (ca.existing.source ? ` (${ca.existing.source})` : '');
    const cert = readCertificate(ca.existing.certificatePem, `${where} certificatePem`);
    if (!cert.ca) throw new InputError(`${where}: the certificate is not a CA certificate (basicConstraints CA:TRUE)`);
    if (!isSelfSigned(cert)) throw new InputError(`${where}: give the root CA (a self-signed certificate); trust anchors must be roots`);
    let keyPem: string | undefined;
    if (ca.existing.privateKeyPem) {
      keyPem = canonicalKeyPem(ca.existing.privateKeyPem, `${where} privateKeyPem`);
      checkKeyMatches(cert, keyPem, where);
    }
    existingCas.set(ca.name, { name: ca.name, storeKey: `ca:${ca.name}`, label: ca.label, role: 'ca', where, keyPem, certPem: canonicalCertPem(cert), chainPems: [] });
  }
  type Leaf = { spec: ServerCertSpec | ClientCertSpec; name: string; storeKey: string; role: 'server' | 'client'; where: string };
  const leaves: Leaf[] = [
    { spec: spec.server, name: SERVER_IDENTITY, storeKey: SERVER_IDENTITY, role: 'server', where: describe(spec, 'server certificate') },
    ...spec.clients.map((c) => ({ spec: c, name: c.name, storeKey: `client:${c.name}`, role: 'client' as const, where: describe(spec, `client '${c.name}'`) })),
  ];
  const existingLeaves = new Map<string, ReturnType<typeof readExistingLeaf>>();
  const csrKeys = new Map<string, string>();
  for (const leaf of leaves) {
    if (leaf.spec.existing) existingLeaves.set(leaf.name, readExistingLeaf(leaf.spec.existing, leaf.where));
    else if (leaf.spec.csr) {
      const w = leaf.spec.csr.source ? `${leaf.where} (${leaf.spec.csr.source})` : leaf.where;
      csrKeys.set(leaf.name, publicKeyFromCsr(leaf.spec.csr.csrPem, w));
    }
  }

  // ---- 2. which keys to generate (everything else is reused or brought in) ----
  const bitsOf = (x: { keyBits?: KeyBits }) => x.keyBits ?? spec.keyBits;
  const keyJobs: { storeKey: string; bits: KeyBits }[] = [];
  const reusedKeys = new Map<string, string>();
  const needsKey = (storeKey: string, name: string, bits: KeyBits, orStronger = false) => {
    const s = stored(storeKey, name);
    if (s?.privateKeyPem && (s.keyBits === bits || (orStronger && (s.keyBits ?? 0) > bits))) reusedKeys.set(storeKey, s.privateKeyPem);
    else keyJobs.push({ storeKey, bits });
  };
  // A CA is shared by every ring that uses it; rings with different key sizes must not
  // regenerate it in turn, so a stored CA key at least as strong as asked is kept.
  for (const ca of spec.cas) if (!ca.existing) needsKey(`ca:${ca.name}`, ca.name, bitsOf(ca), true);
  for (const leaf of leaves) if (!leaf.spec.existing && !leaf.spec.csr) needsKey(leaf.storeKey, leaf.name, bitsOf(leaf.spec));

  const total = keyJobs.length + spec.cas.length + leaves.length;
  let done = 0;
  const tick = () => opts.onProgress?.(++done, total);
  opts.onProgress?.(0, total);

  // ---- 3. keygen in parallel, off the main thread ----
  const newKeys = await generateRsaKeys(keyJobs.map((j) => j.bits), tick);
  const keys = new Map(reusedKeys);
  keyJobs.forEach((j, i) => keys.set(j.storeKey, newKeys[i]!));

  // ---- 4. certificates: CAs first (they sign), then the server and the clients ----
  const issueOrReuse = (storeKey: string, name: string, plan: PlannedCert, publicKeyPem: string, issuer: Identity | undefined, selfKeyPem?: string) => {
    const certHash = certHashOf(plan, publicKeyPem, issuer?.certPem);
    const s = stored(storeKey, name);
    if (s?.certificatePem && s.certHash === certHash) return { certPem: s.certificatePem, certHash };
    const certPem = issueCertificate({
      role: plan.role,
      subject: plan.subject,
      publicKeyPem,
      notBefore: now,
      validityDays: plan.validityDays,
      dnsNames: plan.dnsNames,
      ipAddresses: plan.ipAddresses,
      issuer: issuer ? { certificatePem: issuer.certPem, privateKeyPem: issuer.keyPem! } : undefined,
      selfKeyPem,
    });
    return { certPem, certHash };
  };

  const cas = new Map<string, Identity>();
  for (const ca of spec.cas) {
    const existing = existingCas.get(ca.name);
    if (existing) cas.set(ca.name, existing);
    else {
      const storeKey = `ca:${ca.name}`;
      const keyPem = keys.get(storeKey)!;
      const plan: PlannedCert = { role: 'ca', subject: ca.subject, validityDays: ca.validityDays ?? Math.max(3650, spec.validityDays) };
      const { certPem, certHash } = issueOrReuse(storeKey, ca.name, plan, publicKeyPemOf(keyPem), undefined, keyPem);
      const kept = stored(storeKey, ca.name);
      const keyBits = kept?.privateKeyPem === keyPem && kept.keyBits ? (kept.keyBits as KeyBits) : bitsOf(ca);
      cas.set(ca.name, { name: ca.name, storeKey, label: ca.label, role: 'ca', where: describe(spec, `CA '${ca.name}'`), keyPem, certPem, chainPems: [], keyBits, certHash });
    }
    tick();
  }

  const identities: Identity[] = [];
  for (const leaf of leaves) {
    const issuer = leaf.spec.signedBy ? cas.get(leaf.spec.signedBy)! : undefined;
    const base = { name: leaf.name, storeKey: leaf.storeKey, label: leaf.spec.label, role: leaf.role, where: leaf.where, signedBy: leaf.spec.signedBy };
    const ex = existingLeaves.get(leaf.name);
    if (ex) {
      const chainPems = resolveExistingChain(ex.cert, ex.chainText, issuer, leaf.where);
      identities.push({ ...base, keyPem: ex.keyPem, certPem: canonicalCertPem(ex.cert), chainPems });
    } else {
      const plan: PlannedCert = {
        role: leaf.role,
        subject: leaf.spec.subject,
        validityDays: leaf.spec.validityDays ?? spec.validityDays,
        ...(leaf.role === 'server' ? { dnsNames: spec.server.dnsNames, ipAddresses: spec.server.ipAddresses } : {}),
      };
      const keyPem = keys.get(leaf.storeKey);
      const publicKeyPem = csrKeys.get(leaf.name) ?? publicKeyPemOf(keyPem!);
      const { certPem, certHash } = issueOrReuse(leaf.storeKey, leaf.name, plan, publicKeyPem, issuer, keyPem);
      identities.push({
        ...base,
        keyPem,
        certPem,
        chainPems: issuer ? [issuer.certPem, ...issuer.chainPems] : [],
        keyBits: keyPem ? bitsOf(leaf.spec) : undefined,
        certHash,
      });
    }
    tick();
  }
  const server = identities[0]!;
  const clients = identities.slice(1);

  // ---- 5. PKCS#12 packages (bytes and password kept in the store so they stay identical) ----
  const pkcs12 = new Map<string, { der: Buffer; password: string; hash: string }>();
  for (const id of identities) {
    if (!id.keyPem) continue;
    const hash = sha256(JSON.stringify([spec.pkcs12Algorithm, id.label, id.keyPem, id.certPem, ...id.chainPems]));
    const s = stored(id.storeKey, id.name)?.pkcs12;
    if (s && s.hash === hash) pkcs12.set(id.storeKey, { der: Buffer.from(s.der, 'base64'), password: s.password, hash });
    else {
      const password = s?.password ?? randomPassword();
      pkcs12.set(id.storeKey, { der: buildPkcs12(id.keyPem, [id.certPem, ...id.chainPems], password, spec.pkcs12Algorithm, id.label), password, hash });
    }
  }

  // ---- 6. trust anchors: ring CAs plus roots/intermediates of brought-in chains ----
  const anchors = new Map<string, KeyRingCaFile & { pem: string }>(); // by fingerprint
  const paths = keyPaths(opts.relDir);
  for (const ca of cas.values()) {
    const fp = fingerprint(ca.certPem);
    anchors.set(fp, { name: ca.name, label: ca.label, fingerprint256: fp, certificate: paths.ca(ca.name), external: false, pem: ca.certPem });
  }
  const usedLabels = new Set([...spec.cas.map((c) => c.label), spec.server.label, ...spec.clients.map((c) => c.label), ...(spec.certificateMaps ?? []).map((m) => m.label)]);
  for (const id of identities) {
    for (const pem of id.chainPems) {
      const fp = fingerprint(pem);
      if (anchors.has(fp)) continue;
      const cn = /CN=([^\n]+)/.exec(new X509Certificate(pem).subject)?.[1] ?? 'CA';
      let label = cn.slice(0, 32);
      for (let n = 2; usedLabels.has(label); n++) label = `${cn.slice(0, 32 - String(n).length - 1)} ${n}`;
      usedLabels.add(label);
      const name = `external-${fp.replace(/:/g, '').slice(0, 16).toLowerCase()}`;
      anchors.set(fp, { name, label, fingerprint256: fp, certificate: paths.ca(name), external: true, pem });
    }
  }
  const anchorOf = (id: Identity) => (id.chainPems.length === 0 ? id.certPem : id.chainPems[id.chainPems.length - 1]!);
  const labelOfIssuer = (id: Identity) => (id.chainPems.length === 0 ? undefined : anchors.get(fingerprint(id.chainPems[0]!))?.label);

  // ---- 7. files, in memory ----
  type Out = { path: string; data: string | Buffer; record: Omit<ArtifactRecord, 'sha256' | 'path'> };
  const outs: Out[] = [];
  const add = (path: string, data: string | Buffer, role: ArtifactRole, extra: Partial<ArtifactRecord> = {}) =>
    outs.push({ path, data, record: { role, ...extra } });

  const files: KeyRingFiles = {
    serverCertificate: paths.serverCertificate,
    clientTrustBundle: paths.clientTrustBundle,
    cas: [...anchors.values()].map(({ pem: _pem, ...f }) => f),
    clients: [],
  };
  if (server.keyPem) {
    add(paths.serverKey, server.keyPem, 'serverKey', { kind: 'key', sensitive: true });
    files.serverKey = paths.serverKey;
  }
  add(paths.serverCertificate, [server.certPem, ...server.chainPems].join(''), 'serverCertificate', { kind: 'chain' });
  // The leaf alone, for RACDCERT ADD (one certificate per data set) after a z/OS GENREQ.
  add(paths.serverLeafCertificate, server.certPem, 'serverCertificate', { kind: 'certificate' });
  const serverP12 = pkcs12.get(server.storeKey);
  if (serverP12) {
    add(paths.serverPkcs12, serverP12.der, 'serverPkcs12', { kind: 'pkcs12', sensitive: true });
    add(paths.serverPkcs12Password, serverP12.password + '\n', 'pkcs12Password', { kind: 'server', sensitive: true });
    files.serverPkcs12 = paths.serverPkcs12;
    files.serverPkcs12Password = paths.serverPkcs12Password;
  }
  for (const a of anchors.values()) add(a.certificate, a.pem, 'caCertificate', { kind: 'certificate' });
  // Seed step "create the key ring": self-signed server → clients trust that certificate; CA-signed → the CA, not the server certificate.
  add(paths.clientTrustBundle, anchorOf(server), 'clientTrustBundle', { kind: server.chainPems.length === 0 ? 'self-signed' : 'ca' });

  const trustedCaPems = new Map<string, string>();
  const trustedSelfSigned: string[] = [];
  for (const c of clients) {
    if (c.chainPems.length === 0) trustedSelfSigned.push(c.certPem);
    else trustedCaPems.set(fingerprint(anchorOf(c)), anchorOf(c));
  }
  for (const m of spec.certificateMaps ?? []) {
    if (m.signedBy) trustedCaPems.set(fingerprint(cas.get(m.signedBy)!.certPem), cas.get(m.signedBy)!.certPem);
  }
  if (trustedCaPems.size > 0) {
    add(paths.trustedCas, [...trustedCaPems.values()].join(''), 'serverTrustList', { kind: 'ca' });
    files.trustedCas = paths.trustedCas;
  }
  if (trustedSelfSigned.length > 0) {
    add(paths.trustedSelfSigned, trustedSelfSigned.join(''), 'serverTrustList', { kind: 'self-signed' });
    files.trustedSelfSigned = paths.trustedSelfSigned;
  }

  for (const [i, c] of clients.entries()) {
    const cs = spec.clients[i]!;
    const entry: KeyRingClientFile = {
      name: c.name,
      ...(cs.userId ? { userId: cs.userId.toUpperCase() } : {}),
      label: c.label,
      selfSigned: c.chainPems.length === 0,
      fingerprint256: fingerprint(c.certPem),
      ...(c.chainPems.length > 0 ? { issuerFingerprint256: fingerprint(c.chainPems[0]!) } : {}),
      certificate: paths.clientCertificate(c.name),
    };
    add(entry.certificate, c.certPem, 'clientIdentity', { client: c.name, kind: 'certificate' });
    if (c.keyPem) {
      entry.key = paths.clientKey(c.name);
      add(entry.key, c.keyPem, 'clientIdentity', { client: c.name, kind: 'key', sensitive: true });
    }
    const p = pkcs12.get(c.storeKey);
    if (p) {
      entry.pkcs12 = paths.clientPkcs12(c.name);
      entry.pkcs12Password = paths.clientPkcs12Password(c.name);
      add(entry.pkcs12, p.der, 'clientIdentity', { client: c.name, kind: 'pkcs12', sensitive: true });
      add(entry.pkcs12Password, p.password + '\n', 'pkcs12Password', { client: c.name, kind: 'client', sensitive: true });
    }
    files.clients.push(entry);
  }

  // ---- 8. facts for the rule catalogue (no private keys) ----
  const level3Profiles = spec.level3?.ports.map((p) => `EZB.FTP.${spec.level3!.sysname.toUpperCase()}.${spec.level3!.daemonJobName.toUpperCase()}.PORT${p}`);
  const facts: KeyRingModel = {
    id: spec.id,
    name: keyringReference(spec),
    form: spec.form,
    serverCertificate: { ...certificateFacts(server.certPem, server.label), hasPrivateKey: true, isDefault: true },
    certificateAuthorities: [...anchors.values()].map((a) => ({ ...certificateFacts(a.pem, a.label), trusted: true })),
    clientCertificates: clients.map((c, i): ClientCertificateFacts => {
      const f: CertificateFacts = certificateFacts(c.certPem, c.label);
      const userId = spec.clients[i]!.userId?.toUpperCase();
      const signedBy = labelOfIssuer(c);
      return { ...f, ...(userId ? { userId } : {}), ...(signedBy ? { signedBy } : {}) };
    }),
    ...(spec.level3 ? { level3Permits: spec.level3.permittedUsers.map((u) => u.toUpperCase()), level3Profile: level3Profiles![0] } : {}),
    expiryWarningDays: spec.expiryWarningDays,
  };

  for (const r of renderRacfCommands(spec, facts, { relDir: opts.relDir, hlq: opts.hlq, files })) {
    add(r.path, r.content, 'racfCommands', { kind: r.kind });
  }

  // ---- 9. persist: key store first (so artifacts never reference keys the store lost), then artifacts ----
  for (const ca of cas.values()) {
    if (existingCas.has(ca.name)) continue;
    caStore.put(ca.storeKey, { keyBits: ca.keyBits, privateKeyPem: ca.keyPem, certHash: ca.certHash, certificatePem: ca.certPem });
  }
  for (const id of identities) {
    const p = pkcs12.get(id.storeKey);
    const generated = !existingLeaves.has(id.name);
    store.put(id.storeKey, {
      ...(generated && id.keyPem ? { keyBits: id.keyBits, privateKeyPem: id.keyPem } : {}),
      ...(generated ? { certHash: id.certHash, certificatePem: id.certPem } : {}),
      ...(p ? { pkcs12: { hash: p.hash, password: p.password, der: p.der.toString('base64') } } : {}),
    });
  }
  await caStore.commit();
  await store.commit();

  const writes = outs.map((o) => ({ path: join(opts.outDir, ...o.path.split('/')), data: o.data, mode: o.record.sensitive ? 0o600 : 0o644 }));
  for (const dir of new Set(writes.map((w) => dirname(w.path)))) await fs.mkdir(dir, { recursive: true });
  await writeFilesAtomic(writes);
  const written = new Set(writes.map((w) => w.path));
  const artifacts = outs.map(
    (o) => ({ ...o.record, path: o.path, sha256: sha256(typeof o.data === 'string' ? Buffer.from(o.data) : o.data) }) as ArtifactRecord,
  );
  // A removed client must not leave its private key behind in the output.
  for (const dir of [paths.dir, paths.racfDir]) await removeStale(join(opts.outDir, ...dir.split('/')), written);

  return { artifacts, facts, files };
}

async function removeStale(dir: string, keep: ReadonlySet<string>): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await removeStale(p, keep);
    else if (!keep.has(p)) await fs.rm(p, { force: true });
  }
}
