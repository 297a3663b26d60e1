/**
 * `zftps verify`: probes a running FTPS server (zftps or z/OS) with real TLS and
 * FTP and compares what it does with what a synth output configured. Every check
 * reports expected, observed and pass/fail/skip. It only reads: AUTH, PBSZ, PROT,
 * STAT, USER/PASS, PASV/EPSV and LIST of the login directory — never a command
 * that changes a file. Loopback only unless the host is named with allowHosts.
 */
import { X509Certificate } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { InputError } from '../diagnostics';
import type { CipherSuite } from '../model/cipher-suites';
import { FtpControl, type Endpoint, type Reply } from './verify-client';
import { fitsKey, loadExpected, offerableSuites, PROBE_VERSIONS, type ClientIdentity, type ExpectedConfig, type ProbeVersion } from './verify-expected';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface VerifyCheck {
  /** Stable id, e.g. `tls.version.TLSv1.3`, `secure-ftp.required`. */
  readonly id: string;
  readonly expected: string;
  readonly observed: string;
  readonly status: CheckStatus;
  /** Why a check was skipped, or what a failure means. */
  readonly reason?: string;
}

export interface VerifyReport {
  readonly target: string;
  readonly serverId: string;
  readonly checks: readonly VerifyCheck[];
  readonly summary: { readonly pass: number; readonly fail: number; readonly skip: number };
  /** TCP connections the run opened (control and data). */
  readonly connections: number;
}

export interface VerifyOptions {
  /** host:port of the explicit-TLS control port ([v6]:port for IPv6). */
  readonly target: string;
  /** Synth output folder (read through manifest.json). */
  readonly outdir: string;
  readonly serverId?: string;
  /** Where the implicit TLS listener really is (default: the configured TLSPORT on the same host). */
  readonly implicitPort?: number;
  /** Hosts other than loopback that may be probed. */
  readonly allowHosts?: readonly string[];
  /** Credentials for the session-reuse check (the password is never logged or printed). */
  readonly user?: string;
  readonly password?: string;
  /** Deadline of every connect and read. @default 5000 */
  readonly timeoutMs?: number;
}

/** Parses host:port and refuses non-loopback hosts that were not allowed by name. */
export function parseTarget(target: string, allowHosts: readonly string[] = []): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(target) ?? /^([^:]+):(\d+)$/.exec(target);
  if (!m) throw new InputError(`target '${target}' is not host:port (IPv6: [addr]:port)`);
  const port = Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError(`target '${target}': port must be 1-65535`);
  const host = m[1];
  if (!isLoopback(host) && !allowHosts.includes(host)) {
    throw new InputError(`refusing to probe ${host}: only loopback is probed unless the host is named with --allow-host ${host}`);
  }
  return { host, port };
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return net.isIPv6(host) && (host === '::1' || /^::ffff:127\./i.test(host));
}

const ACCEPTED = (r?: Reply) => !!r && (r.code === 331 || r.code === 230 || r.code === 232);
const show = (r?: Reply) => (r ? r.text.split('\n').join(' | ') : 'no reply');

export async function verifyServer(opts: VerifyOptions): Promise<VerifyReport> {
  const { host, port } = parseTarget(opts.target, opts.allowHosts);
  const expected = loadExpected(opts.outdir, opts.serverId);
  const probe = new Prober({ host, port, timeoutMs: opts.timeoutMs ?? 5000 }, expected);
  await probe.reachable();
  const checks: VerifyCheck[] = [];
  const add = (c: VerifyCheck | VerifyCheck[]) => checks.push(...(Array.isArray(c) ? c : [c]));

  add(await probe.controlChecks());
  add(await probe.secureFtp(opts.user));
  for (const v of PROBE_VERSIONS) add(await probe.version(v));
  add(await probe.cipherOrder('TLSv1.2'));
  add(await probe.unconfiguredRefused('TLSv1.2'));
  add(await probe.cipherOrder('TLSv1.3'));
  add(await probe.unconfiguredRefused('TLSv1.3'));
  add(await probe.sessionReuse(opts.user, opts.password));
  add(await probe.clientAuth(opts.user));
  add(await probe.implicit(opts.implicitPort));

  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return {
    target: `${host}:${port}`,
    serverId: expected.serverId,
    checks,
    summary: { pass: count('pass'), fail: count('fail'), skip: count('skip') },
    connections: probe.connections,
  };
}

