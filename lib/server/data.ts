/**
 * Data-connection plumbing: passive listeners that accept only the control
 * connection's peer, active connections, address helpers and the TYPE A
 * line-ending transforms.
 */
import * as net from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

/** '::ffff:127.0.0.1' → '127.0.0.1'; other addresses unchanged. */
export function plainAddress(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  const x = plainAddress(a);
  const y = plainAddress(b);
  if (net.isIPv6(x) && net.isIPv6(y)) return new net.SocketAddress({ address: x, family: 'ipv6' }).address === new net.SocketAddress({ address: y, family: 'ipv6' }).address;
  return x === y;
}

/** One PASV/EPSV listener: the first connection from the allowed peer is the data connection. */
export class PassiveListener {
  private accepted?: net.Socket;
  private waiter?: { resolve: (s: net.Socket) => void; reject: (e: Error) => void };
  private closed = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly onForeign: (address: string) => void,
  ) {}

  static async open(opts: {
    bindAddress: string;
    allowedPeer: string;
    range?: { low: number; high: number };
    onForeign: (address: string) => void;
  }): Promise<PassiveListener> {
    const candidates = opts.range ? shuffledRange(opts.range.low, opts.range.high) : [0];
    let lastError: Error | undefined;
    for (const port of candidates) {
      const server = net.createServer({ pauseOnConnect: true });
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: opts.bindAddress, port, exclusive: true }, () => {
            server.removeListener('error', reject);
            resolve();
          });
        });
      } catch (e) {
        lastError = e as Error;
        continue;
      }
      const listener = new PassiveListener(server, (server.address() as net.AddressInfo).port, opts.onForeign);
      server.on('connection', (sock) => listener.onConnection(sock, opts.allowedPeer));
      server.on('error', () => listener.close());
      return listener;
    }
    throw new Error(`no free passive data port${opts.range ? ` in ${opts.range.low}-${opts.range.high}` : ''}: ${lastError?.message}`);
  }

  private onConnection(sock: net.Socket, allowedPeer: string): void {
    sock.on('error', () => {});
    if (!sameAddress(sock.remoteAddress, allowedPeer)) {
      this.onForeign(plainAddress(sock.remoteAddress));
      sock.destroy();
      return;
    }
    if (this.accepted || this.closed) {
      sock.destroy();
      return;
    }
    sock.setNoDelay(true);
    this.accepted = sock;
    this.server.close();
    this.waiter?.resolve(sock);
  }

  /** The data connection, once the client made it (or at once if it already did). */
  next(timeoutMs: number, signal: AbortSignal): Promise<net.Socket> {
    if (this.accepted) return Promise.resolve(this.accepted);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the data connection')), timeoutMs);
      const abort = () => reject(new Error('aborted'));
      signal.addEventListener('abort', abort, { once: true });
      this.waiter = {
        resolve: (s) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', abort);
          resolve(s);
        },
        reject,
      };
    });
  }

  /** Closes the listener; an accepted but unused connection too, unless it was taken. */
  close(keepAccepted = false): void {
    this.closed = true;
    this.server.close();
    if (!keepAccepted) this.accepted?.destroy();
  }
}

function shuffledRange(low: number, high: number): number[] {
  const ports: number[] = [];
  for (let p = low; p <= high; p++) ports.push(p);
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ports[i], ports[j]] = [ports[j], ports[i]];
  }
  return ports;
}

export function connectActive(host: string, port: number, localAddress: string, timeoutMs: number, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port, localAddress, noDelay: true });
    sock.pause();
    const timer = setTimeout(() => fail(new Error('timed out connecting to the client')), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      sock.destroy();
      reject(e);
    };
    signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
    sock.once('error', fail);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.removeListener('error', fail);
      sock.on('error', () => {});
      resolve(sock);
    });
  });
}

/** TYPE A on RETR: bare LF → CRLF (existing CRLF kept). */
export function toNetworkAscii(): Transform {
  let lastWasCr = false;
  return new Transform({
    transform(chunk: Buffer, _e, cb: TransformCallback) {
      const out: number[] = [];
      for (const b of chunk) {
        if (b === 0x0a && !lastWasCr) out.push(0x0d);
        out.push(b);
        lastWasCr = b === 0x0d;
      }
      cb(null, Buffer.from(out));
    },
  });
}

/** TYPE A on STOR: CRLF → LF. */
export function fromNetworkAscii(): Transform {
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _e, cb: TransformCallback) {
      const out: number[] = [];
      for (const b of chunk) {
        if (heldCr) {
          if (b !== 0x0a) out.push(0x0d);
          heldCr = false;
        }
        if (b === 0x0d) heldCr = true;
        else out.push(b);
      }
      cb(null, Buffer.from(out));
    },
    flush(cb: TransformCallback) {
      cb(null, heldCr ? Buffer.from([0x0d]) : undefined);
    },
  });
}
