/**
 * zftps/pulumi — the zftps constructs as Pulumi ComponentResources.
 *
 * `new KeyRing(name, props)` and `new SecureFtpServer(name, props)` take the core
 * constructs' props (the value classes stay plain values). Keys and certificates
 * are `zftps:Certificate` resources of a dynamic provider (node-forge and Node
 * crypto), so they live in Pulumi state and a second `pulumi up` reuses them. The
 * text artifacts come from the same core renderers as the embedded synth and are
 * the component's outputs. Plain props are checked by the rule catalogue before
 * any resource is registered; props given as Outputs when they resolve.
 */
import type * as PulumiNs from '@pulumi/pulumi';
import { type Finding, formatFinding, InputError, isBlocking } from '../diagnostics';
import * as core from '../constructs';
import type { CaSpec, ClientCertSpec, DistinguishedName, KeyRingSpec, ServerCertSpec } from '../pki';
import { validateKeyRingSpec } from '../pki';
import { PENDING_FINGERPRINT, planServer, type ServerPlan } from '../adapters/plan';
import type { UserRegistryFile } from '../model/user-registry';

export * from '../adapters/values';

export const MISSING_PEERS = 'install @pulumi/pulumi to use zftps/pulumi';

function loadPulumi(): typeof PulumiNs {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@pulumi/pulumi');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new Error(`${MISSING_PEERS} (${(e as Error).message.split('\n')[0]})`, { cause: e });
    throw e;
  }
}

const pulumi = loadPulumi();

// ---------------------------------------------------------------------------------------------
// The dynamic provider. Pulumi serializes these functions into the state and runs them in its
// dynamic-provider host: everything they use is imported *inside* them, by package name.

/** Inputs of one certificate (plain data, as stored in state). */
export interface CertificateInputs {
  readonly role: 'ca' | 'server' | 'client';
  readonly subject: DistinguishedName;
  readonly keyBits: number;
  readonly validityDays: number;
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  /** The signing CA; absent = self-signed. */
  readonly issuerCertPem?: string;
  readonly issuerKeyPem?: string;
}

export interface CertificateOutputs extends CertificateInputs {
  readonly certPem: string;
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** SHA-256, colon-separated upper-case hex. */
  readonly fingerprint256: string;
  readonly notAfter: string;
}

/** Inputs that change the certificate: any difference replaces it (new key, new certificate). */
export const CERTIFICATE_INPUTS = ['role', 'subject', 'keyBits', 'validityDays', 'dnsNames', 'ipAddresses', 'issuerCertPem', 'issuerKeyPem'] as const;

