/**
 * TLS for one control connection and its data connections, built as
 * node-tls-spike.md recommends:
 *
 * - a private pair of never-listening `tls.Server`s (control, data) fed with
 *   `server.emit('connection', transport)`, so Node's own client-certificate
 *   verification (`authorized`, `authorizationError`) runs — a bare TLSSocket skips it;
 * - `SSL_OP_NO_TICKET`: TLS 1.2 resumes by session id, TLS 1.3 by stateful tickets,
 *   and both go through this connection's own store;
 * - the store holds the control connection's sessions and the latest sessions of
 *   data connections it accepted (under REQUIRED only those that resumed, so they
 *   descend from the control session), so `isSessionReused()` on a data socket means
 *   "resumed a session of THIS control connection". Clients that offer the previous
 *   data connection's ticket next (basic-ftp, JSSE-style clients) keep resuming;
 * - an upload's TLS 1.3 data connection holds back its NewSessionTicket until the
 *   client's data has ended (see `handshakeData`);
 * - an upload's data connection that ends without the client's close_notify fails
 *   with `TruncatedUploadError` instead of ending cleanly (see `UploadTransport`).
 */
import * as crypto from 'node:crypto';
import * as tls from 'node:tls';
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { TlsSettings } from './settings';

export function serverTlsOptions(t: TlsSettings): tls.TlsOptions {
  return {
    key: t.key,
    cert: t.cert,
    ca: t.trustedCas.length ? [...t.trustedCas] : undefined,
    ciphers: t.ciphers,
    honorCipherOrder: true,
    minVersion: t.minVersion,
    maxVersion: t.maxVersion,
    // NO_RENEGOTIATION: a TLS 1.2 client may not renegotiate (each costs the server a full
    // handshake; testssl rates client-initiated renegotiation a DoS risk). Node only limits it.
    secureOptions: crypto.constants.SSL_OP_NO_TICKET | crypto.constants.SSL_OP_NO_RENEGOTIATION,
    sessionTimeout: t.sessionTimeoutSeconds,
    // OpenSSL resumes a session of a client-verifying context only with a session id context
    // (tls.Server sets one of its own; the shared context is built by createSecureContext).
    sessionIdContext: 'zftps',
    handshakeTimeout: t.handshakeTimeoutMs,
    requestCert: t.clientCert !== 'none',
    // 'require' with registered self-signed certificates cannot let OpenSSL decide
    // (they are kept out of `ca`); the session refuses a missing one right after the handshake.
    rejectUnauthorized: t.clientCert === 'require' && t.trustedSelfSigned.length === 0,
  };
}

/** Start-up (and reload) check: throws an Error naming what OpenSSL refused. Builds the shared context. */
export function checkTlsSettings(t: TlsSettings): void {
  try {
    sharedContext(t);
  } catch (e) {
    throw new Error(`TLS settings rejected by OpenSSL (ciphers '${t.ciphers}', ${t.minVersion}..${t.maxVersion}): ${(e as Error).message}`);
  }
}

/**
 * One SecureContext per TlsSettings object (start-up, each reload): parsing the PEM key and
 * certificates costs about 1.4 ms, and every control connection makes two private servers.
 * Sharing it does not share sessions: Node's contexts keep no internal session cache
 * (SSL_SESS_CACHE_NO_INTERNAL), so every lookup and store goes through the socket's own
 * server's resumeSession/newSession, i.e. through one TlsBinding's store.
 */
const contexts = new WeakMap<TlsSettings, tls.SecureContext>();

export function sharedContext(t: TlsSettings): tls.SecureContext {
  let ctx = contexts.get(t);
  if (!ctx) {
    ctx = tls.createSecureContext(serverTlsOptions(t));
    contexts.set(t, ctx);
  }
  return ctx;
}

/**
 * A never-listening tls.Server on the shared context. tls.Server has no option taking a built
 * context: its constructor builds one in setSecureContext(options), which this class replaces
 * by taking the shared one (`_sharedCreds` is what Node hands each TLSSocket it creates; every
 * TLS test fails at once should a Node release rename it). Verification settings
 * (requestCert, rejectUnauthorized) are per server and stay as configured.
 */
class SharedContextServer extends tls.Server {
  override setSecureContext(options: tls.SecureContextOptions & { shared?: tls.SecureContext }): void {
    (this as unknown as { _sharedCreds: tls.SecureContext })._sharedCreds = options.shared!;
  }
}

function serverOnSharedContext(t: TlsSettings): tls.Server {
  const { requestCert, rejectUnauthorized, handshakeTimeout } = serverTlsOptions(t);
  return new SharedContextServer({ requestCert, rejectUnauthorized, handshakeTimeout, shared: sharedContext(t) } as tls.TlsOptions);
}

