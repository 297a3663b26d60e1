/**
 * KeyRing: the server's key ring — its name in the form z/OS accepts, the server
 * certificate, the CAs and the client certificates it must hold. Synth turns it
 * into real certificates (lib/pki), trust bundles, RACF jobs and the facts the
 * rule catalogue checks.
 */
import { Construct } from 'constructs';
import type { KeyRingForm } from '../model/config';
import type { CaSpec, ClientCertSpec, DistinguishedName, KeyRingSpec, ServerCertSpec } from '../pki/spec';

/** How FTP.DATA KEYRING / AT-TLS Keyring names the ring. */
export class KeyRingName {
  /** A SAF (RACF) key ring owned by the server's user ID: `KEYRING FTPRING`. */
  static saf(ring: string): KeyRingName {
    return new KeyRingName(ring, 'saf', ring);
  }
  /** A SAF key ring owned by another user ID: `KEYRING OWNER/RING`. */
  static shared(owner: string, ring: string): KeyRingName {
    return new KeyRingName(`${owner}/${ring}`, 'saf-shared', ring, owner);
  }
  /** A gskkyman key database in z/OS UNIX (stash file beside it): `KEYRING /etc/ftp/key.kdb`. */
  static keyDatabase(path: string): KeyRingName {
    return new KeyRingName(path, 'kdb', path);
  }
  /** A z/OS PKCS #11 token (documented for AT-TLS): `*TOKEN*` + `/NAME`. */
  static token(name: string): KeyRingName {
    return new KeyRingName(`*TOKEN*/${name}`, 'token', name);
  }
  private constructor(
    /** The value written after KEYRING / Keyring. */
    readonly value: string,
    readonly form: KeyRingForm,
    /** The ring (or database/token) name without owner. */
    readonly ringName: string,
    readonly owner?: string,
  ) {}
  toString() { return this.value; }
}

export interface CertificateIdentityProps {
  /** Certificate label in the ring (≤ 32 characters). @default derived from the id */
  readonly label?: string;
  /** Subject DN. @default CN = the id */
  readonly subject?: DistinguishedName;
  /** The CA that signs it; undefined = self-signed. @default self-signed */
  readonly signedBy?: CertificateAuthority;
  /** RSA key size (the document restricts key exchange to RSA). @default the ring's keyBits */
  readonly keyBits?: 2048 | 3072 | 4096;
  /** Validity in days. @default the ring's validityDays */
  readonly validityDays?: number;
  /** Bring your own certificate and key (PEM) instead of generating them. */
  readonly existing?: { readonly certificatePem: string; readonly privateKeyPem: string; readonly chainPem?: string };
  /** Sign this certificate signing request (e.g. from RACDCERT GENREQ): no private key leaves z/OS. */
  readonly csr?: { readonly csrPem: string };
}

export interface ServerCertificateProps extends CertificateIdentityProps {
  /** subjectAltName DNS entries. @default ['localhost'] */
  readonly dnsNames?: readonly string[];
  /** subjectAltName IP entries. @default ['127.0.0.1'] */
  readonly ipAddresses?: readonly string[];
}

export interface ClientCertificateProps extends Omit<CertificateIdentityProps, 'existing'> {
  /** The z/OS user ID (≤ 8 characters) this certificate is registered to (RACDCERT ID(user) ADD). */
  readonly userId?: string;
  readonly existing?: { readonly certificatePem: string; readonly privateKeyPem?: string };
}

/** A CA whose certificate goes into rings as a trust anchor. */
export class CertificateAuthority {
  constructor(
    readonly name: string,
    readonly props: {
      readonly label?: string;
      readonly subject?: DistinguishedName;
      /** RSA key size; independent of the rings the CA signs for. @default 2048 */
      readonly keyBits?: 2048 | 3072 | 4096;
      /** @default 3650 days (or the ring's validity when longer) */
      readonly validityDays?: number;
      /** Bring your own CA (the key is needed only to sign generated certificates). */
      readonly existing?: { readonly certificatePem: string; readonly privateKeyPem?: string };
    } = {},
  ) {}
  get label(): string {
    return this.props.label ?? labelFrom(this.name);
  }
}

/** A client certificate for client authentication (levels 1–3). */
export class ClientCertificate {
  constructor(
    readonly name: string,
    readonly props: ClientCertificateProps = {},
  ) {}
}

export interface KeyRingProps {
  /** The ring's name in the form KEYRING / Keyring takes. */
  readonly name: KeyRingName;
  /** RACF user ID that owns the ring (the FTP server's started-task user). @default 'FTPD' (or the shared ring's owner) */
  readonly owner?: string;
  /** The server certificate. @default self-signed, CN=localhost, SAN localhost and 127.0.0.1 */
  readonly serverCertificate?: ServerCertificateProps;
  /** CAs connected to the ring (signers of the server or client certificates). */
  readonly certificateAuthorities?: readonly CertificateAuthority[];
  /** Client certificates for client authentication. */
  readonly clientCertificates?: readonly ClientCertificate[];
  /** Name filters mapping many certificates to one user ID (RACDCERT MAP). */
  readonly certificateMaps?: readonly { readonly userId: string; readonly subjectFilter?: string; readonly issuerFilter?: string; readonly signedBy?: CertificateAuthority; readonly label: string }[];
  /** @default 2048 */
  readonly keyBits?: 2048 | 3072 | 4096;
  /** @default 397 (browser-style maximum, renew yearly) */
  readonly validityDays?: number;
  /** PKCS#12 encryption: '3des' is what RACDCERT ADD imports; 'aes256' is modern. @default '3des' */
  readonly pkcs12Algorithm?: '3des' | 'aes256';
  /** Warn when a certificate expires within this many days. @default 30 */
  readonly expiryWarningDays?: number;
}

