/**
 * The small FTP client `zftps verify` probes with: one control connection
 * (plain, then AUTH TLS on the same socket, or implicit TLS), replies read with
 * a deadline, and passive data connections for LIST. Only read-only commands
 * are ever sent by its callers; nothing here can change a file on the server.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';

export interface Reply {
  readonly code: number;
  /** Every line of the reply, joined with '\n'. */
  readonly text: string;
}

export interface Endpoint {
  readonly host: string;
  readonly port: number;
  /** Per connect/read deadline. */
  readonly timeoutMs: number;
}

/** What a TLS handshake attempt ended with. */
export type HandshakeResult =
  | { readonly ok: true; readonly socket: tls.TLSSocket }
  | { readonly ok: false; readonly error: string };

/** The probe's base TLS options: no verification here (the certificate check does it explicitly), weak suites allowed so the server decides. */
export function probeTlsOptions(extra: tls.ConnectionOptions = {}): tls.ConnectionOptions {
  return { rejectUnauthorized: false, ...extra };
}

function withDeadline<T>(ms: number, what: string, run: (done: (v: T) => void, fail: (e: Error) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let cleanup: () => void = () => {};
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${ms} ms ${what}`));
    }, ms);
    cleanup = run(
      (v) => {
        clearTimeout(timer);
        cleanup();
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        cleanup();
        reject(e);
      },
    );
  });
}

export function tcpConnect(ep: Endpoint): Promise<net.Socket> {
  const sock = net.connect({ host: ep.host, port: ep.port });
  return withDeadline<net.Socket>(ep.timeoutMs, `connecting to ${ep.host}:${ep.port}`, (done, fail) => {
    const ok = () => done(sock);
    const err = (e: Error) => {
      sock.destroy();
      fail(e);
    };
    sock.once('connect', ok);
    sock.once('error', err);
    return () => {
      sock.off('connect', ok);
      sock.off('error', err);
    };
  }).catch((e: Error) => {
    sock.destroy();
    throw e;
  });
}

/** A TLS handshake over an existing socket (or a new connection); never throws, reports why it failed. */
export function tlsHandshake(opts: tls.ConnectionOptions, timeoutMs: number): Promise<HandshakeResult> {
  const sock = tls.connect(opts);
  sock.on('error', () => {});
  return withDeadline<HandshakeResult>(timeoutMs, 'in the TLS handshake', (done) => {
    const ok = () => done({ ok: true, socket: sock });
    const err = (e: Error) => {
      sock.destroy();
      done({ ok: false, error: describeTlsError(e) });
    };
    const closed = () => done({ ok: false, error: 'connection closed during the handshake' });
    sock.once('secureConnect', ok);
    sock.once('error', err);
    sock.once('close', closed);
    return () => {
      sock.off('secureConnect', ok);
      sock.off('error', err);
      sock.off('close', closed);
    };
  }).catch((e: Error) => {
    sock.destroy();
    return { ok: false, error: e.message };
  });
}

/** OpenSSL's reason (e.g. "sslv3 alert handshake failure") rather than Node's long wrapper text. */
export function describeTlsError(e: Error): string {
  const reason = (e as { reason?: string }).reason;
  const code = (e as { code?: string }).code;
  return reason ? `${reason}${code ? ` (${code})` : ''}` : (e.message.split('\n')[0] ?? String(e));
}

export class FtpControl {
  private buf = '';
  private waiters: (() => void)[] = [];
  private closed = false;
  /** The last TLS session the server gave this control connection (for resumption on data connections). */
  session?: Buffer;

  private constructor(
    private sock: net.Socket | tls.TLSSocket,
    readonly ep: Endpoint,
  ) {
    this.attach(sock);
  }

  get socket(): net.Socket | tls.TLSSocket {
    return this.sock;
  }

  get tlsSocket(): tls.TLSSocket | undefined {
    return this.sock instanceof tls.TLSSocket ? this.sock : undefined;
  }

  private attach(s: net.Socket): void {
    s.on('data', (d: Buffer) => {
      this.buf += d.toString('latin1');
      this.wake();
    });
    s.on('close', () => {
      this.closed = true;
      this.wake();
    });
    s.on('error', () => {});
  }

  private wake(): void {
    this.waiters.splice(0).forEach((w) => w());
  }

  /** Plain TCP control connection (the 220 greeting is left to read). */
  static async connect(ep: Endpoint): Promise<FtpControl> {
    return new FtpControl(await tcpConnect(ep), ep);
  }

  /** Implicit TLS: the handshake first (or after the 220 when `greetingFirst`, SECUREIMPLICITZOS TRUE). */
  static async connectImplicit(ep: Endpoint, tlsOpts: tls.ConnectionOptions, greetingFirst: boolean): Promise<{ control?: FtpControl; greeting?: Reply; error?: string }> {
    const raw = await tcpConnect(ep);
    let greeting: Reply | undefined;
    if (greetingFirst) {
      const plain = new FtpControl(raw, ep);
      try {
        greeting = await plain.read();
      } catch (e) {
        raw.destroy();
        return { error: `no 220 before the handshake: ${(e as Error).message}` };
      }
      plain.detach();
    }
    const hs = await tlsHandshake(probeTlsOptions({ ...tlsOpts, socket: raw, servername: sniName(ep.host) }), ep.timeoutMs);
    if (!hs.ok) {
      raw.destroy();
      return { error: hs.error, greeting };
    }
    const control = new FtpControl(hs.socket, ep);
    control.trackSessions(hs.socket);
    return { control, greeting };
  }

  private detach(): void {
    this.sock.removeAllListeners('data');
    this.sock.removeAllListeners('close');
    this.sock.removeAllListeners('error');
    this.sock.on('error', () => {});
  }

  private trackSessions(s: tls.TLSSocket): void {
    this.session = s.getSession();
    s.on('session', (session: Buffer) => (this.session = session));
  }

  /** Reads one complete (possibly multi-line) reply. */
  async read(timeoutMs = this.ep.timeoutMs): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = this.parse();
      if (r) return r;
      if (this.closed) throw new Error(`the server closed the connection${this.buf ? ` after ${JSON.stringify(this.buf.slice(0, 200))}` : ''}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no reply within ${timeoutMs} ms`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  private parse(): Reply | undefined {
    const lines = this.buf.split('\r\n');
    if (lines.length < 2) return undefined;
    const m = /^(\d{3})([ -])/.exec(lines[0]);
    if (!m) throw new Error(`not an FTP reply: ${JSON.stringify(lines[0].slice(0, 120))}`);
    let end = 0;
    if (m[2] === '-') {
      end = lines.findIndex((l, i) => i > 0 && i < lines.length - 1 && l.startsWith(`${m[1]} `));
      if (end < 0) return undefined;
    }
    this.buf = lines.slice(end + 1).join('\r\n');
    return { code: Number(m[1]), text: lines.slice(0, end + 1).join('\n') };
  }

  async cmd(line: string): Promise<Reply> {
    this.sock.write(line + '\r\n');
    return this.read();
  }

  /** AUTH TLS and the handshake on the same socket. Returns the AUTH reply when it was not 234. */
  async authTls(tlsOpts: tls.ConnectionOptions = {}): Promise<{ ok: true } | { ok: false; reply?: Reply; error: string }> {
    const r = await this.cmd('AUTH TLS');
    if (r.code !== 234) return { ok: false, reply: r, error: `AUTH TLS answered ${r.text}` };
    const raw = this.sock as net.Socket;
    this.detach();
    const hs = await tlsHandshake(probeTlsOptions({ ...tlsOpts, socket: raw, servername: sniName(this.ep.host) }), this.ep.timeoutMs);
    if (!hs.ok) {
      raw.destroy();
      return { ok: false, error: hs.error };
    }
    this.sock = hs.socket;
    this.closed = false;
    this.buf = '';
    this.attach(hs.socket);
    this.trackSessions(hs.socket);
    return { ok: true };
  }

  /**
   * PASV (EPSV when PASV is refused), then LIST over a TLS data connection.
   * `resume` offers the control connection's session; otherwise a full handshake.
   * Returns the preliminary and final replies and what the data connection did.
   */
  async listProtected(resume: boolean, tlsOpts: tls.ConnectionOptions = {}): Promise<{ final?: Reply; preliminary?: Reply; dataError?: string; resumed?: boolean; bytes: number }> {
    const target = await this.passive();
    if ('error' in target) return { dataError: target.error, bytes: 0 };
    const raw = await tcpConnect({ ...this.ep, host: target.host, port: target.port }).catch((e: Error) => e);
    if (raw instanceof Error) return { dataError: `data connection: ${raw.message}`, bytes: 0 };
    this.sock.write('LIST\r\n');
    const opts = probeTlsOptions({ ...tlsOpts, socket: raw, servername: sniName(this.ep.host), ...(resume && this.session ? { session: this.session } : {}) });
    const hsPromise = tlsHandshake(opts, this.ep.timeoutMs);
    const preliminary = await this.read().catch(() => undefined);
    if (preliminary && preliminary.code >= 400) {
      raw.destroy();
      return { final: preliminary, bytes: 0 };
    }
    const hs = await hsPromise;
    let bytes = 0;
    let dataError: string | undefined;
    let resumed: boolean | undefined;
    if (hs.ok) {
      resumed = hs.socket.isSessionReused();
      bytes = await drain(hs.socket, this.ep.timeoutMs).catch((e: Error) => {
        dataError = e.message;
        return 0;
      });
    } else {
      dataError = hs.error;
      raw.destroy();
    }
    const final = await this.read().catch(() => undefined);
    return { final, preliminary, dataError, resumed, bytes };
  }

  private async passive(): Promise<{ host: string; port: number } | { error: string }> {
    const r = await this.cmd('PASV');
    const m = /(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(r.text);
    if (r.code === 227 && m) {
      // Connect to the control host, not the announced address (NAT): the probe checks TLS, not PASV addressing.
      return { host: this.ep.host, port: Number(m[5]) * 256 + Number(m[6]) };
    }
    const e = await this.cmd('EPSV');
    const em = /\(\|\|\|(\d+)\|\)/.exec(e.text);
    if (e.code === 229 && em) return { host: this.ep.host, port: Number(em[1]) };
    return { error: `PASV answered ${r.text}; EPSV answered ${e.text}` };
  }

  /** QUIT politely, then close whatever is left. */
  async close(): Promise<void> {
    if (!this.closed) {
      try {
        this.sock.write('QUIT\r\n');
        await this.read(1000);
      } catch {
        // the server may close first
      }
    }
    this.sock.destroy();
  }

  destroy(): void {
    this.sock.destroy();
  }
}

/** Reads a data connection to its end (bounded), returning the byte count. */
function drain(s: tls.TLSSocket, timeoutMs: number): Promise<number> {
  return withDeadline<number>(timeoutMs, 'reading the data connection', (done, fail) => {
    let n = 0;
    const data = (d: Buffer) => (n += d.length);
    const end = () => done(n);
    const err = (e: Error) => fail(new Error(describeTlsError(e)));
    s.on('data', data);
    s.once('end', end);
    s.once('close', end);
    s.once('error', err);
    return () => {
      s.off('data', data);
      s.off('end', end);
      s.off('close', end);
      s.off('error', err);
      s.destroy();
    };
  });
}

/** SNI takes host names only, never IP addresses. */
function sniName(host: string): string | undefined {
  return net.isIP(host) ? undefined : host;
}
