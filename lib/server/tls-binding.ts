/**
 * TLS for one control connection and its data connections, built as
 * node-tls-spike.md recommends:
 *
 * - a private pair of never-listening `tls.Server`s (control, data) fed with
 *   `server.emit('connection', transport)`, so Node's own client-certificate
 *   verification (`authorized`, `authorizationError`) runs — a bare TLSSocket skips it;
 * - `SSL_OP_NO_TICKET`: TLS 1.2 resumes by session id, TLS 1.3 by stateful tickets,
 *   and both go through this connection's own store;
 * - the store holds the control connection's sessions (and, under ALLOWED, the
 *   sessions of data connections it accepted), so `isSessionReused()` on a data
 *   socket means "resumed a session of THIS control connection".
 */
import * as crypto from 'node:crypto';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';
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
    secureOptions: crypto.constants.SSL_OP_NO_TICKET,
    sessionTimeout: t.sessionTimeoutSeconds,
    handshakeTimeout: t.handshakeTimeoutMs,
    requestCert: t.clientCert !== 'none',
    // 'require' with registered self-signed certificates cannot let OpenSSL decide
    // (they are kept out of `ca`); the session refuses a missing one right after the handshake.
    rejectUnauthorized: t.clientCert === 'require' && t.trustedSelfSigned.length === 0,
  };
}

/** Start-up check: throws an Error naming what OpenSSL refused. */
export function checkTlsSettings(t: TlsSettings): void {
  try {
    tls.createSecureContext(serverTlsOptions(t));
  } catch (e) {
    throw new Error(`TLS settings rejected by OpenSSL (ciphers '${t.ciphers}', ${t.minVersion}..${t.maxVersion}): ${(e as Error).message}`);
  }
}

type Pending = { resolve: (s: tls.TLSSocket) => void; reject: (e: Error) => void };

export class TlsBinding {
  private control?: tls.Server;
  private data?: tls.Server;
  private readonly store = new Map<string, Buffer>();
  private pendingControl?: Pending;
  private pendingData?: Pending;
  /** PSK identities of the data ClientHello being handshaken (TLS 1.3). */
  private offeredPsk: readonly Buffer[] = [];

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

  /** Handshake on an accepted/connected data socket whose ClientHello was peeked. */
  handshakeData(raw: Socket, pskIdentities: readonly Buffer[]): Promise<tls.TLSSocket> {
    const server = (this.data ??= this.makeServer('data'));
    this.offeredPsk = pskIdentities;
    return new Promise((resolve, reject) => {
      this.pendingData = { resolve, reject };
      server.emit('connection', raw);
    });
  }

  /** REIN, CCC: nothing of this TLS session may be resumed afterwards. */
  forgetSessions(): void {
    this.store.clear();
  }

  get storedSessions(): number {
    return this.store.size;
  }

  private makeServer(role: 'control' | 'data'): tls.Server {
    const server = tls.createServer(serverTlsOptions(this.settings));
    const take = (): Pending | undefined => {
      const p = role === 'control' ? this.pendingControl : this.pendingData;
      if (role === 'control') this.pendingControl = undefined;
      else this.pendingData = undefined;
      return p;
    };
    server.on('secureConnection', (sock: tls.TLSSocket) => take()?.resolve(sock));
    server.on('tlsClientError', (err: Error) => take()?.reject(err));
    server.on('newSession', (id: Buffer, data: Buffer, done: () => void) => {
      if (role === 'control' || this.reuse === 'ALLOWED') this.store.set(id.toString('hex'), data);
      done();
    });
    server.on('resumeSession', (id: Buffer, done: (err: Error | null, data: Buffer | null) => void) => {
      if (role === 'control') return done(null, null);
      // TLS 1.3: the legacy id is random; the real key is the PSK identity.
      for (const psk of this.offeredPsk) {
        const hit = this.store.get(psk.toString('hex'));
        if (hit) return done(null, hit);
      }
      done(null, this.store.get(id.toString('hex')) ?? null);
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
