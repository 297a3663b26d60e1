/**
 * One control connection: the command parser, the TLS state machine (AUTH, PBSZ,
 * PROT, CCC, REIN, implicit TLS), login, and the transfers it starts.
 *
 * Input path: TCP bytes → (RecordTap → TLSSocket →) line parser → one command at a
 * time. AUTH takes the parser's unread bytes and installs the tap *before* 234
 * is written, so a fast client's ClientHello can never reach the line parser.
 */
import type * as net from 'node:net';
import type * as tls from 'node:tls';
import type { Duplex, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { COMMANDS, UNSUPPORTED_COMMANDS } from './commands';
import { connectActive, fromNetworkAscii, PassiveListener, plainAddress, sameAddress, toNetworkAscii } from './data';
import { findUser, level3Refusal, mapCertificate, type LoginGuard } from './auth';
import { NotTlsError, RecordTap, looksLikeRecord } from './record-tap';
import { peekClientHello } from './client-hello';
import { examinePeer, TlsBinding, type PeerCertificate } from './tls-binding';
import { hasExtension, passwordOptional, type EffectiveSettings, type UserAccount } from './settings';
import type { Logger } from './log';
import { FsError, formatListLine, formatMlsxFacts, type FileInfo, type UserFileSystem } from './storage';
import { sendFile } from './send-file';

export interface SessionHost {
  readonly log: Logger;
  readonly guard: LoginGuard;
  openFileSystem(user: UserAccount): Promise<UserFileSystem>;
  /** Called once when the session is gone. */
  sessionClosed(session: ControlSession): void;
  /** Transfer bookkeeping (xferlog, metrics). */
  transferDone?(info: TransferRecord): void;
  /** What an operator is told about: TLS, certificates, logins, refusals (logs, metrics). */
  event?(e: SessionEvent): void;
}

export type SessionEvent =
  | { readonly kind: 'tls'; readonly channel: 'control' | 'data'; readonly version: string; readonly cipher: string; readonly reused: boolean }
  | { readonly kind: 'tls-failed'; readonly channel: 'control' | 'data'; readonly reason: string }
  | { readonly kind: 'client-certificate'; readonly subject: string; readonly issuer: string; readonly fingerprint: string; readonly verified: boolean }
  | { readonly kind: 'reuse-refused'; readonly reason: string }
  | { readonly kind: 'login'; readonly user: string; readonly method: 'password' | 'certificate' }
  | { readonly kind: 'login-failed'; readonly user: string; readonly reason: string };

export interface TransferRecord {
  readonly user: string;
  readonly peer: string;
  readonly direction: 'in' | 'out';
  readonly path: string;
  readonly bytes: number;
  readonly ms: number;
  readonly ok: boolean;
  readonly protected: boolean;
  readonly type: 'ascii' | 'binary';
}

type DataSetup =
  | { kind: 'passive'; listener: PassiveListener }
  | { kind: 'active'; host: string; port: number };

interface Transfer {
  readonly ctl: AbortController;
  done: Promise<void>;
  aborted: boolean;
}

const MLST_FACTS_ALL = ['type', 'size', 'modify', 'perm', 'unix.mode'];
const MAX_ABUSE = 3;
/** CCC/REIN: how long the client may take to send its close_notify before the server sends one. */
const CLOSE_NOTIFY_WAIT_MS = 500;

export class ControlSession {
  readonly peer: string;
  readonly localPort: number;
  private out: Writable;
  private tap?: RecordTap;
  private tlsSock?: tls.TLSSocket;
  private binding?: TlsBinding;
  private peerCert?: PeerCertificate;
  /** Control connection currently inside TLS. */
  private secured = false;
  /** A security exchange happened (stays true after CCC): SECURE_FTP is satisfied. */
  private securityEstablished = false;
  private cccDone = false;
  private pbszDone = false;
  private prot: 'C' | 'P' = 'C';

  private inbuf: Buffer = Buffer.alloc(0);
  private discarding = false;
  private abuse = 0;
  private busy = false;
  private closed = false;

  private pendingUser?: string;
  private user?: UserAccount;
  private fs?: UserFileSystem;
  private cwd = '/';
  private type: 'A' | 'I' = 'A';
  private restOffset = 0;
  private renameFrom?: string;
  private data?: DataSetup;
  private epsvAll = false;
  private transfer?: Transfer;
  private mlstFacts = MLST_FACTS_ALL;
  private idleTimer?: NodeJS.Timeout;
  private readonly log: Logger;

  constructor(
    private readonly sock: net.Socket,
    private readonly s: EffectiveSettings,
    private readonly host: SessionHost,
    private readonly implicit: boolean,
  ) {
    this.peer = plainAddress(sock.remoteAddress);
    this.localPort = sock.localPort ?? 0;
    this.out = sock;
    this.log = host.log.child({ peer: this.peer, port: this.localPort });
    sock.setNoDelay(true);
    sock.on('data', (chunk: Buffer) => this.onTcpData(chunk));
    sock.on('error', (e) => this.log.debug({ err: e.message }, 'control socket error'));
    sock.on('close', () => this.close('client closed the control connection'));
  }

  get transferring(): boolean {
    return this.transfer !== undefined;
  }

  get transferDone(): Promise<void> {
    return this.transfer?.done ?? Promise.resolve();
  }

  start(): void {
    this.touch();
    if (!this.implicit) return this.reply(220, 'zftps FTP server ready.');
    this.securityEstablished = true;
    this.pbszDone = true;
    this.prot = 'P'; // implicit FTPS: data protected from the start (MS-FTPS convention) [inferred for z/OS]
    if (this.s.secureImplicitZos) this.reply(220, 'zftps FTP server ready; TLS handshake follows.');
    this.startControlTls(Buffer.alloc(0));
  }

  /** Server shutdown: idle sessions get 421 at once; the caller waits for transfers. */
  shutdown(text = 'Server shutting down.'): void {
    if (this.closed) return;
    this.reply(421, text);
    this.endConnection();
  }

  destroy(): void {
    this.close('destroyed');
  }

  // ------------------------------------------------------------------ input

  private onTcpData(chunk: Buffer): void {
    if (this.closed) return;
    if (!this.tap) return this.feedPlain(chunk);
    let plain: Buffer | undefined;
    try {
      plain = this.tap.feed(chunk);
    } catch (e) {
      if (!(e instanceof NotTlsError)) throw e;
      // Plaintext where the TLS handshake must be (a client that ignored 234).
      this.log.info({}, 'plaintext received instead of a TLS handshake');
      this.sock.write('421 TLS negotiation failed: expected a TLS handshake.\r\n');
      return this.endConnection();
    }
    if (plain !== undefined) {
      this.tap = undefined; // TLS is gone from this connection (CCC/REIN)
      if (plain.length) this.feedPlain(plain);
    }
  }

  private feedPlain(chunk: Buffer): void {
    if (!this.secured && !this.tap && this.inbuf.length === 0 && looksLikeRecord(chunk) && chunk[0] === 0x16) {
      this.log.info({}, 'TLS handshake on a plaintext control connection');
      this.sock.write('421 TLS handshake received without AUTH TLS; closing.\r\n');
      return this.endConnection();
    }
    this.inbuf = this.inbuf.length ? Buffer.concat([this.inbuf, chunk]) : chunk;
    this.pump();
  }

  /** Next command line, or undefined. Over-long lines are answered with 500 and skipped. */
  private nextLine(): string | undefined {
    for (;;) {
      const lf = this.inbuf.indexOf(0x0a);
      if (this.discarding) {
        if (lf < 0) {
          this.inbuf = Buffer.alloc(0);
          return undefined;
        }
        this.inbuf = this.inbuf.subarray(lf + 1);
        this.discarding = false;
        continue;
      }
      const max = this.s.limits.maxCommandLength;
      if ((lf < 0 && this.inbuf.length > max) || lf > max) {
        this.discarding = lf < 0;
        this.inbuf = lf < 0 ? Buffer.alloc(0) : this.inbuf.subarray(lf + 1);
        this.abuse++;
        if (this.abuse > MAX_ABUSE) {
          this.reply(421, 'Too many over-long command lines; closing.');
          this.endConnection();
          return undefined;
        }
        this.reply(500, 'Command line too long.');
        continue;
      }
      if (lf < 0) return undefined;
      let raw = this.inbuf.subarray(0, lf);
      this.inbuf = this.inbuf.subarray(lf + 1);
      if (raw.length && raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, raw.length - 1);
      return stripTelnet(raw).toString('utf8');
    }
  }

  private pump(): void {
    while (!this.busy && !this.closed) {
      const before = this.inbuf;
      const line = this.nextLine();
      if (line === undefined) return;
      const verb = line.split(' ', 1)[0].toUpperCase();
      if (this.transfer && !COMMANDS[verb]?.duringTransfer) {
        this.inbuf = before; // handled when the transfer ends
        return;
      }
      this.busy = true;
      this.handle(line)
        .catch((e) => {
          this.log.error({ err: (e as Error).message }, 'command failed');
          this.reply(451, 'Requested action aborted: local error in processing.');
        })
        .finally(() => {
          this.busy = false;
          this.pump();
        });
    }
  }

  // ------------------------------------------------------------------ output

  private reply(code: number, text: string | readonly string[]): void {
    if (this.closed || this.out.destroyed || this.out.writableEnded) return;
    const lines = typeof text === 'string' ? [text] : text;
    let msg = '';
    // Middle lines that start with a blank go out as they are (FEAT's RFC 2389 form).
    lines.forEach((l, i) => (msg += i === lines.length - 1 ? `${code} ${l}\r\n` : i > 0 && l.startsWith(' ') ? `${l}\r\n` : `${code}-${l}\r\n`));
    this.out.write(msg);
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    const secs = this.s.limits.inactiveSeconds;
    if (secs <= 0 || this.closed) return;
    this.idleTimer = setTimeout(() => {
      if (this.transfer) return this.touch();
      this.reply(421, `Timeout (${secs} seconds): closing control connection.`);
      this.endConnection();
    }, secs * 1000);
    this.idleTimer.unref();
  }

  private endConnection(): void {
    if (this.closed) return;
    const tlsSock = this.tlsSock;
    if (tlsSock) tlsSock.end(() => this.sock.end()); // close_notify first, then FIN
    else this.sock.end();
    setTimeout(() => this.close('ended'), 2000).unref();
  }

  private close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.transfer?.ctl.abort();
    this.dropDataSetup();
    this.tlsSock?.destroy();
    this.sock.destroy();
    this.log.debug({ reason }, 'session closed');
    this.host.sessionClosed(this);
  }

  // ------------------------------------------------------------------ TLS

  private startControlTls(initial: Buffer): void {
    const t = this.s.tls!;
    const tap = new RecordTap(this.sock);
    this.tap = tap;
    this.binding ??= new TlsBinding(t, this.s.sessionReuse);
    this.binding.handshakeControl(tap).then(
      (sock) => this.onControlSecure(sock, tap),
      (err: Error) => {
        if (this.tap !== tap) return;
        this.log.info({ err: err.message }, 'control TLS handshake failed');
        this.host.event?.({ kind: 'tls-failed', channel: 'control', reason: err.message });
        this.close('TLS handshake failed');
      },
    );
    if (initial.length) this.onTcpData(initial);
  }

  private onControlSecure(sock: tls.TLSSocket, tap: RecordTap): void {
    if (this.closed || this.tap !== tap) {
      sock.destroy();
      return;
    }
    const t = this.s.tls!;
    const peer = examinePeer(sock, t);
    if (peer.cert) {
      const c = peer.cert;
      this.host.event?.({ kind: 'client-certificate', subject: dn(c.subject), issuer: dn(c.issuer), fingerprint: c.fingerprint256, verified: peer.trusted });
    }
    if (peer.present && !peer.trusted) {
      // As System SSL would: a certificate that does not validate ends the connection.
      this.log.info({ why: peer.why }, 'client certificate refused');
      this.host.event?.({ kind: 'tls-failed', channel: 'control', reason: `client certificate refused: ${peer.why}` });
      sock.destroy();
      return this.close('untrusted client certificate');
    }
    if (!peer.present && t.clientCert === 'require') {
      this.log.info({}, 'client certificate required by the TLS policy');
      this.host.event?.({ kind: 'tls-failed', channel: 'control', reason: 'no client certificate' });
      sock.destroy();
      return this.close('missing client certificate');
    }
    this.peerCert = peer;
    this.tlsSock = sock;
    this.out = sock;
    this.secured = true;
    this.securityEstablished = true;
    sock.on('data', (d: Buffer) => {
      if (this.tlsSock === sock) this.feedPlain(d);
    });
    sock.on('error', (e) => this.log.debug({ err: e.message }, 'control TLS error'));
    sock.on('close', () => {
      if (this.tlsSock === sock) this.close('control TLS closed');
    });
    this.log.debug({ protocol: sock.getProtocol(), cipher: sock.getCipher().name, cert: peer.present }, 'control connection protected');
    this.host.event?.({ kind: 'tls', channel: 'control', version: String(sock.getProtocol()), cipher: sock.getCipher().name, reused: sock.isSessionReused() });
    if (this.implicit && !this.s.secureImplicitZos) this.reply(220, 'zftps FTP server ready.');
  }

  /**
   * CCC / REIN: remove TLS from the control connection, with or without close_notify.
   *
   * Our close_notify answers the client's (a server TLSSocket ends itself when it reads
   * one) instead of following the 200 at once: lftp reads a close_notify that arrives
   * together with the 200 as "Peer closed connection" (it keeps reading reply lines after
   * CCC's 200). Clients that wait for the server to close first (curl's default, passive
   * CCC mode) get it after CLOSE_NOTIFY_WAIT_MS; a client that goes on in plaintext gets
   * none, because the tap has detached by then and drops TLS output.
   */
  private clearControlTls(closeNotify: boolean): void {
    const sock = this.tlsSock;
    const tap = this.tap;
    this.tlsSock = undefined;
    this.secured = false;
    this.out = this.sock;
    tap?.drain({ mute: !closeNotify });
    if (!sock) return;
    if (!closeNotify) return void sock.destroy();
    const timer = setTimeout(() => {
      if (tap?.mode === 'draining' && !sock.writableEnded && !sock.destroyed) sock.end();
    }, CLOSE_NOTIFY_WAIT_MS);
    timer.unref();
    sock.once('close', () => clearTimeout(timer));
  }

  // ------------------------------------------------------------------ dispatch

  private async handle(line: string): Promise<void> {
    this.touch();
    const sp = line.indexOf(' ');
    const verb = (sp < 0 ? line : line.slice(0, sp)).toUpperCase();
    const arg = sp < 0 ? '' : line.slice(sp + 1);
    this.log.debug({ cmd: verb, arg: verb === 'PASS' ? '****' : arg.slice(0, 200) }, 'command');

    if (!/^[A-Z]{3,4}$/.test(verb)) return this.reply(500, 'Syntax error, command unrecognized.');
    if (UNSUPPORTED_COMMANDS.has(verb)) return this.reply(502, `Command ${verb} not supported by this server.`);
    const spec = COMMANDS[verb];
    if (!spec) return this.reply(500, `Unknown command ${verb}.`);
    if (spec.needs === 'TLS' ? !this.tlsEnabled : spec.needs && !hasExtension(this.s, spec.needs)) {
      return this.reply(502, `Command ${verb} not enabled on this server.`);
    }
    if (this.s.secureFtp === 'REQUIRED' && !this.securityEstablished && !spec.beforeSecurity) {
      if (verb === 'USER') return this.reply(530, 'Server requires a security environment (AUTH TLS) before USER.');
      return this.reply(534, `Security environment required before ${verb}.`);
    }
    if (spec.arg === 'required' && !arg.trim()) return this.reply(501, `Syntax error: ${verb} needs an argument.`);
    if (spec.arg === 'none' && arg.trim()) return this.reply(501, `Syntax error: ${verb} takes no argument.`);
    if (spec.login && !this.user) return this.reply(530, 'Not logged in.');
    if (verb !== 'RNTO') this.renameFrom = undefined; // RNTO must follow RNFR directly
    try {
      await this.dispatch(verb, arg);
    } catch (e) {
      if (e instanceof FsError) return this.replyFsError(e);
      throw e;
    }
  }

  private get tlsEnabled(): boolean {
    return this.s.tls !== undefined && hasExtension(this.s, 'AUTH_TLS');
  }

  private async dispatch(verb: string, arg: string): Promise<void> {
    switch (verb) {
      case 'USER':
        return this.cmdUser(arg.trim());
      case 'PASS':
        return this.cmdPass(arg);
      case 'ACCT':
        return this.reply(202, 'ACCT not necessary.');
      case 'AUTH':
        return this.cmdAuth(arg.trim());
      case 'PBSZ':
        return this.cmdPbsz(arg.trim());
      case 'PROT':
        return this.cmdProt(arg.trim());
      case 'CCC':
        return this.cmdCcc();
      case 'REIN':
        return this.cmdRein();
      case 'QUIT':
        await this.transferDone;
        this.reply(221, 'Goodbye.');
        return this.endConnection();
      case 'NOOP':
        return this.reply(200, 'NOOP command successful.');
      case 'SYST':
        return this.reply(215, 'UNIX Type: L8');
      case 'FEAT':
        return this.reply(211, ['Extensions supported:', ...this.features().map((f) => ` ${f}`), 'End']);
      case 'HELP':
        return this.cmdHelp(arg.trim().toUpperCase());
      case 'OPTS':
        return this.cmdOpts(arg.trim());
      case 'STAT':
        return this.cmdStat(arg.trim());
      case 'TYPE':
        return this.cmdType(arg.trim().toUpperCase());
      case 'MODE':
        return arg.trim().toUpperCase() === 'S' ? this.reply(200, 'MODE S ok.') : this.reply(504, 'Only MODE S is supported.');
      case 'STRU':
        return arg.trim().toUpperCase() === 'F' ? this.reply(200, 'STRU F ok.') : this.reply(504, 'Only STRU F is supported.');
      case 'ALLO':
        return this.reply(202, 'ALLO not necessary.');
      case 'PWD':
      case 'XPWD':
        return this.reply(257, `${quotePath(this.cwd)} is the current directory.`);
      case 'CWD':
      case 'XCWD':
        return this.cmdCwd(arg);
      case 'CDUP':
      case 'XCUP':
        return this.cmdCwd('..');
      case 'MKD':
      case 'XMKD': {
        const vp = await this.fs!.resolve(this.cwd, arg);
        await this.fs!.mkdir(vp);
        return this.reply(257, `${quotePath(vp)} created.`);
      }
      case 'RMD':
      case 'XRMD':
        await this.fs!.rmdir(await this.fs!.resolve(this.cwd, arg));
        return this.reply(250, 'RMD command successful.');
      case 'DELE':
        await this.fs!.remove(await this.fs!.resolve(this.cwd, arg));
        return this.reply(250, 'DELE command successful.');
      case 'RNFR': {
        const vp = await this.fs!.resolve(this.cwd, arg);
        await this.fs!.stat(vp);
        this.renameFrom = vp;
        return this.reply(350, 'Ready for RNTO.');
      }
      case 'RNTO':
        return this.cmdRnto(arg);
      case 'SIZE': {
        const info = await this.fs!.stat(await this.fs!.resolve(this.cwd, arg));
        if (info.type !== 'file') return this.reply(550, `${arg}: not a plain file.`);
        return this.reply(213, String(info.size));
      }
      case 'MDTM': {
        const info = await this.fs!.stat(await this.fs!.resolve(this.cwd, arg));
        return this.reply(213, mdtm(info.mtime));
      }
      case 'REST':
        return this.cmdRest(arg.trim());
      case 'PASV':
        return this.cmdPasv(false, '');
      case 'EPSV':
        return this.cmdPasv(true, arg.trim().toUpperCase());
      case 'PORT':
        return this.cmdPort(arg.trim());
      case 'EPRT':
        return this.cmdEprt(arg.trim());
      case 'ABOR':
        return this.cmdAbor();
      case 'RETR':
        return this.cmdRetr(arg);
      case 'STOR':
        return this.cmdStore(arg, 'replace');
      case 'APPE':
        return this.cmdStore(arg, 'append');
      case 'STOU':
        return this.cmdStore(arg || 'file', 'unique');
      case 'LIST':
      case 'NLST':
      case 'MLSD':
        return this.cmdList(verb, arg);
      case 'MLST':
        return this.cmdMlst(arg);
    }
    this.reply(502, `Command ${verb} not supported by this server.`);
  }

  // ------------------------------------------------------------------ login

  private resetLogin(): void {
    this.pendingUser = undefined;
    this.user = undefined;
    this.fs = undefined;
    this.cwd = '/';
  }

  private async cmdUser(name: string): Promise<void> {
    this.resetLogin();
    if (this.s.tls && this.securityEstablished && this.s.secureLogin !== 'NO_CLIENT_AUTH') {
      if (!this.peerCert?.present || !this.peerCert.trusted) {
        return this.reply(531, 'Server requires client certificate for login processing');
      }
      const mapped = mapCertificate(this.peerCert.cert!, this.s.certificateMappings);
      if (this.s.secureLogin === 'VERIFY_USER') {
        if (!mapped || mapped.toUpperCase() !== name.toUpperCase()) {
          this.log.info({ user: name, mapped }, 'certificate does not map to the login user');
          this.host.event?.({ kind: 'login-failed', user: name, reason: 'certificate' });
          return this.failLogin(`Client certificate is not associated with user ${name}.`);
        }
        const refusal = level3Refusal(this.s.level3, this.localPort, name);
        if (refusal) {
          this.log.info({ user: name }, refusal);
          this.host.event?.({ kind: 'login-failed', user: name, reason: 'not-permitted' });
          return this.failLogin(`User ${name} is not permitted on this port.`);
        }
      }
      if (passwordOptional(this.s) && mapped && mapped.toUpperCase() === name.toUpperCase()) {
        const user = findUser(this.s, name);
        if (user) {
          await this.completeLogin(user, 'certificate');
          return this.reply(230, [`User ${user.name} is an authorized user`, `User ${user.name} logged in.`]);
        }
      }
    }
    this.pendingUser = name;
    this.reply(331, `Send password for ${name}.`);
  }

  private async cmdPass(password: string): Promise<void> {
    const name = this.pendingUser;
    if (!name) return this.reply(503, 'Login with USER first.');
    this.pendingUser = undefined;
    if (this.host.guard.isLocked(this.peer)) {
      this.host.event?.({ kind: 'login-failed', user: name, reason: 'locked-out' });
      this.reply(421, 'Too many failed logins; try again later.');
      return this.endConnection();
    }
    const user = findUser(this.s, name);
    const ok = user?.password ? await user.password(password) : false;
    if (!ok || !user) {
      this.host.event?.({ kind: 'login-failed', user: name, reason: user ? 'bad-password' : 'unknown-user' });
      return this.failLogin('Login incorrect.');
    }
    this.host.guard.succeed(this.peer);
    await this.completeLogin(user, 'password');
    this.reply(230, `User ${user.name} logged in.`);
  }

  private async failLogin(text: string): Promise<void> {
    const locked = this.host.guard.fail(this.peer);
    await delay(this.s.limits.failedLoginDelayMs);
    this.reply(530, text);
    if (locked) {
      this.log.warn({}, 'address locked out after repeated failed logins');
      this.reply(421, 'Too many failed logins; closing.');
      this.endConnection();
    }
  }

  private async completeLogin(user: UserAccount, method: 'password' | 'certificate'): Promise<void> {
    this.fs = await this.host.openFileSystem(user);
    this.user = user;
    this.cwd = '/';
    this.log.debug({ user: user.name, protected: this.secured }, 'logged in');
    this.host.event?.({ kind: 'login', user: user.name, method });
  }

  // ------------------------------------------------------------------ security commands

  private cmdAuth(mech: string): void {
    const m = mech.toUpperCase();
    if (!['TLS', 'TLS-C', 'TLS-P', 'SSL'].includes(m)) return this.reply(504, 'Server does not understand the specified mechanism.');
    if (this.implicit) return this.reply(503, 'Server on the TLS secure port does not accept the AUTH command.');
    if (this.secured || this.tap) return this.reply(503, 'Authentication already established.');
    if (this.s.rfcLevel === 'DRAFT' && (this.user || this.pendingUser)) {
      return this.reply(503, 'AUTH must precede USER at TLSRFCLEVEL DRAFT.'); // [inferred]
    }
    // RFC 4217 §4.2: a new security exchange resets the session almost as REIN does.
    this.resetLogin();
    this.resetTransferState();
    this.cccDone = false;
    this.pbszDone = m === 'TLS-P';
    this.prot = m === 'TLS-P' ? 'P' : 'C'; // legacy TLS-P implied PROT P [inferred]
    this.binding = undefined;
    // Stop the line parser BEFORE 234 goes out: unread bytes belong to TLS.
    const rest = this.inbuf;
    this.inbuf = Buffer.alloc(0);
    this.sock.write('234 Security environment established - ready for negotiation\r\n');
    this.startControlTls(rest);
  }

  private cmdPbsz(size: string): void {
    if (this.cccDone) return this.reply(503, 'Command PBSZ rejected -- PBSZ not allowed after CCC');
    if (!this.secured) return this.reply(503, 'Must first establish authentication');
    if (!/^\d{1,10}$/.test(size)) return this.reply(501, 'PBSZ argument must be a number.');
    this.pbszDone = true;
    this.reply(200, 'PBSZ=0');
  }

  private cmdProt(level: string): void {
    if (this.cccDone) return this.reply(503, 'Command PROT rejected -- PROT not allowed after CCC');
    if (!this.secured) return this.reply(503, 'Must first establish authentication');
    if (!this.pbszDone) return this.reply(503, 'Must first issue PBSZ');
    const l = level.toUpperCase();
    const refuse = () => this.reply(536, `Data connection protection level ${l} not supported`);
    switch (l) {
      case 'C':
        if (this.s.secureDataConn === 'SAFE' || this.s.secureDataConn === 'PRIVATE') return refuse();
        this.prot = 'C';
        return this.reply(200, 'Data connection protection set to Clear.');
      case 'P':
        if (this.s.secureDataConn === 'NEVER') return refuse();
        this.prot = 'P';
        return this.reply(200, 'Data connection protection set to Private.');
      case 'S':
      case 'E':
        return refuse();
    }
    this.reply(504, 'Server does not understand the specified protection level');
  }

  private cmdCcc(): void {
    if (this.implicit) return this.reply(534, 'Command CCC not allowed for connection to secure port');
    if (!this.secured) return this.reply(533, 'CCC requires a protected control connection.');
    if (this.s.rfcLevel === 'DRAFT') return this.reply(534, 'CCC not supported'); // [inferred] draft servers had no CCC
    if (this.s.secureCtrlConn !== 'CLEAR') return this.reply(534, 'CCC not supported');
    this.reply(200, 'Control connection is now clear.');
    this.clearControlTls(this.s.rfcLevel !== 'CCCNONOTIFY');
    this.cccDone = true;
    this.binding?.forgetSessions();
  }

  private async cmdRein(): Promise<void> {
    await this.transferDone;
    this.reply(220, 'Service ready for new user.');
    this.resetLogin();
    this.resetTransferState();
    if (this.implicit) return; // the secure port keeps its TLS; only the user is reset [inferred]
    if (this.secured) this.clearControlTls(this.s.rfcLevel !== 'CCCNONOTIFY');
    this.binding?.forgetSessions();
    this.binding = undefined;
    this.peerCert = undefined;
    this.securityEstablished = false;
    this.cccDone = false;
    this.pbszDone = false;
    this.prot = 'C';
  }

  private resetTransferState(): void {
    this.type = 'A';
    this.restOffset = 0;
    this.renameFrom = undefined;
    this.epsvAll = false;
    this.dropDataSetup();
  }

  // ------------------------------------------------------------------ informational

  private features(): string[] {
    const f: string[] = [];
    if (this.tlsEnabled) {
      f.push('AUTH TLS', 'PBSZ', 'PROT');
      if (this.s.rfcLevel !== 'DRAFT' && this.s.secureCtrlConn === 'CLEAR' && !this.implicit) f.push('CCC');
    }
    f.push('EPRT', 'EPSV');
    if (hasExtension(this.s, 'MDTM')) f.push('MDTM');
    f.push(`MLST ${MLST_FACTS_ALL.map((x) => `${x}${this.mlstFacts.includes(x) ? '*' : ''};`).join('')}`);
    if (hasExtension(this.s, 'REST_STREAM')) f.push('REST STREAM');
    if (hasExtension(this.s, 'SIZE')) f.push('SIZE');
    f.push('TVFS');
    if (hasExtension(this.s, 'UTF8')) f.push('UTF8');
    return f;
  }

  private cmdHelp(topic: string): void {
    if (topic) {
      const spec = COMMANDS[topic];
      return spec ? this.reply(214, `Syntax: ${spec.help}`) : this.reply(502, `Unknown command ${topic}.`);
    }
    const names = Object.keys(COMMANDS).sort();
    const rows: string[] = [];
    for (let i = 0; i < names.length; i += 8) rows.push(' ' + names.slice(i, i + 8).map((n) => n.padEnd(6)).join(' '));
    this.reply(214, ['The following commands are recognized:', ...rows, 'Help OK.']);
  }

  private cmdOpts(arg: string): void {
    const [name, ...rest] = arg.split(' ');
    const what = name.toUpperCase();
    if (what === 'UTF8') {
      if (!hasExtension(this.s, 'UTF8')) return this.reply(501, 'UTF8 not enabled on this server.');
      return this.reply(200, 'UTF8 mode on.');
    }
    if (what === 'MLST') {
      const wanted = rest.join(' ').split(';').map((x) => x.trim().toLowerCase()).filter((x) => MLST_FACTS_ALL.includes(x));
      this.mlstFacts = wanted;
      return this.reply(200, `MLST OPTS ${wanted.map((x) => `${x};`).join('')}`);
    }
    this.reply(501, `Option ${name} not understood.`);
  }

  private async cmdStat(path: string): Promise<void> {
    if (path && this.user) {
      const vp = await this.fs!.resolve(this.cwd, path);
      const lines = await this.listLines(vp, 'LIST');
      return this.reply(213, [`Status of ${path}:`, ...lines, 'End of status.']);
    }
    const lines = [
      'zftps FTP server status:',
      `Connected from ${this.peer}`,
      this.user ? `Logged in as ${this.user.name}` : 'Not logged in',
      `TYPE: ${this.type === 'A' ? 'ASCII' : 'Image'}; STRUcture: File; transfer MODE: Stream`,
    ];
    if (this.tlsSock) lines.push(`Control connection protected: ${this.tlsSock.getProtocol()} ${this.tlsSock.getCipher().name}`);
    else lines.push(this.cccDone ? 'Control connection clear after CCC' : 'Control connection not protected');
    lines.push(`Data connection protection: ${this.prot === 'P' ? 'Private' : 'Clear'}`);
    if (this.tlsEnabled) lines.push(`TLS security is supported at the ${this.implicit ? 'DRAFT' : this.s.rfcLevel} level`);
    if (this.transfer) lines.push('Data transfer in progress');
    lines.push('End of status');
    this.reply(211, lines);
  }

  private cmdType(t: string): void {
    const parts = t.split(/\s+/);
    if (parts[0] === 'A' && (parts.length === 1 || parts[1] === 'N')) {
      this.type = 'A';
      return this.reply(200, 'Representation type is ASCII.');
    }
    if (parts[0] === 'I' || (parts[0] === 'L' && parts[1] === '8')) {
      this.type = 'I';
      return this.reply(200, 'Representation type is Image.');
    }
    this.reply(504, `TYPE ${t} not supported.`);
  }

  // ------------------------------------------------------------------ files

  private async cmdCwd(path: string): Promise<void> {
    const vp = await this.fs!.resolve(this.cwd, path);
    const info = await this.fs!.stat(vp);
    if (info.type !== 'dir') return this.reply(550, `${path}: Not a directory.`);
    this.cwd = vp;
    this.reply(250, `Directory changed to ${vp}`);
  }

  private async cmdRnto(arg: string): Promise<void> {
    const from = this.renameFrom;
    this.renameFrom = undefined;
    if (!from) return this.reply(503, 'RNFR required first.');
    await this.fs!.rename(from, await this.fs!.resolve(this.cwd, arg));
    this.reply(250, 'Rename successful.');
  }

  private cmdRest(arg: string): void {
    if (this.s.restOnProtectedSession === 'refuse' && this.securityEstablished) {
      return this.reply(504, 'Restart not allowed with active security mechanism');
    }
    if (!/^\d{1,15}$/.test(arg)) return this.reply(501, 'REST needs a byte offset.');
    this.restOffset = Number(arg);
    this.reply(350, `Restarting at ${this.restOffset}. Send STORE or RETRIEVE to initiate transfer.`);
  }

  private replyFsError(e: FsError): void {
    switch (e.code) {
      case 'EBUSY':
        return this.reply(450, e.message);
      case 'ENOSPC':
        return this.reply(452, e.message);
      case 'EIO':
        return this.reply(451, e.message);
      case 'EEXIST':
        return this.reply(553, e.message);
      default:
        return this.reply(550, e.message);
    }
  }

  // ------------------------------------------------------------------ data connection setup

  private dropDataSetup(): void {
    if (this.data?.kind === 'passive') this.data.listener.close();
    this.data = undefined;
  }

  private async cmdPasv(extended: boolean, arg: string): Promise<void> {
    const local = plainAddress(this.sock.localAddress);
    const v6 = !local.includes('.') || local.includes(':');
    if (extended && arg === 'ALL') {
      this.epsvAll = true;
      return this.reply(200, 'EPSV ALL ok.');
    }
    if (extended && arg && arg !== (v6 ? '2' : '1')) return this.reply(522, `Network protocol not supported, use (${v6 ? 2 : 1})`);
    if (!extended && this.epsvAll) return this.reply(503, 'PASV not allowed after EPSV ALL.');
    if (!extended && v6) return this.reply(425, 'PASV is not available on an IPv6 connection; use EPSV.');
    this.dropDataSetup();
    let listener: PassiveListener;
    try {
      listener = await PassiveListener.open({
        bindAddress: local,
        allowedPeer: this.peer,
        range: this.s.passivePorts,
        onForeign: (address) => this.log.warn({ from: address }, 'refused data connection from a foreign address'),
      });
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'passive listen failed');
      return this.reply(425, "Can't open passive connection.");
    }
    this.data = { kind: 'passive', listener };
    const p = listener.port;
    if (extended) return this.reply(229, `Entering Extended Passive Mode (|||${p}|)`);
    const announce = (this.s.passiveAddress ?? local).split('.').join(',');
    this.reply(227, `Entering Passive Mode (${announce},${p >> 8},${p & 255}).`);
  }

  private cmdPort(arg: string): void {
    if (this.epsvAll) return this.reply(503, 'PORT not allowed after EPSV ALL.');
    const n = arg.split(',').map((x) => x.trim());
    if (n.length !== 6 || !n.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)) return this.reply(501, 'Syntax error in PORT arguments.');
    const host = n.slice(0, 4).map(Number).join('.');
    const port = Number(n[4]) * 256 + Number(n[5]);
    this.setActive(host, port);
  }

  private cmdEprt(arg: string): void {
    if (this.epsvAll) return this.reply(503, 'EPRT not allowed after EPSV ALL.');
    const d = arg[0];
    const parts = arg.split(d);
    if (parts.length !== 5 || !/^\d+$/.test(parts[3])) return this.reply(501, 'Syntax error in EPRT arguments.');
    const [, proto, host, portText] = parts;
    const v6peer = this.peer.includes(':');
    if (proto !== '1' && proto !== '2') return this.reply(522, `Network protocol not supported, use (${v6peer ? 2 : 1})`);
    if ((proto === '2') !== v6peer) return this.reply(522, `Network protocol not supported, use (${v6peer ? 2 : 1})`);
    this.setActive(host, Number(portText));
  }

  private setActive(host: string, port: number): void {
    if (!sameAddress(host, this.peer)) {
      this.log.warn({ target: host }, 'refused PORT/EPRT to a foreign address');
      return this.reply(500, 'Illegal PORT command.');
    }
    if (port < 1024 || port > 65535) return this.reply(504, 'Illegal PORT command: port out of range.');
    this.dropDataSetup();
    this.data = { kind: 'active', host, port };
    this.reply(200, `${this.peer.includes(':') ? 'EPRT' : 'PORT'} command successful.`);
  }

  // ------------------------------------------------------------------ transfers

  /** Refuses a transfer command before anything is opened; returns true when refused. */
  private refuseTransfer(): boolean {
    if ((this.s.secureDataConn === 'SAFE' || this.s.secureDataConn === 'PRIVATE') && this.prot !== 'P') {
      this.reply(425, 'Server requires protected data connection.');
      return true;
    }
    if (!this.data) {
      this.reply(425, 'Use PORT, EPRT, PASV or EPSV first.');
      return true;
    }
    return false;
  }

  /** Runs a transfer in the background; ABOR, STAT, NOOP and QUIT stay usable meanwhile. */
  private startTransfer(body: (signal: AbortSignal) => Promise<void>): void {
    const ctl = new AbortController();
    const t: Transfer = { ctl, done: Promise.resolve(), aborted: false };
    this.transfer = t;
    t.done = body(ctl.signal)
      .catch((e) => {
        this.log.warn({ err: (e as Error).message }, 'transfer failed');
        if (e instanceof FsError) this.replyFsError(e);
        else this.reply(t.aborted ? 426 : 451, t.aborted ? 'Connection closed; transfer aborted.' : 'Transfer failed.');
      })
      .finally(() => {
        this.dropDataSetup();
        this.transfer = undefined;
        this.touch();
        setImmediate(() => this.pump());
      });
  }

  /**
   * Opens the data connection for a transfer command: accept/connect, send 150
   * at once, then (PROT P) the TLS handshake — whichever order the client uses.
   * Returns undefined when it replied with an error already.
   */
  private async openData(text150: string, signal: AbortSignal, opts: { upload?: boolean } = {}): Promise<Duplex | undefined> {
    const setup = this.data!;
    const timeoutMs = Math.max(1, this.s.limits.dataTimeoutSeconds) * 1000;
    let raw: net.Socket;
    try {
      raw =
        setup.kind === 'passive'
          ? await setup.listener.next(timeoutMs, signal)
          : await connectActive(setup.host, setup.port, plainAddress(this.sock.localAddress), timeoutMs, signal);
    } catch (e) {
      this.log.info({ err: (e as Error).message }, 'no data connection');
      this.reply(425, "Can't open data connection.");
      return undefined;
    }
    if (setup.kind === 'passive') setup.listener.close(true);
    this.data = undefined;
    const kill = () => raw.destroy();
    signal.addEventListener('abort', kill, { once: true });
    this.reply(150, text150);
    if (this.prot === 'C') return raw;
    const t = this.s.tls!;
    try {
      const hello = await peekClientHello(raw, t.handshakeTimeoutMs);
      if (!hello) throw new Error('data connection did not start a TLS handshake');
      const sock = await this.binding!.handshakeData(raw, hello.pskIdentities, opts);
      if (this.s.sessionReuse === 'REQUIRED' && !sock.isSessionReused()) {
        sock.destroy(); // synchronously: nothing of this handshake may be used again
        this.log.info({}, 'data connection did not resume the control session');
        this.host.event?.({ kind: 'reuse-refused', reason: 'not-resumed' });
        this.reply(this.s.reuseFailureReply, 'TLS session of data connection not resumed from the control connection.');
        return undefined;
      }
      signal.addEventListener('abort', () => sock.destroy(), { once: true });
      sock.on('error', () => {});
      this.host.event?.({ kind: 'tls', channel: 'data', version: String(sock.getProtocol()), cipher: sock.getCipher().name, reused: sock.isSessionReused() });
      return sock;
    } catch (e) {
      raw.destroy();
      if (signal.aborted) throw e;
      this.log.info({ err: (e as Error).message }, 'data TLS handshake failed');
      this.host.event?.({ kind: 'tls-failed', channel: 'data', reason: (e as Error).message });
      this.reply(522, 'Data connection TLS negotiation failed.');
      return undefined;
    }
  }

  private async cmdRetr(arg: string): Promise<void> {
    if (this.refuseTransfer()) return;
    const vp = await this.fs!.resolve(this.cwd, arg);
    const offset = this.restOffset;
    this.restOffset = 0;
    const info = await this.fs!.stat(vp);
    if (info.type !== 'file') return this.reply(550, `${arg}: not a plain file.`);
    // Binary (the bulk of FTPS traffic) goes from reused buffers; ASCII needs the line-end transform.
    const source = this.type === 'A' ? { stream: (await this.fs!.openRead(vp, offset)).stream } : { reader: await this.fs!.openReader(vp, offset) };
    const size = info.size;
    const release = (): void => {
      if (source.stream) source.stream.destroy();
      else void source.reader!.close();
    };
    const started = Date.now();
    this.startTransfer(async (signal) => {
      const data = await this.openData(`Opening ${this.type === 'A' ? 'ASCII' : 'BINARY'} mode data connection for ${arg} (${size} bytes).`, signal).catch(
        (e) => {
          release();
          throw e;
        },
      );
      if (!data) return release();
      let bytes = 0;
      const ok = await this.run(
        signal,
        async () => {
          try {
            if (source.stream) {
              source.stream.on('data', (c: Buffer) => (bytes += c.length));
              await pipeline(source.stream, toNetworkAscii(), data, { end: false });
            } else {
              await sendFile(source.reader!, data, (n) => (bytes += n));
            }
          } finally {
            release();
          }
          await endAfterWrites(data);
        },
        data,
      );
      this.record('out', vp, bytes, started, ok);
      if (ok) this.reply(226, 'Transfer complete.');
    });
  }

  private async cmdStore(arg: string, mode: 'replace' | 'append' | 'unique'): Promise<void> {
    if (this.refuseTransfer()) return;
    const vp = await this.fs!.resolve(this.cwd, arg);
    const offset = this.restOffset;
    this.restOffset = 0;
    const effective = mode === 'replace' && offset > 0 ? 'resume' : mode;
    const target = await this.fs!.openWrite(vp, { mode: effective, offset: effective === 'resume' ? offset : undefined });
    const started = Date.now();
    this.startTransfer(async (signal) => {
      let data: Duplex | undefined;
      try {
        data = await this.openData(mode === 'unique' ? `FILE: ${target.vpath}` : `Ok to send data for ${arg}.`, signal, { upload: true });
      } catch (e) {
        await target.abort(false);
        throw e;
      }
      if (!data) return target.abort(false);
      let bytes = 0;
      data.on('data', (c: Buffer) => (bytes += c.length));
      const ok = await this.run(
        signal,
        () => receive(data!, this.type === 'A' ? fromNetworkAscii() : undefined, target.stream),
        data,
      );
      if (!ok) {
        await target.abort(true); // keep the partial file for REST+STOR
        this.record('in', target.vpath, bytes, started, false);
        return;
      }
      await target.commit();
      this.record('in', target.vpath, bytes, started, true);
      this.reply(226, mode === 'unique' ? `Transfer complete (unique file name: ${target.vpath}).` : 'Transfer complete.');
    });
  }

  private async cmdList(verb: 'LIST' | 'NLST' | 'MLSD', arg: string): Promise<void> {
    if (this.refuseTransfer()) return;
    // `LIST -la` and friends: options are not paths.
    const path = arg.replace(/^(-[a-zA-Z]+\s*)+/, '').trim() || '.';
    const vp = await this.fs!.resolve(this.cwd, path);
    if (verb === 'MLSD') {
      const info = await this.fs!.stat(vp);
      if (info.type !== 'dir') return this.reply(501, `${path}: not a directory.`);
    }
    const lines = await this.listLines(vp, verb);
    this.startTransfer(async (signal) => {
      const data = await this.openData(`Here comes the directory listing.`, signal);
      if (!data) return;
      const body = Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
      const ok = await this.run(
        signal,
        async () => {
          await pipeline(async function* () { yield body; }, data, { end: false });
          await endAfterWrites(data);
        },
        data,
      );
      if (ok) this.reply(226, 'Directory send OK.');
    });
  }

  private async listLines(vp: string, verb: string): Promise<string[]> {
    const info = await this.fs!.stat(vp);
    const entries: FileInfo[] = info.type === 'dir' ? await this.fs!.list(vp) : [{ ...info, name: vp.split('/').pop() || vp }];
    const now = new Date();
    if (verb === 'NLST') return entries.map((e) => e.name);
    if (verb === 'MLSD') return entries.map((e) => formatMlsxFacts(e, this.mlstFacts));
    return entries.map((e) => formatListLine(e, now));
  }

  private async cmdMlst(arg: string): Promise<void> {
    const vp = await this.fs!.resolve(this.cwd, arg.trim() || '.');
    const info = await this.fs!.stat(vp);
    this.reply(250, [`Listing ${vp}`, ` ${formatMlsxFacts({ ...info, name: vp }, this.mlstFacts)}`, 'End']);
  }

  /** Runs a pipeline; false (after replying 426) when it was aborted, failed or stalled. */
  private async run(signal: AbortSignal, pipe: () => Promise<void>, data: Duplex): Promise<boolean> {
    const sock = data as net.Socket;
    const idleMs = Math.max(1, this.s.limits.dataTimeoutSeconds) * 1000;
    let last = -1;
    const watchdog = setInterval(() => {
      const progress = (sock.bytesRead ?? 0) + (sock.bytesWritten ?? 0);
      if (progress === last) data.destroy(new Error('data connection idle too long (DATACTTIME)'));
      last = progress;
    }, idleMs);
    try {
      await pipe();
      await closedOrTimeout(data, 5000);
      return true;
    } catch (e) {
      data.destroy();
      if (!signal.aborted) this.log.info({ err: (e as Error).message, bytesRead: (e as { bytesRead?: number }).bytesRead }, 'data transfer failed');
      // A storage error (disk full → 452, EIO → 451) is ours, not the connection's.
      if (e instanceof FsError && !signal.aborted) this.replyFsError(e);
      else this.reply(426, 'Connection closed; transfer aborted.');
      return false;
    } finally {
      clearInterval(watchdog);
    }
  }

  private async cmdAbor(): Promise<void> {
    const t = this.transfer;
    if (!t) {
      this.dropDataSetup();
      return this.reply(226, 'ABOR command successful; no transfer in progress.');
    }
    t.aborted = true;
    t.ctl.abort();
    await t.done;
    this.reply(226, 'ABOR command successful.');
  }

  private record(direction: 'in' | 'out', path: string, bytes: number, started: number, ok: boolean): void {
    this.host.transferDone?.({
      user: this.user?.name ?? '',
      peer: this.peer,
      direction,
      path,
      bytes,
      ms: Date.now() - started,
      ok,
      protected: this.prot === 'P',
      type: this.type === 'A' ? 'ascii' : 'binary',
    });
  }
}

