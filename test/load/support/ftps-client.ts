/**
 * A small Node FTPS client for load and fault tests: explicit AUTH TLS, PBSZ 0,
 * PROT P, passive (EPSV) data connections that offer the control connection's TLS
 * session (`tls.connect({ session })`), and sha256 of every byte in both directions.
 * Built on the byte-level RawFtp of the server tests, so every reply is checked.
 */
import { createHash } from 'node:crypto';
import * as net from 'node:net';
import { once as onceEvent } from 'node:events';
import type { Readable } from 'node:stream';
import * as tls from 'node:tls';
import { RawFtp, login, type Reply } from '../../server/support/raw';
import { testPki } from '../../server/support/pki';

export interface TransferResult {
  bytes: number;
  sha256: string;
  /** The data connection resumed the control connection's TLS session. */
  reused: boolean;
}

export interface OpenOptions {
  user?: string;
  pass?: string;
  /** Cap TLS at 1.2 (session ids) instead of 1.3 (tickets). */
  tls12?: boolean;
  /** false: stay on PROT C (clear data). */
  protP?: boolean;
}

export class FtpsClient {
  private constructor(
    readonly ctl: RawFtp,
    private readonly host: string,
    private readonly tlsSock: tls.TLSSocket,
    private readonly tlsOpts: tls.ConnectionOptions,
    private readonly protected_: boolean,
  ) {}

  static async open(port: number, opts: OpenOptions = {}): Promise<FtpsClient> {
    const host = '127.0.0.1';
    const ctl = await RawFtp.connect(port);
    expect(await ctl.read(), 220, 'greeting');
    const tlsOpts: tls.ConnectionOptions = { ca: testPki().caCert, servername: 'localhost', ...(opts.tls12 ? { maxVersion: 'TLSv1.2' } : {}) };
    const sock = await ctl.authTls(tlsOpts);
    expect(await ctl.cmd('PBSZ 0'), 200, 'PBSZ');
    const protP = opts.protP ?? true;
    if (protP) expect(await ctl.cmd('PROT P'), 200, 'PROT P');
    await login(ctl, opts.user ?? 'alice', opts.pass ?? 'secret');
    expect(await ctl.cmd('TYPE I'), 200, 'TYPE I');
    return new FtpsClient(ctl, host, sock, tlsOpts, protP);
  }

  /** EPSV, then a data socket (TLS offering the control session when PROT P) that connects in the background. */
  async openData(): Promise<{ sock: net.Socket | tls.TLSSocket; ready: Promise<void>; raw?: net.Socket }> {
    const r = expect(await this.ctl.cmd('EPSV'), 229, 'EPSV');
    const port = Number(/\|\|\|(\d+)\|/.exec(r.text)![1]);
    if (!this.protected_) {
      const sock = net.connect({ host: this.host, port });
      return { sock, ready: once(sock, 'connect'), raw: sock };
    }
    // TLS over a socket of our own, so fault tests can reset the TCP connection under it.
    const raw = net.connect({ host: this.host, port });
    raw.on('error', () => {});
    const sock = tls.connect({ socket: raw, ...this.tlsOpts, session: this.tlsSock.getSession() });
    return { sock, ready: once(sock, 'secureConnect'), raw };
  }

  async upload(name: string, source: Buffer | Readable): Promise<TransferResult> {
    const { sock, ready } = await this.openData();
    sock.on('error', () => {});
    const hash = createHash('sha256');
    let bytes = 0;
    expect(await this.ctl.cmd(`STOR ${name}`, 30_000), 150, `STOR ${name}`);
    await ready;
    const reused = sock instanceof tls.TLSSocket ? sock.isSessionReused() : false;
    if (Buffer.isBuffer(source)) {
      hash.update(source);
      bytes = source.length;
      sock.end(source);
    } else {
      for await (const chunk of source) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        if (!sock.write(chunk)) await onceEvent(sock, 'drain');
      }
      sock.end();
    }
    expect(await this.ctl.read(120_000), 226, `STOR ${name} end`);
    return { bytes, sha256: hash.digest('hex'), reused };
  }

  async download(name: string): Promise<TransferResult> {
    const { sock, ready } = await this.openData();
    const hash = createHash('sha256');
    let bytes = 0;
    sock.on('data', (d: Buffer) => {
      hash.update(d);
      bytes += d.length;
    });
    const closed = new Promise<void>((res) => sock.once('close', () => res()));
    sock.on('error', () => {});
    expect(await this.ctl.cmd(`RETR ${name}`, 30_000), 150, `RETR ${name}`);
    await ready;
    const reused = sock instanceof tls.TLSSocket ? sock.isSessionReused() : false;
    await closed;
    expect(await this.ctl.read(120_000), 226, `RETR ${name} end`);
    return { bytes, sha256: hash.digest('hex'), reused };
  }

  async quit(): Promise<void> {
    try {
      expect(await this.ctl.cmd('QUIT'), 221, 'QUIT');
    } finally {
      this.ctl.close();
    }
  }
}

export function expect(r: Reply, code: number, what: string): Reply {
  if (r.code !== code) throw new Error(`${what}: expected ${code}, got ${r.text}`);
  return r;
}

function once(sock: net.Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    sock.once(event, () => resolve());
    sock.once('error', reject);
  });
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
