/**
 * `zftps diff`: what changes between two configurations, and what each change
 * means for clients — who will be refused, which cipher they will negotiate, which
 * certificates they must import, and which RACF commands must run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookupCipher } from '../model/cipher-suites';
import type { ArtifactRecord } from '../model/manifest';
import { effectiveSettings, settingsRecord, type ConfigSnapshot, type EffectiveSetting } from './snapshot';

export interface SettingChange {
  readonly key: string;
  readonly old?: string;
  readonly new?: string;
  readonly oldAt?: string;
  readonly newAt?: string;
}

export interface Negotiation {
  readonly client: string;
  readonly old: string;
  readonly new: string;
}

export interface DiffResult {
  readonly old: string;
  readonly new: string;
  readonly changes: readonly SettingChange[];
  /** What the changes mean for clients, one sentence each. */
  readonly clientImpact: readonly string[];
  /** Cipher (and protocol) typical clients negotiate before and after, for clients whose result changes. */
  readonly negotiation: readonly Negotiation[];
  /** Certificates clients must import (synth outputs only). */
  readonly certificates: readonly string[];
  /** RACF commands that must run (synth outputs only): new in the racf artifacts. */
  readonly racf: readonly string[];
}

/**
 * Typical clients and what they offer, in their order. OpenSSL 3.0's DEFAULT list is what curl,
 * Python's ftplib and lftp offer (`openssl ciphers -stdname DEFAULT`, PSK suites left out: no
 * FTP client configures a PSK).
 */
export const TYPICAL_CLIENTS: readonly { name: string; versions: readonly string[]; offers: readonly string[] }[] = [
  {
    name: 'OpenSSL 3 clients (curl, Python ftplib, lftp)',
    versions: ['TLSv1.2', 'TLSv1.3'],
    offers: [
      'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA',
    ],
  },
  {
    name: 'legacy RSA clients (TLS 1.0-1.2, AES-CBC-SHA and 3DES; older Java and z/OS clients)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    offers: ['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'],
  },
];

const VERSIONS = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];

/** Protocol versions the server enables, from its effective settings. */
function serverVersions(r: Record<string, string>): string[] {
  if (r.TLSMECHANISM === 'FTP') {
    // Native TLS has only the SSLV3 switch; System SSL's own defaults govern TLS 1.0-1.2 [I].
    return ['TLSv1.2', 'TLSv1.1', 'TLSv1', ...(r['protocol SSLv3'] === 'On' ? ['SSLv3'] : [])];
  }
  return VERSIONS.filter((v) => r[`protocol ${v}`] === 'On');
}

/** What a client negotiates: System SSL (native and AT-TLS) takes the first suite in the server's list the client offers. */
export function negotiate(r: Record<string, string>, client: (typeof TYPICAL_CLIENTS)[number]): string {
  if (!r.EXTENSIONS?.split(' ').includes('AUTH_TLS')) return 'no TLS (EXTENSIONS AUTH_TLS not coded)';
  if (r.TLSMECHANISM === 'ATTLS' && r['policy rule maps control port'] !== 'yes') return 'no TLS (no policy rule maps the control port)';
  const list = r.ciphers;
  if (!list || list.startsWith('(')) return 'System SSL default list (not modelled)';
  const suites = list.split(', ').map((n) => lookupCipher(n)).filter((s) => s !== undefined);
  const enabled = serverVersions(r);
  for (const v of VERSIONS) {
    if (!enabled.includes(v) || !client.versions.includes(v)) continue;
    const pick = suites.find((s) => s.versions.includes(v as never) && client.offers.includes(s.iana));
    if (pick) return `${pick.iana} (${v})`;
  }
  return 'handshake fails (no common protocol version and cipher suite)';
}

const LOGIN_LEVEL: Record<string, number> = { NO_CLIENT_AUTH: 0, REQUIRED: 1, VERIFY_USER: 2 };
const DATA_LEVEL: Record<string, number> = { NEVER: 0, CLEAR: 1, SAFE: 2, PRIVATE: 2 };

