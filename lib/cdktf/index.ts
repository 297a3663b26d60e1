/**
 * zftps/cdktf — the zftps constructs inside a CDKTF `TerraformStack`.
 *
 * `new KeyRing(stack, id, props)` and `new SecureFtpServer(stack, id, props)` take
 * the core constructs' props. Keys and certificates become hashicorp/tls resources,
 * so Terraform state owns them; the files that need them (PEM keys, chains, trust
 * bundles) are local_file / local_sensitive_file resources written at apply. What
 * needs no key material (FTP.DATA, AT-TLS policy + snippets, RACF jobs, users.json,
 * zftps-server.json, image context) is written at synth into the stack's folder by
 * the same core renderers as the embedded synth, byte for byte. Every rule of the
 * catalogue runs through `node.addValidation`, so `app.synth()` fails with rule ids.
 *
 * CDKTF is archived (2025-12-10): this adapter is a thin leaf; nothing imports it.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Construct, type IConstruct } from 'constructs';
import type * as CdktfNs from 'cdktf';
import type * as TlsNs from '@cdktf/provider-tls';
import type * as LocalNs from '@cdktf/provider-local';
import { type Finding, formatFinding, InputError, isBlocking } from '../diagnostics';
import * as core from '../constructs';
import { writeImageContext } from '../image';
import type { CaSpec, ClientCertSpec, DistinguishedName, KeyRingSpec, ServerCertSpec } from '../pki';
import { planServer, resolvePendingFingerprints, type ServerPlan } from '../adapters/plan';

export * from '../adapters/values';

export const MISSING_PEERS = 'install cdktf, constructs, @cdktf/provider-tls and @cdktf/provider-local to use zftps/cdktf';

interface Peers {
  cdktf: typeof CdktfNs;
  tls: typeof TlsNs;
  local: typeof LocalNs;
  addCustomSynthesis(construct: IConstruct, synthesis: { onSynthesize(session: CdktfNs.ISynthesisSession): void }): void;
}

function loadPeers(): Peers {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    return {
      cdktf: require('cdktf'),
      tls: require('@cdktf/provider-tls'),
      local: require('@cdktf/provider-local'),
      // Not exported by cdktf; reachable because cdktf 0.21 (frozen) has no exports map. TerraformAsset uses it too.
      addCustomSynthesis: require('cdktf/lib/synthesize/synthesizer').addCustomSynthesis,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new Error(`${MISSING_PEERS} (${(e as Error).message.split('\n')[0]})`, { cause: e });
    throw e;
  }
}

const peers = loadPeers();
const { cdktf, tls, local } = peers;

const HOURS_PER_DAY = 24;

/** PEMs of one identity: Terraform references until apply, or the PEMs brought in. */
export interface IdentityPems {
  readonly certificatePem: string;
  /** Absent for a certificate issued for a z/OS CSR (the key never leaves z/OS) or a CA given without key. */
  readonly privateKeyPem?: string;
}

/** The single provider of a kind in a stack: found, or created once (two un-aliased ones break Terraform). */
function providerOf<T extends Construct>(scope: Construct, type: new (s: Construct, id: string, c: object) => T, id: string): T {
  const stack = cdktf.TerraformStack.of(scope);
  const found = stack.node.children.find((c): c is T => c instanceof type);
  return found ?? new type(stack, id, {});
}

/**
 * A key ring whose keys and certificates are Terraform resources (hashicorp/tls).
 * The same props as the core KeyRing; the resources are created from its final
 * contents when the stack synthesizes, so later `add…()` calls count.
 */
export class KeyRing extends Construct {
  /** The core KeyRing with these props, in a tree whose paths match the embedded synth's. */
  readonly model: core.KeyRing;
  /** @internal The model tree's root; servers on this ring live in it. */
  readonly modelRoot: core.FtpsApp;
  private identities?: Map<string, IdentityPems>;

  constructor(scope: Construct, id: string, props: core.KeyRingProps) {
    super(scope, id);
    this.modelRoot = new core.FtpsApp({ quiet: true });
    this.model = new core.KeyRing(this.modelRoot, id, props);
    providerOf(this, tls.provider.TlsProvider, 'tls');
    cdktf.Aspects.of(this).add({ visit: (node) => { if (node === this) this.materialize(); } });
  }