/** An upload's data connection ended (TCP FIN) without the client's TLS close_notify. */
export class TruncatedUploadError extends Error {
  constructor() {
    super('data connection ended without TLS close_notify (upload truncated)');
    this.name = 'TruncatedUploadError';
  }
}

/**
 * The transport under an upload's TLSSocket, so a truncated upload can be told from a
 * finished one. Node reads TCP EOF without close_notify as a clean end (OpenSSL's
 * SSL_OP_IGNORE_UNEXPECTED_EOF), and exposes no "close_notify received" state. But TLS
 * ends its readable side by itself when OpenSSL decrypts the close_notify, before and
 * independently of the transport's EOF — on TLS 1.2 and 1.3 alike, without parsing records.
 *
 * So the TCP bytes pass through this Duplex, and when TCP has ended and every byte went
 * to TLS (the JS stream wrapper under TLS feeds each chunk to OpenSSL synchronously),
 * `beforeEof` runs before TLS is told of the EOF: if TLS has not ended by then, no
 * close_notify came. Downloads do not need this and stay on the native socket.
 */
class UploadTransport extends Duplex {
  /** Runs once all input went to TLS, before TLS gets the EOF. */
  beforeEof?: () => void;
  private tcpEnded = false;

  constructor(private readonly socket: Socket) {
    // A 1 MiB buffer (default 16 KiB, a quarter of one TCP read) lets TCP reads pile up while TLS
    // or the file writer is busy, instead of pausing and resuming the socket on every read.
    super({ allowHalfOpen: true, readableHighWaterMark: 1 << 20 });
    socket.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) socket.pause();
    });
    socket.once('end', () => {
      this.tcpEnded = true;
      this.push(null);
    });
    // An error after the client's FIN (a reset answering our ticket or close_notify) does
    // not take back bytes already received; one before it fails the upload.
    socket.on('error', (e) => {
      if (!this.tcpEnded) this.destroy(e);
    });
    // A socket closed before its end (ABOR, a reset) takes the upload down; after its
    // end, TLS may still be reading buffered records, and ends this transport itself.
    socket.once('close', () => {
      if (!this.tcpEnded) this.destroy();
    });
    // Registered before the JS stream wrapper's own 'end' listener (it is made later,
    // when TLS takes this transport), so the verdict comes before TLS sees the EOF.
    this.once('end', () => this.beforeEof?.());
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.socket.write(chunk, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.socket.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.socket.destroy();
    cb(err);
  }
}

/**
 * TLS ended its readable side (pushed EOF), whether or not 'end' was emitted yet (the
 * reader may be behind). Node has no public flag for this; `_readableState.ended` is it.
 */
function inputEnded(sock: tls.TLSSocket): boolean {
  return (sock as unknown as { _readableState: { ended: boolean } })._readableState.ended;
}

/** Data-connection sessions kept per control connection (one per transfer is issued). */
const MAX_DATA_SESSIONS = 8;

type Pending = { resolve: (s: tls.TLSSocket) => void; reject: (e: Error) => void };

export class TlsBinding {
  private control?: tls.Server;
  private data?: tls.Server;
  private readonly store = new Map<string, Buffer>();
  /** Sessions issued on accepted data connections, newest last (bounded). */
  private readonly dataSessions = new Map<string, Buffer>();
  /** The data connection being served resumed a session of this store. */
  private dataResumed = false;
  private pendingControl?: Pending;
  private pendingData?: Pending;
  /** PSK identities of the data ClientHello being handshaken (TLS 1.3). */
  private offeredPsk: readonly Buffer[] = [];
  /** Hold the current data connection's tickets (an upload). */
  private holdTickets = false;
  /** `newSession` callbacks not yet called: until then Node sends nothing on that socket. */
  private heldTickets: (() => void)[] = [];

  constructor(
    private readonly settings: TlsSettings,
    private readonly reuse: 'ALLOWED' | 'REQUIRED',
  ) {}

  /** Handshake on the control transport (a RecordTap, or the raw socket on the implicit port). */
  handshakeControl(transport: Duplex): Promise<tls.TLSSocket> {
    const server = (this.control ??= this.makeServer('control'));
    return new Promise((resolve, reject) => {
      this.pendingControl = { resolve, reject };
      server.emit('connection', transport);
    });
  }

