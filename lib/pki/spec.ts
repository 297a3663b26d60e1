/**
 * The key ring as plain data: what the KeyRing construct maps its props onto and
 * what synthesizeKeyRing() turns into certificates, a key store, artifacts and
 * RACF jobs. validateKeyRingSpec() rejects anything z/OS would reject (user IDs,
 * labels) or that cannot be built (unknown CA, CSR without a signer) up front,
 * before a single key is generated or file written.
 */
import { isIP } from 'node:net';
import { InputError } from '../diagnostics';

export type KeyBits = 2048 | 3072 | 4096;
export type Pkcs12Algorithm = '3des' | 'aes256';

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  locality?: string;
  state?: string;
}

/** Bring-your-own certificate material. `source` names the file(s) in error messages. */
export interface ExistingIdentity {
  certificatePem: string;
  privateKeyPem: string;
  /** Issuer certificates (intermediates, then root) for a certificate from an outside CA. */
  chainPem?: string;
  source?: string;
}

/** Bring-your-own identity as a PKCS#12 file (e.g. exported from another system). */
export interface ExistingPkcs12 {
  pkcs12: Uint8Array;
  password: string;
  source?: string;
}

/** A PKCS#10 request made on z/OS (RACDCERT GENREQ): we sign it; the private key never leaves z/OS. */
export interface CsrInput {
  csrPem: string;
  source?: string;
}

export interface CaSpec {
  /** Identity name (key store key, file names, signedBy references). */
  name: string;
  /** RACF certificate label (≤ 32 characters). */
  label: string;
  subject: DistinguishedName;
  keyBits?: KeyBits;
  validityDays?: number;
  /** Bring your own CA. Without privateKeyPem it can only be trusted, not sign. */
  existing?: { certificatePem: string; privateKeyPem?: string; source?: string };
}

export interface ServerCertSpec {
  label: string;
  subject: DistinguishedName;
  dnsNames: string[];
  ipAddresses: string[];
  /** CaSpec.name; undefined = self-signed. */
  signedBy?: string;
  keyBits?: KeyBits;
  validityDays?: number;
  existing?: ExistingIdentity | ExistingPkcs12;
  csr?: CsrInput;
}

export interface ClientCertSpec {
  name: string;
  label: string;
  subject: DistinguishedName;
  /** RACF user ID (≤ 8 characters) the certificate is registered to (RACDCERT ID(user) ADD). */
  userId?: string;
  signedBy?: string;
  keyBits?: KeyBits;
  validityDays?: number;
  /** The certificate alone is enough: the server only needs to trust/register it; the client keeps its key. */
  existing?: ExistingClientCertificate | ExistingPkcs12;
  csr?: CsrInput;
}

export interface ExistingClientCertificate extends Omit<ExistingIdentity, 'privateKeyPem'> {
  privateKeyPem?: string;
}

export interface CertificateMapSpec {
  userId: string;
  /** RACF SDNFILTER form, e.g. 'OU=FTP.O=Example' (RDNs separated by '.'). */
  subjectFilter?: string;
  /** RACF IDNFILTER form. */
  issuerFilter?: string;
  /** CaSpec.name whose certificates the filter may match (binds the filter to that issuer). */
  signedBy?: string;
  label: string;
}

export interface Level3Spec {
  sysname: string;
  daemonJobName: string;
  ports: number[];
  permittedUsers: string[];
}

export interface ZosClientSpec {
  userId: string;
  ringName: string;
  tlsRfcLevel: string;
  tlsMechanism: 'FTP' | 'ATTLS';
}

export type KeyRingForm = 'saf' | 'saf-shared' | 'kdb' | 'token';

export interface KeyRingSpec {
  id: string;
  /** SAF ring name; for 'kdb' the key database path (starts with '/'); for 'token' the token name. */
  ringName: string;
  /** The server's RACF user ID, e.g. FTPD. */
  ringOwner: string;
  form: KeyRingForm;
  keyBits: KeyBits;
  validityDays: number;
  cas: CaSpec[];
  server: ServerCertSpec;
  clients: ClientCertSpec[];
  certificateMaps?: CertificateMapSpec[];
  pkcs12Algorithm: Pkcs12Algorithm;
  expiryWarningDays: number;
  level3?: Level3Spec;
  /** z/OS FTP clients of this server: write their FTP.DATA + RACF commands too. */
  zosClients?: ZosClientSpec[];
}