/** One sentence per change that clients notice. */
function impacts(a: Record<string, string>, b: Record<string, string>): string[] {
  const out: string[] = [];
  const changed = (k: string) => a[k] !== b[k];
  const was = (k: string) => `${k} ${a[k] ?? '(absent)'} → ${b[k] ?? '(absent)'}`;
  const ext = (r: Record<string, string>) => (r.EXTENSIONS ?? '').split(' ');
  if (ext(a).includes('AUTH_TLS') && !ext(b).includes('AUTH_TLS')) out.push('EXTENSIONS AUTH_TLS removed: AUTH TLS is refused (504); every client that requires TLS fails to connect.');
  if (!ext(a).includes('AUTH_TLS') && ext(b).includes('AUTH_TLS')) out.push('EXTENSIONS AUTH_TLS added: clients may now secure sessions with AUTH TLS.');
  if (changed('SECURE_FTP') && b.SECURE_FTP === 'REQUIRED') out.push(`${was('SECURE_FTP')}: clients that log in without AUTH TLS now get 530 (USER) or 534 (other commands).`);
  if (changed('SECURE_FTP') && b.SECURE_FTP === 'ALLOWED') out.push(`${was('SECURE_FTP')}: clients may now log in without TLS; passwords can cross the network in clear text.`);
  if (changed('SECURE_DATACONN')) {
    if (DATA_LEVEL[b.SECURE_DATACONN] > DATA_LEVEL[a.SECURE_DATACONN]) out.push(`${was('SECURE_DATACONN')}: PROT C is refused (536) and transfers on a clear data connection get 425; clients must send PROT P.`);
    else if (b.SECURE_DATACONN === 'NEVER') out.push(`${was('SECURE_DATACONN')}: PROT P is refused (536); data always flows in clear.`);
    else if (DATA_LEVEL[b.SECURE_DATACONN] < DATA_LEVEL[a.SECURE_DATACONN]) out.push(`${was('SECURE_DATACONN')}: clients may now transfer data in clear (PROT C).`);
  }
  if (changed('SECURE_CTRLCONN')) {
    if (b.SECURE_CTRLCONN === 'CLEAR') out.push(`${was('SECURE_CTRLCONN')}: CCC is now accepted${b.TLSRFCLEVEL === 'DRAFT' ? ' (but TLSRFCLEVEL DRAFT still refuses it)' : ''}; commands may then flow in clear.`);
    else if (a.SECURE_CTRLCONN === 'CLEAR') out.push(`${was('SECURE_CTRLCONN')}: CCC is refused (534); clients behind NAT firewalls that need CCC fail on data connections.`);
  }
  if (changed('TLSRFCLEVEL')) {
    if (b.TLSRFCLEVEL === 'DRAFT') out.push(`${was('TLSRFCLEVEL')}: CCC is refused and REIN no longer clears TLS; z/OS clients at RFC4217 must change to match.`);
    else if (a.TLSRFCLEVEL === 'DRAFT') out.push(`${was('TLSRFCLEVEL')}: AUTH and CCC are accepted at any time; z/OS FTP clients must use the same level.`);
    else out.push(`${was('TLSRFCLEVEL')}: ${b.TLSRFCLEVEL === 'CCCNONOTIFY' ? 'after CCC the server no longer sends close_notify' : 'after CCC the server exchanges close_notify'}; the client must use the same level.`);
  }
  if (changed('SECURE_SESSION_REUSE') && b.SECURE_SESSION_REUSE === 'REQUIRED') {
    out.push(`${was('SECURE_SESSION_REUSE')}: data connections must resume the control connection's TLS session — stock Python ftplib (no session reuse) and curl's second TLS 1.3 transfer fail with 425.`);
  }
  if (changed('SECURE_SESSION_REUSE') && b.SECURE_SESSION_REUSE === 'ALLOWED') out.push(`${was('SECURE_SESSION_REUSE')}: data connections may use any session; clients that do not resume work again, and data-connection stealing is no longer blocked.`);
  if (changed('SECURE_LOGIN')) {
    const up = (LOGIN_LEVEL[b.SECURE_LOGIN] ?? 0) > (LOGIN_LEVEL[a.SECURE_LOGIN] ?? 0);
    if (up && a.SECURE_LOGIN === 'NO_CLIENT_AUTH') out.push(`${was('SECURE_LOGIN')}: clients without a certificate the ring trusts now get 531${b.SECURE_LOGIN === 'VERIFY_USER' ? ', and a certificate must be registered to the login user ID' : ''}.`);
    else if (up) out.push(`${was('SECURE_LOGIN')}: a client certificate must now be registered (mapped) to the login user ID, or the login is refused (530).`);
    else out.push(`${was('SECURE_LOGIN')}: client certificates are checked less strictly${b.SECURE_LOGIN === 'NO_CLIENT_AUTH' ? ' (no longer asked for at all)' : ''}.`);
  }
  if (changed('SECURE_PASSWORD')) {
    out.push(b.SECURE_PASSWORD === 'REQUIRED'
      ? `${was('SECURE_PASSWORD')}: logins with only a mapped certificate now need a password.`
      : `${was('SECURE_PASSWORD')}: a mapped certificate now replaces the password (230 "is an authorized user").`);
  }
  if (changed('VERIFYUSER') && b.VERIFYUSER === 'TRUE') out.push(`${was('VERIFYUSER')}: users without READ to the port's EZB.FTP SERVAUTH profile are refused at login.`);
  if (changed('handshake role') && b['handshake role'] === 'ServerWithClientAuth') out.push(`${was('handshake role')}: the server asks every client for a certificate during the handshake.`);
  if (changed('client auth type') && b['client auth type']) out.push(`${was('client auth type')}: ${b['client auth type'] === 'Required' || b['client auth type'] === 'SAFCheck' ? 'clients without a certificate fail the handshake' : 'clients may connect without a certificate'}${b['client auth type'] === 'SAFCheck' ? '; the certificate must also map to a RACF user ID' : ''}.`);
  for (const v of VERSIONS) {
    const k = `protocol ${v}`;
    // Native TLS has only an SSLv3 switch: a mechanism change reports the others as settings, not as impacts.
    if (!changed(k) || a[k] === undefined || b[k] === undefined) continue;
    if (b[k] === 'Off') out.push(`${k} turned off: clients that only speak ${v} fail the handshake.`);
    else if (b[k] === 'On') out.push(`${k} turned on: clients may negotiate ${v}.`);
  }
  if (changed('TLSMECHANISM')) out.push(`${was('TLSMECHANISM')}: ${b.TLSMECHANISM === 'ATTLS' ? 'TLS now depends on Policy Agent having installed the policy (TCPCONFIG TTLS)' : 'TLS is done by the FTP server itself (deprecated by IBM)'}.`);
  if (changed('policy rule maps control port') && b['policy rule maps control port'] === 'no') out.push('no policy rule maps the control port any more: AUTH TLS fails for every client.');
  if (changed('TLSPORT')) out.push(`${was('TLSPORT')}: ${b.TLSPORT === '0' ? 'implicit-TLS clients (ftps://) can no longer connect' : `implicit-TLS clients connect to port ${b.TLSPORT}`}.`);
  if (changed('control port')) out.push(`${was('control port')}: clients must connect to port ${b['control port']}.`);
  if (changed('session timeout') && Number(b['session timeout']) < Number(a['session timeout'])) out.push(`${was('session timeout')}: sessions expire sooner; long transfers under REQUIRED reuse may fail to resume.`);
  if (changed('keyring') || changed('certificate label')) out.push('the server certificate source changed (keyring or certificate label): clients see a different certificate if the ring or label holds another one.');
  return out;
}