  /**
   * Handshake on an accepted/connected data socket whose ClientHello was peeked.
   *
   * `upload`: a TLS 1.3 server sends a NewSessionTicket after the handshake, and a
   * client that only writes (curl) never reads it. When the ticket reaches the client
   * after it closed its socket with upload bytes still queued (a server slow to read),
   * the client's kernel answers with a reset and drops those bytes (curl#6149). Node
   * sends nothing on a socket while a `newSession` callback is outstanding, and in
   * TLS 1.3 that event comes after 'secure'; so the ticket is held until the client's
   * data has ended, then ticket and close_notify go out. The end waits one turn
   * (`setImmediate`) after the release: Node's TLS shutdown sends FIN at once and
   * drops a close_notify queued behind a write still in flight (the ticket's).
   */
  handshakeData(raw: Socket, pskIdentities: readonly Buffer[], opts: { upload?: boolean } = {}): Promise<tls.TLSSocket> {
    const server = (this.data ??= this.makeServer('data'));
    this.offeredPsk = pskIdentities;
    this.dataResumed = false;
    this.releaseTickets();
    this.holdTickets = opts.upload === true;
    // No automatic end on the client's EOF: the ticket and our close_notify go out first.
    if (opts.upload) raw.allowHalfOpen = true;
    // Downloads keep TLS on the native socket (no JS per TCP read).
    const transport = opts.upload ? new UploadTransport(raw) : raw;
    return new Promise<tls.TLSSocket>((resolve, reject) => {
      this.pendingData = { resolve, reject };
      server.emit('connection', transport);
    }).then((sock) => {
      if (transport instanceof UploadTransport) {
        transport.beforeEof = () => {
          if (!inputEnded(sock)) sock.destroy(new TruncatedUploadError());
        };
        sock.once('end', () => {
          this.releaseTickets();
          setImmediate(() => sock.end());
        });
      }
      return sock;
    });
  }

  private releaseTickets(): void {
    this.holdTickets = false;
    for (const done of this.heldTickets.splice(0)) done();
  }

  /** REIN, CCC: nothing of this TLS session may be resumed afterwards. */
  forgetSessions(): void {
    this.store.clear();
    this.dataSessions.clear();
  }

  get storedSessions(): number {
    return this.store.size + this.dataSessions.size;
  }

  private rememberDataSession(id: Buffer, data: Buffer): void {
    this.dataSessions.set(id.toString('hex'), data);
    for (const oldest of this.dataSessions.keys()) {
      if (this.dataSessions.size <= MAX_DATA_SESSIONS) break;
      this.dataSessions.delete(oldest);
    }
  }

  private lookup(id: Buffer): Buffer | undefined {
    const key = id.toString('hex');
    return this.store.get(key) ?? this.dataSessions.get(key);
  }

  private makeServer(role: 'control' | 'data'): tls.Server {
    const server = serverOnSharedContext(this.settings);
    const take = (): Pending | undefined => {
      const p = role === 'control' ? this.pendingControl : this.pendingData;
      if (role === 'control') this.pendingControl = undefined;
      else this.pendingData = undefined;
      return p;
    };
    server.on('secureConnection', (sock: tls.TLSSocket) => {
      if (role === 'data') this.dataResumed = sock.isSessionReused();
      take()?.resolve(sock);
    });
    server.on('tlsClientError', (err: Error) => take()?.reject(err));
    server.on('newSession', (id: Buffer, data: Buffer, done: () => void) => {
      if (role === 'control') this.store.set(id.toString('hex'), data);
      // TLS 1.3 tickets of a data connection arrive after 'secure' (pendingData is gone);
      // under REQUIRED only a connection that resumed may add one.
      else if (this.reuse === 'ALLOWED' || (!this.pendingData && this.dataResumed)) this.rememberDataSession(id, data);
      // Only after 'secure' (TLS 1.3 tickets): a TLS 1.2 full handshake's session comes
      // before 'secure', and holding it would hold the handshake itself.
      if (role === 'data' && this.holdTickets && !this.pendingData) this.heldTickets.push(done);
      else done();
    });
    server.on('resumeSession', (id: Buffer, done: (err: Error | null, data: Buffer | null) => void) => {
      if (role === 'control') return done(null, null);
      // TLS 1.3: the legacy id is random; the real key is the PSK identity.
      for (const psk of this.offeredPsk) {
        const hit = this.lookup(psk);
        if (hit) return done(null, hit);
      }
      done(null, this.lookup(id) ?? null);
    });
    return server;
  }
}

export interface PeerCertificate {
  readonly present: boolean;
  /** Chains to a trusted CA, or is a registered self-signed certificate (matched by fingerprint). */
  readonly trusted: boolean;
  readonly why?: string;
  readonly cert?: tls.DetailedPeerCertificate;
}

export function examinePeer(sock: tls.TLSSocket, t: TlsSettings): PeerCertificate {
  const cert = sock.getPeerCertificate(true) as tls.DetailedPeerCertificate;
  if (!cert || !cert.raw) return { present: false, trusted: false, why: 'no client certificate' };
  if (sock.authorized) return { present: true, trusted: true, cert };
  const err = String(sock.authorizationError ?? '');
  const selfSigned = err === 'DEPTH_ZERO_SELF_SIGNED_CERT';
  if (selfSigned && t.trustedSelfSigned.includes(cert.fingerprint256.toUpperCase())) return { present: true, trusted: true, cert };
  return { present: true, trusted: false, why: err || 'not trusted', cert };
}