  addCertificateAuthority(name: string, props: core.CertificateAuthority['props'] = {}): core.CertificateAuthority {
    return this.model.addCertificateAuthority(name, props);
  }
  setServerCertificate(props: core.ServerCertificateProps): void {
    this.model.setServerCertificate(props);
  }
  addClientCertificate(name: string, props: core.ClientCertificateProps = {}): core.ClientCertificate {
    return this.model.addClientCertificate(name, props);
  }

  /**
   * The tls resources for every identity, keyed 'server', CA names and client names.
   * Created once, from the ring's contents at that moment (synth calls it).
   */
  materialize(): ReadonlyMap<string, IdentityPems> {
    if (this.identities) return this.identities;
    const spec = this.model.toSpec();
    const ids = new Map<string, IdentityPems>();
    for (const ca of spec.cas) ids.set(ca.name, this.caResources(ca, spec));
    ids.set('server', this.leafResources('server', spec.server, 'server_auth', spec, ids));
    for (const c of spec.clients) ids.set(c.name, this.leafResources(`client-${c.name}`, c, 'client_auth', spec, ids));
    this.identities = ids;
    return ids;
  }

  private caResources(ca: CaSpec, spec: KeyRingSpec): IdentityPems {
    if (ca.existing) return { certificatePem: ca.existing.certificatePem, privateKeyPem: ca.existing.privateKeyPem };
    const key = new tls.privateKey.PrivateKey(this, `ca-${ca.name}-key`, { algorithm: 'RSA', rsaBits: ca.keyBits ?? spec.keyBits });
    const cert = new tls.selfSignedCert.SelfSignedCert(this, `ca-${ca.name}-cert`, {
      privateKeyPem: key.privateKeyPem,
      isCaCertificate: true,
      allowedUses: ['cert_signing', 'crl_signing'],
      subject: [subjectOf(ca.subject)],
      validityPeriodHours: (ca.validityDays ?? Math.max(3650, spec.validityDays)) * HOURS_PER_DAY,
      setSubjectKeyId: true,
    });
    return { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPemPkcs8 };
  }

  private leafResources(
    id: string,
    leaf: ServerCertSpec | ClientCertSpec,
    use: 'server_auth' | 'client_auth',
    spec: KeyRingSpec,
    ids: Map<string, IdentityPems>,
  ): IdentityPems {
    if (leaf.existing) {
      if (!('certificatePem' in leaf.existing)) throw new InputError(`key ring '${spec.id}' ${id}: zftps/cdktf takes existing material as PEM, not PKCS#12`);
      return { certificatePem: leaf.existing.certificatePem, privateKeyPem: leaf.existing.privateKeyPem };
    }
    const validityPeriodHours = (leaf.validityDays ?? spec.validityDays) * HOURS_PER_DAY;
    const allowedUses = ['digital_signature', 'key_encipherment', use];
    const san = 'dnsNames' in leaf ? { dnsNames: [...leaf.dnsNames], ipAddresses: [...leaf.ipAddresses] } : {};
    const signer = leaf.signedBy ? ids.get(leaf.signedBy) : undefined;
    if (leaf.csr) {
      const cert = new tls.locallySignedCert.LocallySignedCert(this, `${id}-cert`, {
        certRequestPem: leaf.csr.csrPem, caCertPem: signer!.certificatePem, caPrivateKeyPem: signer!.privateKeyPem!, allowedUses, validityPeriodHours, setSubjectKeyId: true,
      });
      return { certificatePem: cert.certPem };
    }
    const key = new tls.privateKey.PrivateKey(this, `${id}-key`, { algorithm: 'RSA', rsaBits: leaf.keyBits ?? spec.keyBits });
    if (!signer) {
      const cert = new tls.selfSignedCert.SelfSignedCert(this, `${id}-cert`, {
        privateKeyPem: key.privateKeyPem, subject: [subjectOf(leaf.subject)], allowedUses, validityPeriodHours, setSubjectKeyId: true, ...san,
      });
      return { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPemPkcs8 };
    }
    const csr = new tls.certRequest.CertRequest(this, `${id}-csr`, { privateKeyPem: key.privateKeyPem, subject: [subjectOf(leaf.subject)], ...san });
    const cert = new tls.locallySignedCert.LocallySignedCert(this, `${id}-cert`, {
      certRequestPem: csr.certRequestPem, caCertPem: signer.certificatePem, caPrivateKeyPem: signer.privateKeyPem!, allowedUses, validityPeriodHours, setSubjectKeyId: true,
    });
    return { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPemPkcs8 };
  }
}