function artifacts(s: ConfigSnapshot, role: ArtifactRecord['role']): ArtifactRecord[] {
  return s.server ? s.server.artifacts.filter((a) => a.role === role) : [];
}

/** RACF commands of a synth output, continuation lines joined and comments dropped. */
function racfCommands(s: ConfigSnapshot): string[] {
  const tso = artifacts(s, 'racfCommands').find((a) => a.kind === 'tso');
  if (!tso || !s.outdir) return [];
  const text = readFileSync(join(s.outdir, tso.path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return text.replace(/\s*-\s*\n\s*/g, ' ').split('\n').map((l) => l.trim()).filter(Boolean);
}

function trustChanges(a: ConfigSnapshot, b: ConfigSnapshot): string[] {
  if (!a.server || !b.server) return [];
  const sha = (s: ConfigSnapshot, role: ArtifactRecord['role'], kind?: string) =>
    artifacts(s, role).filter((x) => !kind || x.kind === kind).map((x) => x.sha256).sort().join(',');
  const out: string[] = [];
  const bundle = artifacts(b, 'clientTrustBundle')[0];
  if (sha(a, 'clientTrustBundle') !== sha(b, 'clientTrustBundle')) {
    const serverChanged = sha(a, 'serverCertificate', 'certificate') !== sha(b, 'serverCertificate', 'certificate');
    const caChanged = sha(a, 'caCertificate') !== sha(b, 'caCertificate');
    const what = [caChanged ? 'the CA changed' : '', serverChanged && !caChanged ? 'the server certificate changed (self-signed: clients trust it directly)' : ''].filter(Boolean).join('; ');
    out.push(`client trust bundle changed (${what || 'its contents differ'}): every client must import ${bundle ? bundle.path : 'the new bundle'}.`);
  } else if (sha(a, 'serverCertificate', 'certificate') !== sha(b, 'serverCertificate', 'certificate')) {
    out.push('server certificate changed but the trust bundle did not (same CA): clients need no change.');
  }
  if (sha(a, 'serverTrustList') !== sha(b, 'serverTrustList')) out.push('server trust list changed: client certificates are now checked against other CAs; clients whose issuer was removed get refused at the handshake.');
  const clients = (s: ConfigSnapshot) => new Set(artifacts(s, 'clientIdentity').filter((x) => x.kind === 'certificate').map((x) => `${x.client}:${x.sha256}`));
  const before = clients(a);
  for (const c of clients(b)) if (!before.has(c)) out.push(`client ${c.split(':')[0]} has a new certificate: give it ${artifacts(b, 'clientIdentity').find((x) => x.client === c.split(':')[0] && x.kind === 'pkcs12')?.path ?? 'its new identity'}.`);
  return out;
}

export function diffSnapshots(a: ConfigSnapshot, b: ConfigSnapshot): DiffResult {
  const sa = effectiveSettings(a);
  const sb = effectiveSettings(b);
  const ra = settingsRecord(sa);
  const rb = settingsRecord(sb);
  const whereOf = (list: readonly EffectiveSetting[], key: string) => list.find((s) => s.key === key)?.where;
  const keys = [...new Set([...sa.map((s) => s.key), ...sb.map((s) => s.key)])];
  const changes: SettingChange[] = keys
    .filter((k) => ra[k] !== rb[k])
    .map((k) => ({
      key: k,
      ...(ra[k] !== undefined ? { old: ra[k] } : {}),
      ...(rb[k] !== undefined ? { new: rb[k] } : {}),
      ...(whereOf(sa, k) ? { oldAt: whereOf(sa, k) } : {}),
      ...(whereOf(sb, k) ? { newAt: whereOf(sb, k) } : {}),
    }));
  const negotiation = TYPICAL_CLIENTS.map((c) => ({ client: c.name, old: negotiate(ra, c), new: negotiate(rb, c) })).filter((n) => n.old !== n.new);
  const oldRacf = new Set(racfCommands(a));
  const racf = racfCommands(b).filter((c) => !oldRacf.has(c));
  return { old: a.source, new: b.source, changes, clientImpact: impacts(ra, rb), negotiation, certificates: trustChanges(a, b), racf };
}

export function renderDiffText(d: DiffResult): string {
  const lines = [`zftps diff ${d.old} → ${d.new}`, ''];
  if (!d.changes.length && !d.certificates.length && !d.racf.length) return lines.concat('No changes in effective settings.', '').join('\n');
  lines.push('Settings:');
  for (const c of d.changes) {
    const at = [c.oldAt && `old ${c.oldAt}`, c.newAt && `new ${c.newAt}`].filter(Boolean).join(', ');
    lines.push(`  ${c.key}: ${c.old ?? '(absent)'} → ${c.new ?? '(absent)'}${at ? `  [${at}]` : ''}`);
  }
  const section = (title: string, items: readonly string[]) => {
    if (!items.length) return;
    lines.push('', title);
    for (const i of items) lines.push(`  - ${i}`);
  };
  section('What this means for clients:', d.clientImpact);
  section('Negotiated cipher (the server takes the first suite in its list that the client offers):', d.negotiation.map((n) => `${n.client}: ${n.old} → ${n.new}`));
  section('Certificates:', d.certificates);
  section('RACF commands to run (new in the racf artifacts):', d.racf);
  lines.push('');
  return lines.join('\n');
}

export function renderDiffJson(d: DiffResult): string {
  return JSON.stringify(d, null, 2) + '\n';
}