export function verifyExitCode(report: VerifyReport): 0 | 1 {
  return report.summary.fail ? 1 : 0;
}

export function renderVerifyReport(report: VerifyReport, format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const lines = [`zftps verify ${report.target} against server '${report.serverId}'`];
  for (const c of report.checks) {
    lines.push(`${c.status.toUpperCase().padEnd(4)} ${c.id}`);
    lines.push(`     expected: ${c.expected}`);
    lines.push(`     observed: ${c.observed}`);
    if (c.reason) lines.push(`     ${c.status === 'skip' ? 'skipped' : 'note'}: ${c.reason}`);
  }
  const s = report.summary;
  lines.push(`${s.pass} passed, ${s.fail} failed, ${s.skip} skipped (${report.connections} connections)`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- probes

const check = (id: string, expected: string, observed: string, ok: boolean, reason?: string): VerifyCheck => ({
  id,
  expected,
  observed,
  status: ok ? 'pass' : 'fail',
  ...(reason ? { reason } : {}),
});
const skip = (id: string, expected: string, reason: string): VerifyCheck => ({ id, expected, observed: 'not probed', status: 'skip', reason });

type Session = { control: FtpControl; error?: undefined } | { control?: undefined; error: string; reply?: Reply };

class Prober {
  connections = 0;

  constructor(
    private readonly ep: Endpoint,
    private readonly x: ExpectedConfig,
  ) {}

  /** Exit 2 material: nothing answers FTP on the target. */
  async reachable(): Promise<void> {
    try {
      const c = await this.plain();
      await c.close();
    } catch (e) {
      throw new InputError(`${this.ep.host}:${this.ep.port} is not reachable as an FTP server: ${(e as Error).message}`);
    }
  }

  private async plain(): Promise<FtpControl> {
    this.connections++;
    const c = await FtpControl.connect(this.ep);
    const greeting = await c.read().catch((e: Error) => {
      c.destroy();
      throw e;
    });
    if (greeting.code !== 220) {
      c.destroy();
      throw new Error(`greeting was ${show(greeting)}`);
    }
    return c;
  }

  /** A client identity to present when the AT-TLS handshake itself demands one. */
  private handshakeIdentity(): tls.ConnectionOptions {
    const id = this.x.handshakeNeedsClientCert ? this.x.clients[0] : undefined;
    return id ? { cert: id.certPem, key: id.keyPem } : {};
  }

  /** Connect, 220, AUTH TLS, handshake. */
  private async explicit(tlsOpts: tls.ConnectionOptions): Promise<Session> {
    let c: FtpControl;
    try {
      c = await this.plain();
    } catch (e) {
      return { error: (e as Error).message };
    }
    const auth = await c.authTls(tlsOpts).catch((e: Error) => ({ ok: false as const, error: e.message, reply: undefined }));
    if (!auth.ok) {
      c.destroy();
      return { error: auth.error, reply: auth.reply };
    }
    return { control: c };
  }

  /** Certificate, chain, host name, STAT level and PROT C on one protected control connection. */
  async controlChecks(): Promise<VerifyCheck[]> {
    const s = await this.explicit({ ...this.handshakeIdentity(), ca: this.x.clientTrustPems.length ? [...this.x.clientTrustPems] : undefined });
    const ids = ['certificate.fingerprint', 'certificate.chain', 'certificate.hostname', 'stat.tls-level', 'prot-c'];
    if (!s.control) return ids.map((id) => check(id, 'a TLS session after AUTH TLS', `AUTH TLS failed: ${s.error}`, false));
    const c = s.control;
    const sock = c.tlsSocket!;
    const out: VerifyCheck[] = [];
    const peer = sock.getPeerX509Certificate();
    const fp = peer?.fingerprint256.toUpperCase() ?? 'no certificate';
    out.push(check('certificate.fingerprint', `SHA-256 ${this.x.serverFingerprint256} (serverCertificate)`, `SHA-256 ${fp} (${peer?.subject.replace(/\n/g, ', ') ?? '-'})`, fp === this.x.serverFingerprint256));
    if (!this.x.clientTrustPems.length) out.push(skip('certificate.chain', 'chains to the clientTrustBundle', 'the synth output has no clientTrustBundle'));
    else {
      const err = sock.authorizationError ? String(sock.authorizationError) : undefined;
      out.push(check('certificate.chain', 'verifies against the clientTrustBundle', err ? `not trusted: ${err}` : 'verified', sock.authorized));
    }
    out.push(this.hostnameCheck(peer));

    const stat = await c.cmd('STAT').catch((e: Error) => ({ code: 0, text: e.message }));
    const level = /TLS security is supported at the (\S+) level/.exec(stat.text)?.[1];
    out.push(check('stat.tls-level', `211-TLS security is supported at the ${this.x.ftp.tlsRfcLevel.value} level`, level ? `211-TLS security is supported at the ${level} level` : `no TLS level line in STAT: ${show(stat as Reply)}`, level === this.x.ftp.tlsRfcLevel.value));

    const data = this.x.ftp.secureDataConn.value;
    const refuse = data === 'SAFE' || data === 'PRIVATE';
    const pbsz = await c.cmd('PBSZ 0').catch(() => undefined);
    const prot = await c.cmd('PROT C').catch(() => undefined);
    out.push(
      check('prot-c', refuse ? `536 (SECURE_DATACONN ${data})` : `200 (SECURE_DATACONN ${data})`, `PBSZ 0 → ${show(pbsz)}; PROT C → ${show(prot)}`, refuse ? prot?.code === 536 : prot?.code === 200),
    );
    await c.close();
    return out;
  }

  private hostnameCheck(peer: X509Certificate | undefined): VerifyCheck {
    const expected = `the certificate names ${this.ep.host}`;
    if (!peer) return check('certificate.hostname', expected, 'no certificate', false);
    const err = tls.checkServerIdentity(this.ep.host, peer.toLegacyObject());
    return check('certificate.hostname', expected, err ? err.message : `matches (${peer.subjectAltName ?? peer.subject.replace(/\n/g, ', ')})`, !err);
  }

  /** SECURE_FTP REQUIRED: USER before AUTH → 530. */
  async secureFtp(user?: string): Promise<VerifyCheck> {
    const required = this.x.ftp.secureFtp.value === 'REQUIRED';
    const id = 'secure-ftp.required';
    const expected = required ? '530 on USER before AUTH (SECURE_FTP REQUIRED)' : '331/230 on USER before AUTH (SECURE_FTP ALLOWED)';
    let c: FtpControl;
    try {
      c = await this.plain();
    } catch (e) {
      return check(id, expected, (e as Error).message, false);
    }
    const r = await c.cmd(`USER ${user ?? this.x.userNames[0] ?? 'zftpsvfy'}`).catch(() => undefined);
    await c.close();
    return check(id, expected, `USER → ${show(r)}`, required ? r?.code === 530 : ACCEPTED(r));
  }

  /** Versions the suites of that version are offered with (every offerable one: the version is the only variable). */
  private offerAll(v: ProbeVersion): tls.ConnectionOptions {
    if (v === 'TLSv1.3') return { minVersion: v, maxVersion: v };
    const names = offerableSuites('TLSv1.2', this.x.serverKeyType).map((s) => s.openssl!);
    return { minVersion: v, maxVersion: v, ciphers: [...new Set(names)].join(':') + ':@SECLEVEL=0' };
  }

  async version(v: ProbeVersion): Promise<VerifyCheck> {
    const want = this.x.versions[v];
    const hs = await this.tryHandshake({ ...this.offerAll(v), ...this.handshakeIdentity() });
    const note = this.x.versionNotes[v];
    return check(`tls.version.${v}`, want ? `${v} accepted` : `${v} refused`, hs.ok ? `${v} accepted (${hs.cipher})` : `refused: ${hs.error}`, hs.ok === want, note);
  }

  /** One explicit-TLS handshake with the given client options; the connection is closed right after. */
  private async tryHandshake(tlsOpts: tls.ConnectionOptions): Promise<{ ok: true; cipher: string; iana: string } | { ok: false; error: string }> {
    const s = await this.explicit(tlsOpts);
    if (!s.control) return { ok: false, error: s.error };
    const sock = s.control.tlsSocket!;
    const cipher = sock.getCipher();
    const protocol = sock.getProtocol();
    // With TLS 1.3 a refused client certificate is only reported after the client's Finished: read once to see it.
    const reply = await s.control.cmd('NOOP').catch((e: Error) => e);
    s.control.destroy();
    if (reply instanceof Error) return { ok: false, error: `closed after the handshake: ${reply.message}` };
    return { ok: true, cipher: `${protocol} ${cipher.standardName ?? cipher.name}`, iana: cipher.standardName ?? cipher.name };
  }

  private configured(version: 'TLSv1.2' | 'TLSv1.3'): { suites?: readonly CipherSuite[]; why?: string } {
    const suites = version === 'TLSv1.2' ? this.x.tls12Suites : this.x.tls13Suites;
    if (!this.x.versions[version]) return { why: `${version} is not configured` };
    if (!suites) return { why: `no cipher list is coded in ${this.x.tlsSource}: the default list applies and its order is not checked` };
    return { suites };
  }

  private suiteOptions(version: 'TLSv1.2' | 'TLSv1.3', offer: readonly CipherSuite[]): tls.ConnectionOptions {
    const names = offer.map((s) => s.openssl!).join(':');
    return { minVersion: version, maxVersion: version, ciphers: version === 'TLSv1.3' ? names : `${names}:@SECLEVEL=0`, ...this.handshakeIdentity() };
  }

  /**
   * The server picks by ITS order: offering the configured suites from the i-th on, reversed, behind
   * every extra suite, must select the i-th; one rotated order must select the first.
   */
  async cipherOrder(version: 'TLSv1.2' | 'TLSv1.3'): Promise<VerifyCheck> {
    const id = `tls.ciphers.${version}.order`;
    const { suites, why } = this.configured(version);
    if (!suites) return skip(id, 'the server chooses by the configured order', why!);
    const usable = suites.filter((s) => s.openssl && fitsKey(s, this.x.serverKeyType));
    const unusable = suites.filter((s) => !usable.includes(s)).map((s) => s.iana);
    const order = usable.map((s) => s.iana).join(' > ');
    const expected = `server order ${order || '(none usable)'}`;
    const reason = unusable.length ? `not probed (Node cannot offer them, or they do not fit the server's ${this.x.serverKeyType} key): ${unusable.join(', ')}` : undefined;
    if (!usable.length) return { ...skip(id, expected, reason ?? 'no configured suite can be offered'), reason };
    const extras = offerableSuites(version, this.x.serverKeyType).filter((s) => !suites.includes(s));
    const trials: { offer: CipherSuite[]; want: CipherSuite }[] = usable.map((want, i) => ({ offer: [...extras, ...usable.slice(i).reverse()], want }));
    if (usable.length > 1) trials.push({ offer: [...usable.slice(1), ...extras, usable[0]], want: usable[0] });
    const seen: string[] = [];
    let ok = true;
    for (const t of trials) {
      const hs = await this.tryHandshake(this.suiteOptions(version, t.offer));
      const got = hs.ok ? hs.iana : `refused (${hs.error})`;
      if (got !== t.want.iana) {
        ok = false;
        seen.push(`offered ${t.offer.length} suites ending ${t.offer[t.offer.length - 1].iana}: chose ${got}, want ${t.want.iana}`);
      } else seen.push(got);
    }
    return check(id, expected, ok ? `chose ${[...new Set(seen)].join(' > ')} in ${trials.length} handshakes` : seen.join('; '), ok, reason);
  }

  /** Each suite that is not configured, offered alone, must be refused. */
  async unconfiguredRefused(version: 'TLSv1.2' | 'TLSv1.3'): Promise<VerifyCheck> {
    const id = `tls.ciphers.${version}.unconfigured-refused`;
    const { suites, why } = this.configured(version);
    if (!suites) return skip(id, 'suites not configured are refused', why!);
    const extras = offerableSuites(version, this.x.serverKeyType).filter((s) => !suites.includes(s));
    if (!extras.length) return skip(id, 'suites not configured are refused', `every ${version} suite a client here can offer is configured`);
    const accepted: string[] = [];
    for (const s of extras) {
      const hs = await this.tryHandshake(this.suiteOptions(version, [s]));
      if (hs.ok) accepted.push(s.iana);
    }
    return check(id, `each of ${extras.length} unconfigured suites refused alone`, accepted.length ? `accepted: ${accepted.join(', ')}` : `all ${extras.length} refused`, !accepted.length);
  }

  /** The identity to log in with when client authentication applies (the one mapped to `user` first). */
  private identityFor(user?: string): ClientIdentity | undefined {
    if (!user) return this.x.clients[0];
    return this.x.clients.find((c) => c.userId?.toUpperCase() === user.toUpperCase()) ?? (this.x.clientAuthLevel === 2 ? undefined : this.x.clients[0]);
  }

  /** SECURE_SESSION_REUSE: a resumed data connection is accepted; a full handshake is refused under REQUIRED. */
  async sessionReuse(user?: string, password?: string): Promise<VerifyCheck[]> {
    const required = this.x.ftp.secureSessionReuse.value === 'REQUIRED';
    const want = { resumed: 'LIST over a data connection that resumes the control session: accepted', fresh: required ? 'LIST over a full handshake: refused (SECURE_SESSION_REUSE REQUIRED)' : 'LIST over a full handshake: accepted (SECURE_SESSION_REUSE ALLOWED)' };
    const both = (reason: string) => [skip('session-reuse.resumed', want.resumed, reason), skip('session-reuse.full-handshake', want.fresh, reason)];
    if (!user || password === undefined) return both('needs credentials: --user U --password-env VAR');
    if (this.x.ftp.secureDataConn.value === 'NEVER') return both('SECURE_DATACONN NEVER: data connections are never protected');
    const identity = this.x.clientAuthLevel > 0 || this.x.handshakeNeedsClientCert ? this.identityFor(user) : undefined;
    if ((this.x.clientAuthLevel > 0 || this.x.handshakeNeedsClientCert) && !identity) return both(`client authentication is configured and no client identity in the synth output maps to ${user}`);
    const tlsOpts = identity ? { cert: identity.certPem, key: identity.keyPem } : {};
    const s = await this.explicit(tlsOpts);
    if (!s.control) return both(`AUTH TLS failed: ${s.error}`);
    const c = s.control;
    try {
      const steps = [await c.cmd('PBSZ 0'), await c.cmd('PROT P')];
      const u = await c.cmd(`USER ${user}`);
      const p = u.code === 331 ? await c.cmd(`PASS ${password}`) : u;
      if (steps.some((r) => r.code !== 200) || p.code !== 230) return both(`could not log in: PBSZ/PROT ${steps.map((r) => r.code).join('/')}, USER ${u.code}, PASS ${p.code}`);
      const resumed = await c.listProtected(true, tlsOpts);
      this.connections++;
      const fresh = await c.listProtected(false, tlsOpts);
      this.connections++;
      const okFinal = (r: typeof resumed) => !!r.final && r.final.code >= 200 && r.final.code < 300;
      const describe = (r: typeof resumed) =>
        `${r.preliminary ? `${r.preliminary.code} then ` : ''}${r.final ? show(r.final) : 'no final reply'}` +
        (r.resumed !== undefined ? `; data TLS ${r.resumed ? 'resumed' : 'full handshake'}` : '') +
        (r.dataError ? `; data: ${r.dataError}` : '');
      return [
        check('session-reuse.resumed', want.resumed, describe(resumed), okFinal(resumed) && resumed.resumed === true),
        check('session-reuse.full-handshake', want.fresh, describe(fresh), required ? !okFinal(fresh) : okFinal(fresh)),
      ];
    } finally {
      await c.close();
    }
  }

  /** Client certificates: without one (531, or a failed handshake under AT-TLS Required/SAFCheck); with one; mapped vs other user. */
  async clientAuth(user?: string): Promise<VerifyCheck[]> {
    const level = this.x.clientAuthLevel;
    const out: VerifyCheck[] = [];
    const loginUser = user ?? this.x.clients.find((c) => c.userId)?.userId ?? this.x.userNames[0] ?? 'zftpsvfy';
    // Without a certificate.
    const noCertExpected =
      level === 0 && !this.x.handshakeNeedsClientCert
        ? 'USER proceeds without a certificate (SECURE_LOGIN NO_CLIENT_AUTH)'
        : this.x.handshakeNeedsClientCert
          ? `the handshake fails without a certificate (AT-TLS ClientAuthType ${this.x.clientAuthType})`
          : `531 on USER without a certificate (SECURE_LOGIN ${this.x.ftp.secureLogin.value})`;
    const bare = await this.explicit({});
    let observed: string;
    let outcome: 'handshake-failed' | 'accepted' | 'refused531' | 'other';
    if (!bare.control) {
      observed = `handshake failed: ${bare.error}`;
      outcome = 'handshake-failed';
    } else {
      const r = await bare.control.cmd(`USER ${loginUser}`).catch((e: Error) => e);
      bare.control.destroy();
      if (r instanceof Error) {
        observed = `connection closed after the handshake: ${r.message}`;
        outcome = 'handshake-failed';
      } else {
        observed = `USER → ${show(r)}`;
        outcome = r.code === 531 ? 'refused531' : ACCEPTED(r) ? 'accepted' : 'other';
      }
    }
    const noCertOk = this.x.handshakeNeedsClientCert ? outcome === 'handshake-failed' : level === 0 ? outcome === 'accepted' : outcome === 'refused531';
    out.push(check('client-auth.without-certificate', noCertExpected, observed, noCertOk));

    if (level === 0) return out;
    const identity = level === 2 ? this.x.clients.find((c) => c.userId) : this.x.clients[0];
    const idTitle = level === 2 ? 'a client identity mapped to a user' : 'a client identity';
    if (!identity) {
      out.push(skip('client-auth.with-certificate', 'login proceeds with the certificate', `the synth output has no ${idTitle} with its key`));
      return out;
    }
    const mapped = level === 2 ? identity.userId! : loginUser;
    const other = this.x.userNames.find((n) => n.toUpperCase() !== mapped.toUpperCase()) ?? 'zftpsvfy';
    const s = await this.explicit({ cert: identity.certPem, key: identity.keyPem });
    if (!s.control) {
      out.push(check('client-auth.with-certificate', `USER ${mapped} proceeds with ${identity.name}'s certificate`, `handshake failed: ${s.error}`, false));
      return out;
    }
    const c = s.control;
    try {
      const r1 = await c.cmd(`USER ${mapped}`).catch(() => undefined);
      out.push(check('client-auth.with-certificate', `USER ${mapped} with ${identity.name}'s certificate: 331/230`, `USER ${mapped} → ${show(r1)}`, ACCEPTED(r1)));
      const r2 = await c.cmd(`USER ${other}`).catch(() => undefined);
      out.push(
        level === 2
          ? check('client-auth.other-user', `USER ${other} with ${identity.name}'s certificate (mapped to ${mapped}): 530 (VERIFY_USER)`, `USER ${other} → ${show(r2)}`, r2?.code === 530)
          : check('client-auth.other-user', `USER ${other} with ${identity.name}'s certificate: 331 (SECURE_LOGIN REQUIRED does not map users)`, `USER ${other} → ${show(r2)}`, ACCEPTED(r2)),
      );
    } finally {
      await c.close();
    }
    return out;
  }

  /** Implicit TLS port: handshake before the 220 (SECUREIMPLICITZOS FALSE) or after it (TRUE). */
  async implicit(portOverride?: number): Promise<VerifyCheck> {
    const id = 'implicit-tls';
    if (!this.x.implicitPort) {
      return skip(id, 'no implicit TLS port (TLSPORT 0)', portOverride ? `--implicit-port ${portOverride} was given but the configuration has no TLSPORT` : 'not configured');
    }
    const port = portOverride ?? this.x.implicitPort;
    const first = this.x.implicitGreetingFirst;
    const expected = first ? `port ${port}: 220 in clear, then the handshake (SECUREIMPLICITZOS TRUE)` : `port ${port}: handshake first, then 220 (SECUREIMPLICITZOS FALSE)`;
    this.connections++;
    const r = await FtpControl.connectImplicit({ ...this.ep, port }, this.handshakeIdentity(), first).catch((e: Error) => ({ error: e.message, control: undefined, greeting: undefined }));
    if (!r.control) return check(id, expected, `${r.greeting ? `220 received, then ` : ''}${r.error}`, false);
    let greeting = r.greeting;
    if (!first) greeting = await r.control.read().catch(() => undefined);
    const proto = r.control.tlsSocket?.getProtocol();
    await r.control.close();
    return check(id, expected, `${first ? '220 then ' : ''}${proto} handshake${first ? '' : `, then ${show(greeting)}`}`, greeting?.code === 220);
  }
}