export const certificateProvider: PulumiNs.dynamic.ResourceProvider = {
  async create(inputs: CertificateInputs) {
    const crypto = await import('node:crypto');
    const forgeModule = await import('node-forge');
    const forge = ((forgeModule as { default?: typeof import('node-forge') }).default ?? forgeModule) as typeof import('node-forge');
    const { pki } = forge;
    // Native RSA keygen (OpenSSL); forge only assembles and signs the certificate.
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: inputs.keyBits, publicExponent: 65537 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();

    const cert = pki.createCertificate();
    cert.publicKey = pki.publicKeyFromPem(publicPem);
    cert.serialNumber = '01' + crypto.randomBytes(15).toString('hex');
    const dn = inputs.subject;
    const attrs = ([['C', dn.country], ['ST', dn.state], ['L', dn.locality], ['O', dn.organization], ['OU', dn.organizationalUnit], ['CN', dn.commonName]] as const)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([shortName, value]) => ({ shortName, value: forge.util.encodeUtf8(value!), valueTagClass: forge.asn1.Type.UTF8 as unknown as import("node-forge").asn1.Class }));
    cert.setSubject(attrs);
    const now = new Date();
    let notAfter = new Date(now.getTime() + inputs.validityDays * 86_400_000);
    let signingKey = pki.privateKeyFromPem(keyPem);
    let issuer: ReturnType<typeof pki.certificateFromPem> | undefined;
    if (inputs.issuerCertPem) {
      issuer = pki.certificateFromPem(inputs.issuerCertPem);
      cert.setIssuer(issuer.subject.attributes);
      signingKey = pki.privateKeyFromPem(inputs.issuerKeyPem!);
      if (notAfter > issuer.validity.notAfter) notAfter = issuer.validity.notAfter;
    } else {
      cert.setIssuer(attrs);
    }
    cert.validity.notBefore = now;
    cert.validity.notAfter = notAfter;
    const ext: object[] = [];
    if (inputs.role === 'ca') {
      ext.push({ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true });
    } else {
      ext.push({ name: 'basicConstraints', cA: false, critical: true }, { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true });
      ext.push(inputs.role === 'server' ? { name: 'extKeyUsage', serverAuth: true } : { name: 'extKeyUsage', clientAuth: true });
    }
    const altNames = [...(inputs.dnsNames ?? []).map((value) => ({ type: 2, value })), ...(inputs.ipAddresses ?? []).map((ip) => ({ type: 7, ip }))];
    if (altNames.length > 0) ext.push({ name: 'subjectAltName', altNames });
    ext.push({ name: 'subjectKeyIdentifier' });
    if (issuer) ext.push({ name: 'authorityKeyIdentifier', keyIdentifier: (issuer.generateSubjectKeyIdentifier() as { getBytes(): string }).getBytes() });
    cert.setExtensions(ext);
    cert.sign(signingKey, forge.md.sha256.create());
    const certPem = pki.certificateToPem(cert);
    const fingerprint256 = new crypto.X509Certificate(certPem).fingerprint256;
    const outs: CertificateOutputs = { ...inputs, certPem, privateKeyPem: keyPem, fingerprint256, notAfter: notAfter.toISOString() };
    return { id: fingerprint256.replace(/:/g, '').toLowerCase(), outs };
  },

  async diff(_id: string, olds: CertificateOutputs, news: CertificateInputs) {
    const keys = ['role', 'subject', 'keyBits', 'validityDays', 'dnsNames', 'ipAddresses', 'issuerCertPem', 'issuerKeyPem'] as const;
    const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const replaces = keys.filter((k) => !same(olds[k], news[k]));
    return { changes: replaces.length > 0, replaces: [...replaces], deleteBeforeReplace: false };
  },
};

/** One key and certificate, kept in Pulumi state (created once; replaced only when its inputs change). */
export class Certificate extends pulumi.dynamic.Resource {
  // `declare`: a class field would overwrite the outputs super() set (define semantics).
  declare readonly certPem: PulumiNs.Output<string>;
  declare readonly privateKeyPem: PulumiNs.Output<string>;
  declare readonly fingerprint256: PulumiNs.Output<string>;
  declare readonly notAfter: PulumiNs.Output<string>;

