/**
 * The plan of one server for an IaC engine (zftps/cdktf, zftps/pulumi): everything
 * the embedded synth writes that does not depend on key material, rendered by the
 * same core functions so the bytes match, plus the key ring as it *will* be once
 * the engine has created the keys. The rules run over that planned key ring, so a
 * Terraform or Pulumi program fails where the embedded synth would.
 *
 * Key material is the engine's job: nothing here generates a key. Where an
 * artifact needs a certificate fingerprint (users.json mappings), the value is a
 * placeholder `apply:<path>` that `resolvePendingFingerprints` fills in once the
 * certificate file exists.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../diagnostics';
import type { CertificateFacts, KeyRingModel, ServerModel } from '../model/config';
import type { ArtifactRole } from '../model/manifest';
import type { UserRegistryFile } from '../model/user-registry';
import { buildUserRegistry, keyPaths, keyringReference, validateKeyRingSpec } from '../pki';
import type { CaSpec, ClientCertSpec, DistinguishedName, KeyRingFiles, KeyRingSpec, ServerCertSpec } from '../pki';
import { certificateFacts } from '../pki/x509';
import { renderRacfCommands } from '../racf';
import { runRules } from '../rules/engine';
import type { SecureFtpServer } from '../constructs/secure-ftp-server';
import { json, keyRingModelOf, keyRingSpecOf, registryUsersOf, renderServer, serverConfigOf } from '../synth';

export interface PlannedFile {
  readonly role: ArtifactRole;
  /** Relative to the output root, e.g. `prod/FTP.DATA`. */
  readonly path: string;
  readonly content: string;
}

export interface ServerPlan {
  /** The server's folder under the output root (its construct id). */
  readonly dir: string;
  readonly spec: KeyRingSpec;
  /** Where the key ring's files go (relative to the output root); fingerprints are `apply:` placeholders. */
  readonly keyFiles: KeyRingFiles;
  /** FTP.DATA, policy + snippets, RACF jobs, users.json, zftps-server.json — byte for byte what the embedded synth writes (users.json: but for fingerprints and salts). */
  readonly files: readonly PlannedFile[];
  /** Every finding of the rule catalogue over the planned configuration. */
  readonly findings: readonly Finding[];
}

/** Prefix of a fingerprint that is known only after the engine created the certificate. */
export const PENDING_FINGERPRINT = 'apply:';

/**
 * Plans one server. Throws InputError (naming the ring and identity) for key ring
 * input z/OS or the PKI cannot accept, as the embedded synth does.
 */
export function planServer(server: SecureFtpServer, now: Date = new Date()): ServerPlan {
  const rendered = renderServer(server);
  const dir = server.node.id;
  const spec = keyRingSpecOf(server);
  validateKeyRingSpec(spec);
  const facts = plannedKeyRing(spec, now);
  const model: ServerModel = { ...rendered.model, keyRing: keyRingModelOf(server, facts), now };
  const findings = [...rendered.parseFindings, ...runRules(model)];

  const keyFiles = plannedKeyFiles(spec, dir);
  const files: PlannedFile[] = rendered.files.map((f) => ({ ...f }));
  for (const r of renderRacfCommands(spec, facts, { relDir: dir, files: keyFiles })) files.push({ role: 'racfCommands', path: r.path, content: r.content });
  const registry = buildUserRegistry(registryUsersOf(server), spec, keyFiles, server.props.passwordHashCost);
  files.push({ role: 'userRegistry', path: `${dir}/users.json`, content: json(registry) });
  const config = serverConfigOf(server, keyFiles);
  files.push({ role: 'serverConfig', path: `${dir}/zftps-server.json`, content: json(config) });
  return { dir, spec, keyFiles, files, findings };
}

/** The certificate of each identity as the engine will issue it (same extensions as lib/pki). */
export function plannedKeyRing(spec: KeyRingSpec, now: Date): KeyRingModel {
  const day = 86_400_000;
  const cas = new Map<string, CertificateFacts>();
  for (const ca of spec.cas) {
    if (ca.existing) cas.set(ca.name, certificateFacts(ca.existing.certificatePem, ca.label));
    else {
      const subject = dnString(ca.subject);
      cas.set(ca.name, {
        label: ca.label, subject, issuer: subject, selfSigned: true, keyAlgorithm: 'RSA', keyBits: ca.keyBits ?? spec.keyBits,
        keyUsage: ['keyCertSign', 'cRLSign'], extendedKeyUsage: [], notBefore: now,
        notAfter: new Date(now.getTime() + (ca.validityDays ?? Math.max(3650, spec.validityDays)) * day), isCa: true,
      });
    }
  }
  const leaf = (l: ServerCertSpec | ClientCertSpec, role: 'serverAuth' | 'clientAuth'): CertificateFacts => {
    if (l.existing && 'certificatePem' in l.existing) return certificateFacts(l.existing.certificatePem, l.label);
    const issuer = l.signedBy ? cas.get(l.signedBy) : undefined;
    const subject = dnString(l.subject);
    let notAfter = new Date(now.getTime() + (l.validityDays ?? spec.validityDays) * day);
    if (issuer && notAfter > issuer.notAfter) notAfter = issuer.notAfter;
    return {
      label: l.label, subject, issuer: issuer?.subject ?? subject, selfSigned: !issuer, keyAlgorithm: 'RSA',
      ...(l.csr ? {} : { keyBits: l.keyBits ?? spec.keyBits }),
      keyUsage: ['digitalSignature', 'keyEncipherment'], extendedKeyUsage: [role], notBefore: now, notAfter, isCa: false,
    };
  };
  const level3Profiles = spec.level3?.ports.map((p) => `EZB.FTP.${spec.level3!.sysname.toUpperCase()}.${spec.level3!.daemonJobName.toUpperCase()}.PORT${p}`);
  return {
    id: spec.id,
    name: keyringReference(spec),
    form: spec.form,
    serverCertificate: { ...leaf(spec.server, 'serverAuth'), hasPrivateKey: true, isDefault: true },
    certificateAuthorities: [...cas.values()].map((c) => ({ ...c, trusted: true })),
    clientCertificates: spec.clients.map((c) => {
      const f = leaf(c, 'clientAuth');
      const signedBy = c.signedBy ? cas.get(c.signedBy)?.label : undefined;
      return { ...f, ...(c.userId ? { userId: c.userId.toUpperCase() } : {}), ...(signedBy ? { signedBy } : {}) };
    }),
    ...(spec.level3 ? { level3Permits: spec.level3.permittedUsers.map((u) => u.toUpperCase()), level3Profile: level3Profiles![0] } : {}),
    expiryWarningDays: spec.expiryWarningDays,
  };
}

