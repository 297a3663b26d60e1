/**
 * The container health check: is the FTP control port answering like an FTP server?
 * Connect (and for implicit FTPS do the TLS handshake), expect a 220 greeting, send QUIT.
 * One deadline bounds the whole exchange; any failure is simply `false`.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';

export interface HealthCheckOptions {
  /** @default '127.0.0.1' */
  host?: string;
  port: number;
  /** @default 5000 */
  timeoutMs?: number;
  /** Implicit FTPS: TLS from the first byte. The certificate is not verified unless `ca` is given — liveness only. */
  implicit?: boolean;
  /** PEM CA(s) to verify the implicit-TLS certificate against. */
  ca?: string | Buffer;
  /** SNI / name to verify, for implicit TLS with `ca`. */
  servername?: string;
}

export function healthCheck(opts: HealthCheckOptions): Promise<boolean> {
  const host = opts.host ?? '127.0.0.1';
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise<boolean>((resolve) => {
    let socket: net.Socket;
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);

    if (opts.implicit) {
      socket = tls.connect({
        host,
        port: opts.port,
        ca: opts.ca,
        servername: opts.servername ?? (net.isIP(host) ? undefined : host),
        rejectUnauthorized: opts.ca !== undefined,
      });
    } else {
      socket = net.connect({ host, port: opts.port });
    }
    socket.setNoDelay(true);
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));

    let buffered = '';
    let greeted = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > 16384) return finish(false); // not an FTP greeting
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).replace(/\r$/, '');
        buffered = buffered.slice(nl + 1);
        const final = /^(\d{3}) /.exec(line) ?? /^(\d{3})$/.exec(line);
        if (!final) continue; // a continuation line of a multi-line reply
        const code = Number(final[1]);
        if (!greeted) {
          if (code !== 220) return finish(false);
          greeted = true;
          socket.write('QUIT\r\n');
        } else {
          return finish(true); // any reply to QUIT (221) — the server is alive and speaking FTP
        }
      }
    });
  });
}