  constructor(name: string, args: { [K in keyof CertificateInputs]: PulumiNs.Input<CertificateInputs[K]> }, opts?: PulumiNs.CustomResourceOptions) {
    super(
      certificateProvider,
      name,
      { ...args, certPem: undefined, privateKeyPem: undefined, fingerprint256: undefined, notAfter: undefined },
      { ...opts, additionalSecretOutputs: ['privateKeyPem', 'issuerKeyPem'] },
      'zftps',
      'Certificate',
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Certificate PEMs of one identity. */
export interface IdentityOutputs {
  readonly certificatePem: PulumiNs.Output<string>;
  /** Secret. Absent for a certificate issued for a z/OS CSR or a CA given without key. */
  readonly privateKeyPem?: PulumiNs.Output<string>;
  readonly fingerprint256: PulumiNs.Output<string>;
}

/** A key ring whose keys and certificates live in Pulumi state. Props are plain values. */
export class KeyRing extends pulumi.ComponentResource {
  /** The core KeyRing with these props, in a tree whose paths match the embedded synth's. */
  readonly model: core.KeyRing;
  /** @internal The model tree's root; servers on this ring live in it. */
  readonly modelRoot: core.FtpsApp;
  /** By identity: 'server', CA names, client names. */
  readonly identities: ReadonlyMap<string, IdentityOutputs>;
  readonly serverCertificatePem: PulumiNs.Output<string>;
  /** What FTPS clients must trust: the self-signed server certificate, or the CA that signed it. */
  readonly clientTrustBundlePem: PulumiNs.Output<string>;

  constructor(name: string, props: core.KeyRingProps, opts?: PulumiNs.ComponentResourceOptions) {
    // Checked before anything is registered: a bad ring never reaches the engine.
    const modelRoot = new core.FtpsApp({ quiet: true });
    const model = new core.KeyRing(modelRoot, name, props);
    const spec = model.toSpec();
    validateKeyRingSpec(spec);
    super('zftps:index:KeyRing', name, {}, opts);
    this.modelRoot = modelRoot;
    this.model = model;
    const ids = new Map<string, IdentityOutputs>();
    for (const ca of spec.cas) ids.set(ca.name, this.ca(name, ca, spec));
    ids.set('server', this.leaf(`${name}-server`, spec.server, 'server', spec, ids));
    for (const c of spec.clients) ids.set(c.name, this.leaf(`${name}-client-${c.name}`, c, 'client', spec, ids));
    this.identities = ids;
    const server = ids.get('server')!;
    this.serverCertificatePem = spec.server.signedBy
      ? pulumi.all([server.certificatePem, ids.get(spec.server.signedBy)!.certificatePem]).apply(([a, b]) => a + b)
      : server.certificatePem;
    this.clientTrustBundlePem = spec.server.signedBy ? ids.get(spec.server.signedBy)!.certificatePem : server.certificatePem;
    this.registerOutputs({ serverCertificatePem: this.serverCertificatePem, clientTrustBundlePem: this.clientTrustBundlePem });
  }

  private ca(ringName: string, ca: CaSpec, spec: KeyRingSpec): IdentityOutputs {
    if (ca.existing) return existing(ca.existing.certificatePem, ca.existing.privateKeyPem);
    const c = new Certificate(`${ringName}-ca-${ca.name}`, {
      role: 'ca', subject: ca.subject, keyBits: ca.keyBits ?? spec.keyBits, validityDays: ca.validityDays ?? Math.max(3650, spec.validityDays),
    }, { parent: this });
    return { certificatePem: c.certPem, privateKeyPem: pulumi.secret(c.privateKeyPem), fingerprint256: c.fingerprint256 };
  }

  private leaf(resourceName: string, leaf: ServerCertSpec | ClientCertSpec, role: 'server' | 'client', spec: KeyRingSpec, ids: Map<string, IdentityOutputs>): IdentityOutputs {
    if (leaf.existing) {
      if (!('certificatePem' in leaf.existing)) throw new InputError(`key ring '${spec.id}' ${resourceName}: zftps/pulumi takes existing material as PEM, not PKCS#12`);
      return existing(leaf.existing.certificatePem, leaf.existing.privateKeyPem);
    }
    if (leaf.csr) throw new InputError(`key ring '${spec.id}' ${resourceName}: signing a z/OS CSR is not supported by zftps/pulumi yet; use the embedded synth`);
    const signer = leaf.signedBy ? ids.get(leaf.signedBy)! : undefined;
    const c = new Certificate(resourceName, {
      role,
      subject: leaf.subject,
      keyBits: leaf.keyBits ?? spec.keyBits,
      validityDays: leaf.validityDays ?? spec.validityDays,
      ...('dnsNames' in leaf ? { dnsNames: leaf.dnsNames, ipAddresses: leaf.ipAddresses } : {}),
      ...(signer ? { issuerCertPem: signer.certificatePem, issuerKeyPem: signer.privateKeyPem! } : {}),
    }, { parent: this });
    return { certificatePem: c.certPem, privateKeyPem: pulumi.secret(c.privateKeyPem), fingerprint256: c.fingerprint256 };
  }
}

function existing(certificatePem: string, privateKeyPem: string | undefined): IdentityOutputs {
  const { X509Certificate } = require('node:crypto') as typeof import('node:crypto');
  return {
    certificatePem: pulumi.output(certificatePem),
    ...(privateKeyPem ? { privateKeyPem: pulumi.secret(privateKeyPem) } : {}),
    fingerprint256: pulumi.output(new X509Certificate(certificatePem).fingerprint256),
  };
}

/** Any top-level setting may be an Output (validated when it resolves); keyRing is the component. */
export type SecureFtpServerArgs = {
  readonly [K in keyof Omit<core.SecureFtpServerProps, 'keyRing'>]?: PulumiNs.Input<NonNullable<core.SecureFtpServerProps[K]>>;
} & {
  readonly keyRing: KeyRing;
  /** Findings accepted, each with the reason (they still show, and no longer fail). Plain values. */
  readonly acknowledgements?: readonly { readonly ruleId: string; readonly reason: string }[];
};

/** The configuration broke rules of the catalogue: `findings` lists them, the message names the rule ids. */
export class ZftpsValidationError extends Error {
  constructor(readonly path: string, readonly findings: readonly Finding[]) {
    const blocking = findings.filter(isBlocking);
    super(`zftps: ${path} breaks ${blocking.length} rule${blocking.length === 1 ? '' : 's'} (${[...new Set(blocking.map((f) => f.ruleId))].join(', ')}):\n` +
      blocking.map((f) => formatFinding(f)).join('\n'));
    this.name = 'ZftpsValidationError';
  }
}

/**
 * One z/OS FTP server's TLS configuration. Outputs: `files` (FTP.DATA, the policy and
 * snippets, RACF jobs, zftps-server.json, by path — the same bytes the embedded synth
 * writes), `userRegistry` (secret: password verifiers, with the real certificate
 * fingerprints), the server's certificate chain and key (secret), and `findings`.
 */
export class SecureFtpServer extends pulumi.ComponentResource {
  readonly keyRing: KeyRing;
  /** Path → content of every artifact that needs no key material. */
  readonly files: PulumiNs.Output<Record<string, string>>;
  readonly ftpData: PulumiNs.Output<string>;
  /** The AT-TLS policy (TLSMECHANISM ATTLS), else undefined. */
  readonly attlsPolicy: PulumiNs.Output<string | undefined>;
  /** users.json, secret (password verifiers). */
  readonly userRegistry: PulumiNs.Output<string>;
  readonly serverCertificatePem: PulumiNs.Output<string>;
  readonly serverPrivateKeyPem: PulumiNs.Output<string>;
  readonly clientTrustBundlePem: PulumiNs.Output<string>;
  /** Every finding of the rule catalogue (warnings and acknowledged ones too). */
  readonly findings: PulumiNs.Output<readonly Finding[]>;

  constructor(name: string, args: SecureFtpServerArgs, opts?: PulumiNs.ComponentResourceOptions) {
    if (!(args.keyRing instanceof KeyRing)) throw new InputError(`SecureFtpServer ${name}: keyRing must be a KeyRing from zftps/pulumi`);
    const { keyRing, acknowledgements = [], ...settings } = args;
    const deferred = Object.values(settings).some((v) => pulumi.Output.isInstance(v) || v instanceof Promise);
    // Plain settings: the rules run before anything is registered.
    const plain = deferred ? undefined : planOrThrow(keyRing, name, settings as Omit<core.SecureFtpServerProps, 'keyRing'>, acknowledgements);
    super('zftps:index:SecureFtpServer', name, {}, opts);
    this.keyRing = keyRing;
    const plan: PulumiNs.Output<ServerPlan> = plain
      ? pulumi.output(plain)
      : resolveSettings(settings).apply((resolved) => planOrThrow(keyRing, name, resolved, acknowledgements));
    this.files = plan.apply((p) => Object.fromEntries(p.files.filter((f) => f.role !== 'userRegistry').map((f) => [f.path, f.content])));
    this.ftpData = plan.apply((p) => p.files.find((f) => f.role === 'ftpData')!.content);
    this.attlsPolicy = plan.apply((p) => p.files.find((f) => f.role === 'attlsPolicy')?.content);
    this.findings = plan.apply((p) => p.findings);
    const fingerprints = pulumi.all(Object.fromEntries([...keyRing.identities].map(([k, v]) => [k, v.fingerprint256])));
    this.userRegistry = pulumi.secret(pulumi.all([plan, fingerprints]).apply(([p, fps]) => withFingerprints(p, fps)));
    this.serverCertificatePem = keyRing.serverCertificatePem;
    this.clientTrustBundlePem = keyRing.clientTrustBundlePem;
    const key = keyRing.identities.get('server')!.privateKeyPem;
    this.serverPrivateKeyPem = key ? pulumi.secret(key) : pulumi.secret(pulumi.output(''));
    this.registerOutputs({
      files: this.files,
      userRegistry: this.userRegistry,
      serverCertificatePem: this.serverCertificatePem,
      serverPrivateKeyPem: this.serverPrivateKeyPem,
      clientTrustBundlePem: this.clientTrustBundlePem,
    });
  }
}

function planOrThrow(
  keyRing: KeyRing,
  name: string,
  settings: Omit<core.SecureFtpServerProps, 'keyRing'>,
  acknowledgements: NonNullable<SecureFtpServerArgs['acknowledgements']>,
): ServerPlan {
  const server = new core.SecureFtpServer(keyRing.modelRoot, name, { ...settings, keyRing: keyRing.model });
  for (const a of acknowledgements) server.acknowledge(a.ruleId, a.reason);
  const plan = planServer(server);
  if (plan.findings.some(isBlocking)) throw new ZftpsValidationError(name, plan.findings);
  for (const f of plan.findings) if (f.severity === 'warning' && !f.acknowledged) void pulumi.log.warn(`${f.ruleId}: ${f.message} (fix: ${f.fix})`);
  return plan;
}

/** Resolves only the top-level Outputs: plain values (value classes included) keep their prototypes. */
function resolveSettings(settings: Record<string, unknown>): PulumiNs.Output<Omit<core.SecureFtpServerProps, 'keyRing'>> {
  const keys = Object.keys(settings);
  const pending = keys.map((k) => {
    const v = settings[k];
    return pulumi.Output.isInstance(v) || v instanceof Promise ? pulumi.output(v as PulumiNs.Input<unknown>) : pulumi.output(null);
  });
  return pulumi.all(pending).apply((values) =>
    Object.fromEntries(keys.map((k, i) => [k, pulumi.Output.isInstance(settings[k]) || settings[k] instanceof Promise ? values[i] : settings[k]])) as Omit<core.SecureFtpServerProps, 'keyRing'>,
  );
}

/** users.json with the `apply:` placeholders replaced by the certificates' real fingerprints. */
function withFingerprints(plan: ServerPlan, fps: Record<string, string>): string {
  const file = plan.files.find((f) => f.role === 'userRegistry')!;
  const registry = JSON.parse(file.content) as UserRegistryFile;
  const byPath = new Map<string, string>();
  for (const c of plan.keyFiles.clients) byPath.set(c.certificate, fps[c.name]!);
  for (const ca of plan.keyFiles.cas) byPath.set(ca.certificate, fps[ca.name]!);
  const fill = (fp: string | undefined) => (fp?.startsWith(PENDING_FINGERPRINT) ? byPath.get(fp.slice(PENDING_FINGERPRINT.length)) : fp);
  const certificateMappings = registry.certificateMappings.map((m) => {
    const fingerprint256 = fill(m.fingerprint256);
    const issuerFingerprint256 = fill(m.issuerFingerprint256);
    return { ...m, ...(fingerprint256 ? { fingerprint256 } : {}), ...(issuerFingerprint256 ? { issuerFingerprint256 } : {}) };
  });
  return JSON.stringify({ ...registry, certificateMappings }, null, 2) + '\n';
}