/** The identity name the server certificate has in the key store and in `renew`. */
export const SERVER_IDENTITY = 'server';

const USER_ID = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const IDENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_LABEL = 32;
const KEY_BITS: readonly number[] = [2048, 3072, 4096];

export function isPkcs12Input(x: ExistingClientCertificate | ExistingPkcs12 | undefined): x is ExistingPkcs12 {
  return !!x && 'pkcs12' in x;
}

/** A RACF user ID or job/system name: 1–8 characters, A–Z 0–9 @ # $, not starting with a digit. */
export function checkRacfName(value: string, what: string, where: string): string {
  const upper = value.toUpperCase();
  if (!USER_ID.test(upper)) {
    const why = value.length === 0 ? 'is empty' : value.length > 8 ? `is ${value.length} characters (at most 8)` :
      'may only hold A-Z, 0-9, @, # and $ and must not start with a digit';
    throw new InputError(`${where}: ${what} '${value}' ${why}`);
  }
  return upper;
}

export function checkLabel(label: string, where: string): void {
  if (label.trim().length === 0) throw new InputError(`${where}: label is empty`);
  if (label.length > MAX_LABEL) {
    throw new InputError(`${where}: label '${label}' is ${label.length} characters; RACF labels hold at most ${MAX_LABEL}`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(label)) throw new InputError(`${where}: label '${label}' contains control characters`);
}

function checkDn(dn: DistinguishedName | undefined, where: string): void {
  if (!dn || typeof dn.commonName !== 'string' || dn.commonName.trim() === '') {
    throw new InputError(`${where}: subject.commonName is required`);
  }
  if (dn.commonName.length > 64) throw new InputError(`${where}: subject.commonName is longer than 64 characters`);
  if (dn.country !== undefined && !/^[A-Z]{2}$/.test(dn.country)) {
    throw new InputError(`${where}: subject.country '${dn.country}' must be a two-letter upper-case code`);
  }
}

function checkKeyParams(x: { keyBits?: number; validityDays?: number }, where: string): void {
  if (x.keyBits !== undefined && !KEY_BITS.includes(x.keyBits)) {
    throw new InputError(`${where}: keyBits ${x.keyBits} is not one of 2048, 3072, 4096`);
  }
  if (x.validityDays !== undefined && !(Number.isInteger(x.validityDays) && x.validityDays > 0 && x.validityDays <= 36500)) {
    throw new InputError(`${where}: validityDays ${x.validityDays} must be a whole number of days from 1 to 36500`);
  }
}

/** Where-prefix for messages about one identity of one ring. */
export function describe(spec: KeyRingSpec, identity: string): string {
  return `key ring '${spec.id}' ${identity}`;
}

/** Throws InputError naming the ring and identity for anything unusable. Pure; touches no file. */
export function validateKeyRingSpec(spec: KeyRingSpec): void {
  const ring = `key ring '${spec.id}'`;
  if (!spec.id || !IDENTITY_NAME.test(spec.id)) {
    throw new InputError(`${ring}: id must be 1-64 characters of A-Z a-z 0-9 . _ - (it names files)`);
  }
  checkRacfName(spec.ringOwner, 'ringOwner', ring);
  checkKeyParams(spec, ring);
  if (spec.keyBits === undefined || spec.validityDays === undefined) {
    throw new InputError(`${ring}: keyBits and validityDays are required`);
  }
  if (!['saf', 'saf-shared', 'kdb', 'token'].includes(spec.form)) throw new InputError(`${ring}: unknown form '${spec.form}'`);
  if (!spec.ringName) throw new InputError(`${ring}: ringName is empty`);
  if (spec.form === 'kdb' && !spec.ringName.startsWith('/')) {
    throw new InputError(`${ring}: a key database ringName is a z/OS UNIX path and must start with '/' (got '${spec.ringName}')`);
  }
  if ((spec.form === 'saf' || spec.form === 'saf-shared') && !/^[^\s'/]{1,237}$/.test(spec.ringName)) {
    throw new InputError(`${ring}: SAF ring name '${spec.ringName}' must be 1-237 characters without blanks, quotes or '/'`);
  }
  if (spec.form === 'token' && !/^[A-Z@#$][A-Z0-9@#$._-]{0,31}$/i.test(spec.ringName.replace(/^\*TOKEN\*\//i, ''))) {
    throw new InputError(`${ring}: token name '${spec.ringName}' must be 1-32 characters (A-Z 0-9 @ # $ . _ -)`);
  }
  if (!['3des', 'aes256'].includes(spec.pkcs12Algorithm)) {
    throw new InputError(`${ring}: pkcs12Algorithm must be '3des' or 'aes256'`);
  }
  if (!(Number.isInteger(spec.expiryWarningDays) && spec.expiryWarningDays >= 0)) {
    throw new InputError(`${ring}: expiryWarningDays must be a whole number >= 0`);
  }

  const names = new Set<string>([SERVER_IDENTITY]);
  const labels = new Map<string, string>();
  const useName = (name: string, where: string) => {
    if (!IDENTITY_NAME.test(name)) throw new InputError(`${where}: name '${name}' must be 1-64 characters of A-Z a-z 0-9 . _ -`);
    if (names.has(name)) throw new InputError(`${where}: name '${name}' is used twice (or is the reserved name '${SERVER_IDENTITY}')`);
    names.add(name);
  };
  const useLabel = (label: string, where: string) => {
    checkLabel(label, where);
    const other = labels.get(label);
    if (other) throw new InputError(`${where}: label '${label}' is already used by ${other}; labels must be unique in a ring`);
    labels.set(label, where);
  };

  const cas = new Map(spec.cas.map((c) => [c.name, c]));
  for (const ca of spec.cas) {
    const where = describe(spec, `CA '${ca.name}'`);
    useName(ca.name, where);
    useLabel(ca.label, where);
    checkDn(ca.subject, where);
    checkKeyParams(ca, where);
  }
  const checkSigner = (signedBy: string | undefined, where: string, csr: boolean) => {
    if (signedBy === undefined) {
      if (csr) throw new InputError(`${where}: a CSR needs signedBy (the CA that signs it); a request cannot sign itself`);
      return;
    }
    const ca = cas.get(signedBy);
    if (!ca) throw new InputError(`${where}: signedBy '${signedBy}' names no CA of this ring (have: ${[...cas.keys()].join(', ') || 'none'})`);
    return ca;
  };
  const checkLeaf = (leaf: ServerCertSpec | ClientCertSpec, where: string) => {
    useLabel(leaf.label, where);
    checkDn(leaf.subject, where);
    checkKeyParams(leaf, where);
    if (leaf.existing && leaf.csr) throw new InputError(`${where}: give either existing or csr, not both`);
    const ca = checkSigner(leaf.signedBy, where, !!leaf.csr);
    // A generated certificate needs a CA that can sign; bring-your-own material is only checked against it.
    if (ca && !leaf.existing && ca.existing && !ca.existing.privateKeyPem) {
      throw new InputError(`${where}: CA '${ca.name}' was given without its private key, so it cannot sign; give existing material signed by it instead`);
    }
  };

  const server = spec.server;
  const sWhere = describe(spec, 'server certificate');
  if (!server) throw new InputError(`${sWhere}: missing`);
  checkLeaf(server, sWhere);
  for (const ip of server.ipAddresses ?? []) {
    if (!isIP(ip)) throw new InputError(`${sWhere}: '${ip}' in ipAddresses is not an IPv4 or IPv6 address`);
  }
  for (const dns of server.dnsNames ?? []) {
    if (!/^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/.test(dns)) {
      throw new InputError(`${sWhere}: '${dns}' in dnsNames is not a DNS name`);
    }
  }
  if (server.existing && !isPkcs12Input(server.existing) && !server.existing.privateKeyPem) {
    throw new InputError(`${sWhere}: existing needs privateKeyPem (the server proves its identity with it); to keep the key on z/OS use csr instead`);
  }
  if (!server.existing && (server.dnsNames ?? []).length + (server.ipAddresses ?? []).length === 0) {
    throw new InputError(`${sWhere}: give at least one dnsNames or ipAddresses entry; TLS clients check the host name against the subjectAltName`);
  }

  for (const client of spec.clients) {
    const where = describe(spec, `client '${client.name}'`);
    useName(client.name, where);
    checkLeaf(client, where);
    if (client.userId !== undefined) checkRacfName(client.userId, 'userId', where);
  }

  for (const [i, map] of (spec.certificateMaps ?? []).entries()) {
    const where = describe(spec, `certificateMaps[${i}]`);
    checkRacfName(map.userId, 'userId', where);
    useLabel(map.label, where);
    if (!map.subjectFilter && !map.issuerFilter) {
      throw new InputError(`${where}: give subjectFilter and/or issuerFilter (RACDCERT MAP needs at least one)`);
    }
    for (const f of [map.subjectFilter, map.issuerFilter]) {
      if (f !== undefined && !/^[A-Z]+=/i.test(f)) {
        throw new InputError(`${where}: filter '${f}' must start with an attribute such as 'OU=' or 'CN=' (RACF IRRD140I)`);
      }
      if (f !== undefined && f.includes("'")) throw new InputError(`${where}: filter '${f}' must not contain a quote`);
    }
    if (map.signedBy !== undefined) checkSigner(map.signedBy, where, false);
    if (map.signedBy === undefined && !map.issuerFilter) {
      throw new InputError(`${where}: a subject-only filter must name its issuing CA (signedBy) so it never matches a certificate from another CA`);
    }
  }

  if (spec.level3) {
    const where = describe(spec, 'level3');
    checkRacfName(spec.level3.sysname, 'sysname', where);
    checkRacfName(spec.level3.daemonJobName, 'daemonJobName', where);
    if (spec.level3.ports.length === 0) throw new InputError(`${where}: ports is empty`);
    for (const p of spec.level3.ports) {
      if (!(Number.isInteger(p) && p >= 1 && p <= 65535)) throw new InputError(`${where}: port ${p} is not 1-65535`);
    }
    for (const u of spec.level3.permittedUsers) checkRacfName(u, 'permitted user', where);
  }

  for (const [i, c] of (spec.zosClients ?? []).entries()) {
    const where = describe(spec, `zosClients[${i}]`);
    checkRacfName(c.userId, 'userId', where);
    if (!/^[^\s'/]{1,237}$/.test(c.ringName)) throw new InputError(`${where}: ring name '${c.ringName}' is not a SAF ring name`);
    if (!['DRAFT', 'RFC4217', 'CCCNONOTIFY'].includes(c.tlsRfcLevel.toUpperCase())) {
      throw new InputError(`${where}: tlsRfcLevel '${c.tlsRfcLevel}' is not DRAFT, RFC4217 or CCCNONOTIFY`);
    }
    if (!['FTP', 'ATTLS'].includes(c.tlsMechanism)) throw new InputError(`${where}: tlsMechanism must be FTP or ATTLS`);
    if (c.tlsMechanism === 'ATTLS' && c.tlsRfcLevel.toUpperCase() === 'CCCNONOTIFY') {
      throw new InputError(`${where}: TLSRFCLEVEL CCCNONOTIFY does not work with TLSMECHANISM ATTLS (a CCC makes the session fail); use TLSMECHANISM FTP for this client`);
    }
  }
}

/** The KEYRING / Keyring value as FTP.DATA and the AT-TLS policy write it. */
export function keyringReference(spec: Pick<KeyRingSpec, 'form' | 'ringName' | 'ringOwner'>): string {
  switch (spec.form) {
    case 'saf':
      return spec.ringName;
    case 'saf-shared':
      return `${spec.ringOwner.toUpperCase()}/${spec.ringName}`;
    case 'kdb':
      return spec.ringName;
    case 'token':
      return /^\*TOKEN\*\//i.test(spec.ringName) ? spec.ringName : `*TOKEN*/${spec.ringName}`;
  }
}

/** Token name without its "*TOKEN*" prefix, upper-cased. */
export function tokenName(spec: Pick<KeyRingSpec, 'ringName'>): string {
  return spec.ringName.replace(/^\*TOKEN\*\//i, '').toUpperCase();
}
