/**
 * A byte-level FTP control client for asserting exact replies: plain TCP, then
 * AUTH TLS on the same socket (node:tls client), with a timeout on every read.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { testPki } from './pki';

export interface Reply {
  code: number;
  text: string;
  lines: string[];
}

export class RawFtp {
  private buf = '';
  private waiters: (() => void)[] = [];
  sock: net.Socket | tls.TLSSocket;
  closed = false;

  private constructor(sock: net.Socket) {
    this.sock = sock;
    this.attach(sock);
  }

  private attach(s: net.Socket | tls.TLSSocket): void {
    s.on('data', (d: Buffer) => {
      this.buf += d.toString('utf8');
      this.waiters.splice(0).forEach((w) => w());
    });
    s.on('close', () => {
      this.closed = true;
      this.waiters.splice(0).forEach((w) => w());
    });
    s.on('error', () => {});
  }

  static async connect(port: number, opts: { implicitTls?: tls.ConnectionOptions } = {}): Promise<RawFtp> {
    if (opts.implicitTls) {
      const s = tls.connect({ host: '127.0.0.1', port, ca: testPki().caCert, ...opts.implicitTls });
      await new Promise<void>((res, rej) => {
        s.once('secureConnect', () => res());
        s.once('error', rej);
      });
      return new RawFtp(s as unknown as net.Socket);
    }
    const s = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((res, rej) => {
      s.once('connect', () => res());
      s.once('error', rej);
    });
    return new RawFtp(s);
  }

  /** Reads one complete (possibly multi-line) reply. */
  async read(timeoutMs = 5000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = this.parse();
      if (r) return r;
      if (this.closed) throw new Error(`connection closed; buffer: ${JSON.stringify(this.buf)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timeout waiting for reply; buffer: ${JSON.stringify(this.buf)}`);
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
    const first = lines[0];
    const m = /^(\d{3})([ -])/.exec(first);
    if (!m) throw new Error(`bad reply line ${JSON.stringify(first)}`);
    let end = 0;
    if (m[2] === '-') {
      end = lines.findIndex((l, i) => i > 0 && i < lines.length - 1 && l.startsWith(`${m[1]} `));
      if (end < 0) return undefined;
    }
    const used = lines.slice(0, end + 1);
    this.buf = lines.slice(end + 1).join('\r\n');
    return { code: Number(m[1]), text: used.join('\n'), lines: used };
  }

  write(data: string | Buffer): void {
    this.sock.write(data);
  }

  async cmd(line: string, timeoutMs?: number): Promise<Reply> {
    this.sock.write(line + '\r\n');
    return this.read(timeoutMs);
  }

  /** AUTH TLS then the handshake on the same TCP socket. */
  async authTls(opts: tls.ConnectionOptions = {}): Promise<tls.TLSSocket> {
    const r = await this.cmd('AUTH TLS');
    if (r.code !== 234) throw new Error(`AUTH TLS: ${r.text}`);
    const raw = this.sock as net.Socket;
    raw.removeAllListeners('data');
    const s = tls.connect({ socket: raw, ca: testPki().caCert, servername: 'localhost', ...opts });
    await new Promise<void>((res, rej) => {
      s.once('secureConnect', () => res());
      s.once('error', rej);
    });
    this.sock = s;
    this.attach(s);
    return s;
  }

  close(): void {
    this.sock.destroy();
  }
}

export async function login(c: RawFtp, user = 'alice', pass = 'secret'): Promise<void> {
  const u = await c.cmd(`USER ${user}`);
  if (u.code === 230) return;
  if (u.code !== 331) throw new Error(`USER: ${u.text}`);
  const p = await c.cmd(`PASS ${pass}`);
  if (p.code !== 230) throw new Error(`PASS: ${p.text}`);
}