// ------------------------------------------------------------------ helpers

/** Drops Telnet IAC sequences (IP, DM, ... sent around ABOR by some clients). */
function stripTelnet(b: Buffer): Buffer {
  if (!b.includes(0xff)) return b;
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0xff && i + 1 < b.length) {
      const next = b[i + 1];
      if (next === 0xff) out.push(0xff);
      i += next >= 0xfb && next <= 0xfe ? 2 : 1;
      continue;
    }
    out.push(b[i]);
  }
  return Buffer.from(out);
}

/** A certificate name as one line: `CN=alice,O=Example`. */
function dn(name: tls.Certificate): string {
  return Object.entries(name)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${String(x)}`))
    .join(',');
}

function quotePath(p: string): string {
  return `"${p.replace(/"/g, '""')}"`;
}

function mdtm(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Upload path: data → (TYPE A transform) → file. Unlike pipeline(), an error that
 * arrives after the stream already reached its end (a TLS 1.3 client that closes
 * with unread tickets gets its close_notify answered by our close_notify, and its
 * kernel answers that with RST) does not throw away a complete upload.
 */
function receive(data: Duplex, transform: Transform | undefined, sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    let eof = false;
    data.once('end', () => (eof = true));
    const src = transform ? data.pipe(transform) : data;
    src.pipe(sink);
    transform?.on('error', reject);
    sink.once('finish', () => resolve());
    sink.once('error', reject);
    const reachedEnd = () => eof || (data as unknown as { _readableState?: { ended?: boolean } })._readableState?.ended === true;
    data.on('error', (e) => {
      if (!reachedEnd()) reject(Object.assign(e, { bytesRead: (data as unknown as { bytesRead?: number }).bytesRead }));
    });
    data.once('close', () => {
      if (!reachedEnd()) reject(new Error('data connection closed before the end of the upload'));
    });
  });
}

/**
 * Ends a download's data connection one event-loop turn after its last write. Node's TLS
 * shutdown sends FIN at once and drops a close_notify still queued behind an encrypted
 * write in flight (the TLS 1.3 tickets, the last record); without close_notify Python's
 * unwrap() fails (SHUTDOWN_WHILE_IN_INIT after LIST/NLST on TLS 1.3).
 */
async function endAfterWrites(data: Duplex): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  data.end();
}

/** Waits for the peer to close the data connection after our end (TLS close_notify exchange), bounded. */
function closedOrTimeout(s: Duplex, ms: number): Promise<void> {
  if (s.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      s.destroy();
      resolve();
    }, ms);
    s.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    s.resume();
  });
}