export interface SecureFtpServerProps extends Omit<core.SecureFtpServerProps, 'keyRing'> {
  /** The key ring (a zftps/cdktf KeyRing, whose certificates Terraform creates). */
  readonly keyRing: KeyRing;
}

/**
 * One z/OS FTP server's TLS configuration in a TerraformStack. Its files go to
 * `<stack folder>/<id>/` (cdktf.out/stacks/<stack>/<id>/): the text artifacts at
 * synth, the key material at apply (local_file resources, paths relative to the
 * stack folder, where terraform runs).
 */
export class SecureFtpServer extends Construct {
  /** The core SecureFtpServer with these props (its renderers write the files). */
  readonly model: core.SecureFtpServer;
  readonly keyRing: KeyRing;
  private planned?: ServerPlan | InputError;
  private readonly now = new Date();
  private materialized = false;

  constructor(scope: Construct, id: string, props: SecureFtpServerProps) {
    super(scope, id);
    if (!(props.keyRing instanceof KeyRing)) throw new InputError(`SecureFtpServer ${this.node.path}: keyRing must be a KeyRing from zftps/cdktf (its certificates are Terraform resources)`);
    this.keyRing = props.keyRing;
    this.model = new core.SecureFtpServer(props.keyRing.modelRoot, id, { ...props, keyRing: props.keyRing.model });
    providerOf(this, local.provider.LocalProvider, 'local');
    this.node.addValidation({ validate: () => this.validate() });
    cdktf.Aspects.of(this).add({ visit: (node) => { if (node === this) this.materialize(); } });
    peers.addCustomSynthesis(this, { onSynthesize: (session) => this.writeSynthFiles(session) });
  }

  addUser(user: core.FtpUser): void {
    this.model.addUser(user);
  }
  /** Acknowledges a finding with the reason it is accepted; it still shows, and no longer fails synth. */
  acknowledge(ruleId: string, reason: string): void {
    this.model.acknowledge(ruleId, reason);
  }

  /** The plan (files and findings); an InputError for unusable key ring input. */
  plan(): ServerPlan {
    if (!this.planned) {
      try {
        this.planned = planServer(this.model, this.now);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        this.planned = e;
      }
    }
    if (this.planned instanceof InputError) throw this.planned;
    return this.planned;
  }

  /** Every finding of the rule catalogue (warnings and acknowledged ones too). */
  get findings(): readonly Finding[] {
    return this.plan().findings;
  }

  private validate(): string[] {
    let plan: ServerPlan;
    try {
      plan = this.plan();
    } catch (e) {
      return [(e as Error).message];
    }
    for (const f of plan.findings) if (!isBlocking(f) && f.severity === 'warning' && !f.acknowledged) cdktf.Annotations.of(this).addWarning(oneLine(f));
    return plan.findings.filter(isBlocking).map((f) => formatFinding({ ...f, path: this.node.path }));
  }

  /** local_file resources for the key material and the outputs; skipped when the plan is unusable (validation reports it). */
  private materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    let plan: ServerPlan;
    try {
      plan = this.plan();
    } catch {
      return;
    }
    const ids = this.keyRing.materialize();
    const k = plan.keyFiles;
    const server = ids.get('server')!;
    const filename = (p: string) => `\${path.module}/${p}`;
    const file = (id: string, path: string, content: string) =>
      new local.file.File(this, id, { filename: filename(path), content, filePermission: '0644', directoryPermission: '0755' });
    const secret = (id: string, path: string, content: string) =>
      new local.sensitiveFile.SensitiveFile(this, id, { filename: filename(path), content, filePermission: '0600', directoryPermission: '0700' });
    const chainOf = (name: string, signedBy: string | undefined) => {
      const own = ids.get(name)!.certificatePem;
      return signedBy ? cdktf.Fn.join('', [own, ids.get(signedBy)!.certificatePem]) : own;
    };