export class KeyRing extends Construct {
  readonly ringName: KeyRingName;
  readonly owner: string;
  private serverCert: ServerCertificateProps;
  private readonly cas: CertificateAuthority[];
  private readonly clients: ClientCertificate[];
  private readonly maps: NonNullable<KeyRingProps['certificateMaps']>[number][];

  constructor(scope: Construct, id: string, readonly props: KeyRingProps) {
    super(scope, id);
    this.ringName = props.name;
    this.owner = props.owner ?? props.name.owner ?? 'FTPD';
    this.serverCert = props.serverCertificate ?? {};
    this.cas = [...(props.certificateAuthorities ?? [])];
    this.clients = [...(props.clientCertificates ?? [])];
    this.maps = [...(props.certificateMaps ?? [])];
    for (const c of this.clients) this.addSignerOf(c.props.signedBy);
    this.addSignerOf(this.serverCert.signedBy);
  }

  /** Adds (or returns) a CA connected to this ring as a trust anchor. */
  addCertificateAuthority(name: string, props: CertificateAuthority['props'] = {}): CertificateAuthority {
    const ca = new CertificateAuthority(name, props);
    this.cas.push(ca);
    return ca;
  }

  /** Sets the server certificate (replacing the default self-signed one). */
  setServerCertificate(props: ServerCertificateProps): void {
    this.serverCert = props;
    this.addSignerOf(props.signedBy);
  }

  /** Adds a client certificate, optionally registered to a user ID. */
  addClientCertificate(name: string, props: ClientCertificateProps = {}): ClientCertificate {
    const c = new ClientCertificate(name, props);
    this.clients.push(c);
    this.addSignerOf(props.signedBy);
    return c;
  }

  /** The label of the server certificate (AT-TLS CertificateLabel). */
  get serverCertificateLabel(): string {
    return this.serverCert.label ?? 'zftps server';
  }

  get clientCertificates(): readonly ClientCertificate[] {
    return this.clients;
  }

  private addSignerOf(ca: CertificateAuthority | undefined) {
    if (ca && !this.cas.includes(ca)) this.cas.push(ca);
  }

  /** The plain-data spec lib/pki synthesizes. */
  toSpec(level3?: KeyRingSpec['level3']): KeyRingSpec {
    const keyBits = this.props.keyBits ?? 2048;
    const validityDays = this.props.validityDays ?? 397;
    const s = this.serverCert;
    const server: ServerCertSpec = {
      label: this.serverCertificateLabel,
      subject: s.subject ?? { commonName: s.dnsNames?.[0] ?? 'localhost' },
      dnsNames: [...(s.dnsNames ?? ['localhost'])],
      ipAddresses: [...(s.ipAddresses ?? ['127.0.0.1'])],
      signedBy: s.signedBy?.name,
      keyBits: s.keyBits,
      validityDays: s.validityDays,
      existing: s.existing,
      csr: s.csr,
    };
    const cas: CaSpec[] = this.cas.map((ca) => ({
      name: ca.name,
      label: ca.label,
      subject: ca.props.subject ?? { commonName: ca.name },
      // A CA may sign for several rings, so its key size never follows one ring's keyBits.
      keyBits: ca.props.keyBits ?? 2048,
      validityDays: ca.props.validityDays,
      existing: ca.props.existing,
    }));
    const clients: ClientCertSpec[] = this.clients.map((c) => ({
      name: c.name,
      label: c.props.label ?? labelFrom(c.name),
      subject: c.props.subject ?? { commonName: c.name },
      userId: c.props.userId,
      signedBy: c.props.signedBy?.name,
      keyBits: c.props.keyBits,
      validityDays: c.props.validityDays,
      existing: c.props.existing,
      csr: c.props.csr,
    }));
    return {
      id: this.node.path,
      ringName: this.ringName.ringName,
      ringOwner: this.owner,
      form: this.ringName.form,
      keyBits,
      validityDays,
      cas,
      server,
      clients,
      certificateMaps: this.maps.map((m) => ({ userId: m.userId, subjectFilter: m.subjectFilter, issuerFilter: m.issuerFilter, signedBy: m.signedBy?.name, label: m.label })),
      pkcs12Algorithm: this.props.pkcs12Algorithm ?? '3des',
      expiryWarningDays: this.props.expiryWarningDays ?? 30,
      level3,
    };
  }
}

function labelFrom(name: string): string {
  return name.slice(0, 32);
}