/** Where lib/pki puts each file, with `apply:` fingerprints (the engine creates the certificates). */
export function plannedKeyFiles(spec: KeyRingSpec, dir: string): KeyRingFiles {
  const paths = keyPaths(dir);
  const pending = (p: string) => `${PENDING_FINGERPRINT}${p}`;
  const server = spec.server;
  const serverHasKey = !server.csr;
  const caSigned = (c: { signedBy?: string }) => c.signedBy !== undefined;
  const trustsCas = spec.clients.some(caSigned) || (spec.certificateMaps ?? []).some((m) => m.signedBy);
  return {
    ...(serverHasKey ? { serverKey: paths.serverKey } : {}),
    serverCertificate: paths.serverCertificate,
    ...(serverHasKey ? { serverPkcs12: paths.serverPkcs12, serverPkcs12Password: paths.serverPkcs12Password } : {}),
    ...(trustsCas ? { trustedCas: paths.trustedCas } : {}),
    ...(spec.clients.some((c) => !caSigned(c)) ? { trustedSelfSigned: paths.trustedSelfSigned } : {}),
    clientTrustBundle: paths.clientTrustBundle,
    cas: spec.cas.map((ca: CaSpec) => ({ name: ca.name, label: ca.label, fingerprint256: pending(paths.ca(ca.name)), certificate: paths.ca(ca.name), external: false })),
    clients: spec.clients.map((c) => ({
      name: c.name,
      ...(c.userId ? { userId: c.userId.toUpperCase() } : {}),
      label: c.label,
      selfSigned: !caSigned(c),
      fingerprint256: pending(paths.clientCertificate(c.name)),
      ...(c.signedBy ? { issuerFingerprint256: pending(paths.ca(c.signedBy)) } : {}),
      certificate: paths.clientCertificate(c.name),
      ...(c.csr ? {} : { key: paths.clientKey(c.name), pkcs12: paths.clientPkcs12(c.name), pkcs12Password: paths.clientPkcs12Password(c.name) }),
    })),
  };
}

/**
 * After the engine wrote the certificates: replaces every `apply:<path>` fingerprint in
 * `<root>/<dir>/users.json` (and the image's copy) with the SHA-256 fingerprint of that
 * certificate file. Returns the files it rewrote. Throws naming the file when a
 * certificate is missing (apply has not run, or wrote elsewhere).
 */
export function resolvePendingFingerprints(root: string, dir: string): string[] {
  const rewritten: string[] = [];
  for (const file of [join(root, dir, 'users.json'), join(root, dir, 'image', 'users.json')]) {
    if (!existsSync(file)) continue;
    const registry = JSON.parse(readFileSync(file, 'utf8')) as UserRegistryFile;
    let changed = false;
    const resolve = (fp: string | undefined): string | undefined => {
      if (!fp?.startsWith(PENDING_FINGERPRINT)) return fp;
      const cert = join(root, fp.slice(PENDING_FINGERPRINT.length));
      if (!existsSync(cert)) throw new Error(`${file}: certificate ${cert} does not exist yet; run the apply (cdktf deploy / terraform apply) first`);
      changed = true;
      return new X509Certificate(readFileSync(cert)).fingerprint256;
    };
    const mappings = registry.certificateMappings.map((m) => {
      const fingerprint256 = resolve(m.fingerprint256);
      const issuerFingerprint256 = resolve(m.issuerFingerprint256);
      return { ...m, ...(fingerprint256 ? { fingerprint256 } : {}), ...(issuerFingerprint256 ? { issuerFingerprint256 } : {}) };
    });
    if (!changed) continue;
    writeFileSync(file, json({ ...registry, certificateMappings: mappings }));
    rewritten.push(file);
  }
  return rewritten;
}

/** 'C=US, O=Example, CN=ftp' in the order lib/pki writes the RDNs. */
export function dnString(dn: DistinguishedName): string {
  const parts: [string, string | undefined][] = [
    ['C', dn.country], ['ST', dn.state], ['L', dn.locality], ['O', dn.organization], ['OU', dn.organizationalUnit], ['CN', dn.commonName],
  ];
  return parts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${v}`).join(', ');
}