    const spec = plan.spec;
    if (k.serverKey && server.privateKeyPem) secret('server-key-file', k.serverKey, server.privateKeyPem);
    const serverChain = chainOf('server', spec.server.signedBy);
    file('server-certificate-file', k.serverCertificate, serverChain);
    for (const ca of k.cas) file(`ca-${ca.name}-file`, ca.certificate, ids.get(ca.name)!.certificatePem);
    const serverAnchor = spec.server.signedBy ? ids.get(spec.server.signedBy)!.certificatePem : server.certificatePem;
    file('client-trust-bundle-file', k.clientTrustBundle, serverAnchor);
    if (k.trustedCas) {
      const signers = new Set<string>([...spec.clients.flatMap((c) => (c.signedBy ? [c.signedBy] : [])), ...(spec.certificateMaps ?? []).flatMap((m) => (m.signedBy ? [m.signedBy] : []))]);
      file('server-trust-cas-file', k.trustedCas, cdktf.Fn.join('', [...signers].map((s) => ids.get(s)!.certificatePem)));
    }
    if (k.trustedSelfSigned) {
      file('server-trust-self-signed-file', k.trustedSelfSigned, cdktf.Fn.join('', spec.clients.filter((c) => !c.signedBy).map((c) => ids.get(c.name)!.certificatePem)));
    }
    for (const c of k.clients) {
      const pems = ids.get(c.name)!;
      file(`client-${c.name}-certificate-file`, c.certificate, pems.certificatePem);
      if (c.key && pems.privateKeyPem) secret(`client-${c.name}-key-file`, c.key, pems.privateKeyPem);
    }

    new cdktf.TerraformOutput(this, 'server-certificate-pem', { value: serverChain, description: `${this.node.path}: server certificate chain (PEM)` });
    new cdktf.TerraformOutput(this, 'client-trust-bundle-pem', { value: serverAnchor, description: `${this.node.path}: what FTPS clients must trust (PEM)` });
    if (server.privateKeyPem) {
      new cdktf.TerraformOutput(this, 'server-private-key-pem', { value: server.privateKeyPem, sensitive: true, description: `${this.node.path}: server private key (PKCS#8 PEM)` });
    }
  }

  /** The text artifacts (and the image context) into the stack's folder, at synth. */
  private writeSynthFiles(session: CdktfNs.ISynthesisSession): void {
    const plan = this.plan();
    const root = join(session.outdir, session.manifest.forStack(cdktf.TerraformStack.of(this)).workingDirectory);
    for (const f of plan.files) {
      const abs = join(root, ...f.path.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.content);
    }
    writeImageContext(root, plan.dir);
  }
}

/**
 * After `cdktf deploy` (terraform apply) wrote the certificates: fills the certificate
 * fingerprints into users.json (Terraform has no SHA-256 certificate fingerprint).
 * `stackDir` is the stack's folder, e.g. `cdktf.out/stacks/ftps`. Returns the files rewritten.
 */
export function finishAfterApply(stackDir: string, serverIds?: readonly string[]): string[] {
  const dirs = serverIds ?? readdirSync(stackDir).filter((d) => existsSync(join(stackDir, d, 'zftps-server.json')));
  return dirs.flatMap((d) => resolvePendingFingerprints(stackDir, d));
}

function subjectOf(dn: DistinguishedName) {
  return {
    commonName: dn.commonName,
    ...(dn.organization ? { organization: dn.organization } : {}),
    ...(dn.organizationalUnit ? { organizationalUnit: dn.organizationalUnit } : {}),
    ...(dn.country ? { country: dn.country } : {}),
    ...(dn.locality ? { locality: dn.locality } : {}),
    ...(dn.state ? { province: dn.state } : {}),
  };
}

function oneLine(f: Finding): string {
  return `${f.ruleId}: ${f.message} (fix: ${f.fix})`;
}
