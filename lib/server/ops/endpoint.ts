/**
 * The operations endpoint: liveness, readiness and metrics over plain HTTP, bound to
 * loopback unless the operator says otherwise (it carries no secrets, but it is not for
 * the internet either).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Metrics, PROMETHEUS_CONTENT_TYPE } from './metrics';

export interface OpsEndpointOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port (see the returned `port`). */
  port: number;
  metrics: Metrics;
  /** Ready to accept FTP sessions (listeners bound, configuration loaded, not shutting down)? */
  ready: () => boolean;
}

export interface OpsEndpoint {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startOpsEndpoint(opts: OpsEndpointOptions): Promise<OpsEndpoint> {
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
    switch (path) {
      case '/livez':
        return send(200, 'text/plain', 'ok\n');
      case '/readyz': {
        let ready = false;
        try {
          ready = opts.ready();
        } catch {
          ready = false; // a failing readiness probe means not ready, never a 500
        }
        return ready ? send(200, 'text/plain', 'ready\n') : send(503, 'text/plain', 'not ready\n');
      }
      case '/metrics':
        return send(200, PROMETHEUS_CONTENT_TYPE, opts.metrics.render());
      default:
        return send(404, 'text/plain', 'not found\n');
    }
  });
  server.requestTimeout = 5000;
  server.headersTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
