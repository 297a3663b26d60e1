/**
 * The listeners: the explicit-TLS control port and the implicit-TLS port
 * (TLSPORT), session limits (overall, per address, lockout), graceful close and
 * reload. Each connection becomes a ControlSession with a snapshot of the settings.
 *
 * Operations live here too: every session event becomes a structured log line
 * (lib/server/ops event names) and a metric, every transfer an xferlog line, and
 * the optional ops endpoint reports readiness (503 from the moment close() begins).
 */
import * as net from 'node:net';
import { LoginGuard } from './auth';
import { plainAddress } from './data';
import type { Logger } from './log';
// The ops modules one by one: the ops index also holds the health-check CLI entry, which must not
// end up in the server bundle (its `require.main === module` is true for every bundled module).
import { startOpsEndpoint, type OpsEndpoint } from './ops/endpoint';
import { clientCertificate, login, tlsEstablished, transfer, type Logger as PinoLogger } from './ops/logger';
import { Metrics } from './ops/metrics';
import { createXferlog, type XferlogAppender } from './ops/xferlog';
import { ControlSession, type SessionEvent, type SessionHost, type TransferRecord } from './session';
import type { EffectiveSettings, UserAccount } from './settings';
import { checkTlsSettings } from './tls-binding';
import { createUserFileSystem, type UserFileSystem } from './storage';

export interface RunningServer {
  readonly address: string;
  readonly port: number;
  readonly implicitPort?: number;
  /** Stops listening; idle sessions get 421, transfers may finish within graceMs, then everything closes. */
  close(graceMs?: number): Promise<void>;
  /** Re-reads the configuration (certificates and keys included) for new sessions; live sessions keep theirs. */
  reload(): Promise<void>;
  /** Number of open control connections. */
  readonly sessionCount: number;
  /** The counters behind /metrics. */
  readonly metrics: Metrics;
  /** Port of the ops endpoint (/livez, /readyz, /metrics) when settings.ops is set. */
  readonly opsPort?: number;
}

export interface EngineOptions {
  readonly log: Logger;
  /** The logger of one control connection; every line carries its session id. Default: log.child({ remote }). */
  readonly sessionLog?: (remote: string) => Logger;
  /** Builds fresh settings for reload(); absent = reload re-checks the same settings. */
  readonly reloadSettings?: () => Promise<EffectiveSettings>;
  readonly onTransfer?: (t: TransferRecord) => void;
  /** Called after a reload (e.g. to reopen a log file for rotation). */
  readonly onReload?: () => void;
}

function isLoopback(host: string): boolean {
  const h = plainAddress(host);
  return h === 'localhost' || h === '::1' || h.startsWith('127.');
}

/** Throws when settings cannot be served (bad TLS material, demo password off loopback). */
export function checkSettings(s: EffectiveSettings): void {
  if (s.tls) checkTlsSettings(s.tls);
  const demo = s.users.filter((u) => u.defaultPassword).map((u) => u.name);
  if (demo.length && !isLoopback(s.host)) {
    throw new Error(
      `user(s) ${demo.join(', ')} still have the documented default password; set their password environment variable, or listen on loopback only (host is ${s.host})`,
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Session events → the ops module's log events and metrics. */
function report(log: Logger, metrics: Metrics, e: SessionEvent): void {
  // The ops event helpers only call info/warn, which every engine Logger has.
  const ops = log as unknown as PinoLogger;
  switch (e.kind) {
    case 'tls':
      return tlsEstablished(ops, { channel: e.channel, version: e.version, cipher: e.cipher, reused: e.reused });
    case 'tls-failed':
      metrics.handshakeFailed(e.channel);
      return log.info({ event: 'tls.handshake_failed', channel: e.channel, reason: e.reason }, 'TLS handshake failed');
    case 'client-certificate':
      return clientCertificate(ops, { subject: e.subject, issuer: e.issuer, fingerprint: e.fingerprint, verified: e.verified });
    case 'reuse-refused':
      metrics.reuseRefused(e.reason);
      return log.info({ event: 'tls.reuse_refused', reason: e.reason }, 'data connection refused: TLS session not resumed');
    case 'login':
      return login(ops, { user: e.user, method: e.method });
    case 'login-failed':
      metrics.loginFailed(e.reason);
      return login(ops, { user: e.user, method: 'password', success: false, reason: e.reason });
  }
}

export async function runEngine(initial: EffectiveSettings, opts: EngineOptions): Promise<RunningServer> {
  checkSettings(initial);
  let settings = initial;
  const log = opts.log;
  const sessions = new Set<ControlSession>();
  const perAddress = new Map<string, number>();
  let guard = new LoginGuard(settings.limits.maxLoginFailures, settings.limits.lockoutSeconds * 1000);
  let closing = false;
  let onDrained: (() => void) | undefined;
  const metrics = new Metrics();
  const xferlog: XferlogAppender | undefined = settings.xferlog ? createXferlog(settings.xferlog) : undefined;
  const sessionLog = opts.sessionLog ?? ((remote: string) => log.child({ remote }));

  /** One host per session, so its log lines, events and transfers carry the session id. */
  const hostFor = (slog: Logger): SessionHost => ({
    log: slog,
    get guard() {
      return guard;
    },
    openFileSystem: (user: UserAccount): Promise<UserFileSystem> => createUserFileSystem({ root: user.home, canWrite: user.canWrite }),
    sessionClosed(session) {
      if (!sessions.delete(session)) return;
      metrics.sessionClosed();
      if (sessions.size === 0) onDrained?.();
      const n = (perAddress.get(session.peer) ?? 1) - 1;
      if (n <= 0) perAddress.delete(session.peer);
      else perAddress.set(session.peer, n);
    },
    transferDone(t) {
      metrics.bytes(t.direction, t.bytes);
      metrics.transfer(t.direction, t.ok ? 'ok' : 'failed');
      transfer(slog as unknown as PinoLogger, { direction: t.direction, path: t.path, bytes: t.bytes, ms: t.ms, result: t.ok ? 'ok' : 'failed', command: t.direction === 'in' ? 'STOR' : 'RETR' });
      xferlog?.append({ time: new Date(), durationMs: t.ms, remoteHost: t.peer, bytes: t.bytes, path: t.path, type: t.type, direction: t.direction, user: t.user, complete: t.ok });
      opts.onTransfer?.(t);
    },
    event: (e) => report(slog, metrics, e),
  });

  const accept = (implicit: boolean) => (sock: net.Socket) => {
    sock.setNoDelay(true);
    sock.on('error', () => {});
    const s = settings;
    const peer = plainAddress(sock.remoteAddress);
    const refuse = (text: string) => {
      log.info({ peer, reason: text }, 'connection refused');
      // On the implicit port a client expects TLS first; a clear 421 is still the most honest answer.
      sock.end(`421 ${text}\r\n`);
      setTimeout(() => sock.destroy(), 1000).unref();
    };
    if (closing) return refuse('Server shutting down.');
    if (sessions.size >= s.limits.maxSessions) return refuse('Too many connections; try again later.');
    if ((perAddress.get(peer) ?? 0) >= s.limits.maxSessionsPerAddress) return refuse('Too many connections from your address.');
    if (guard.isLocked(peer)) return refuse('Too many failed logins from your address; try again later.');
    const session = new ControlSession(sock, s, hostFor(sessionLog(peer)), implicit);
    sessions.add(session);
    metrics.sessionOpened();
    perAddress.set(peer, (perAddress.get(peer) ?? 0) + 1);
    session.start();
  };

  const listen = (port: number, implicit: boolean) =>
    new Promise<net.Server>((resolve, reject) => {
      const srv = net.createServer({ noDelay: true }, accept(implicit));
      srv.once('error', reject);
      srv.listen({ host: settings.host, port }, () => {
        srv.removeListener('error', reject);
        srv.on('error', (e) => log.error({ err: e.message }, 'listener error'));
        resolve(srv);
      });
    });

  const explicit = await listen(settings.port, false);
  let implicitSrv: net.Server | undefined;
  if (settings.implicitPort !== undefined && settings.tls) {
    try {
      implicitSrv = await listen(settings.implicitPort, true);
    } catch (e) {
      explicit.close();
      throw e;
    }
  }
  let ops: OpsEndpoint | undefined;
  if (settings.ops) {
    try {
      ops = await startOpsEndpoint({ host: settings.ops.host, port: settings.ops.port, metrics, ready: () => !closing });
    } catch (e) {
      explicit.close();
      implicitSrv?.close();
      throw new Error(`ops endpoint ${settings.ops.host ?? '127.0.0.1'}:${settings.ops.port}: ${(e as Error).message}`);
    }
  }
  const addr = explicit.address() as net.AddressInfo;
  log.info({ host: addr.address, port: addr.port, implicitPort: (implicitSrv?.address() as net.AddressInfo | undefined)?.port, opsPort: ops?.port }, 'listening');

  return {
    address: addr.address,
    port: addr.port,
    implicitPort: implicitSrv ? (implicitSrv.address() as net.AddressInfo).port : undefined,
    opsPort: ops?.port,
    metrics,
    get sessionCount() {
      return sessions.size;
    },
    async close(graceMs = settings.limits.shutdownGraceSeconds * 1000) {
      if (closing) return;
      closing = true; // /readyz is 503 from here on; new connections get 421 while transfers finish
      const busy: Promise<void>[] = [];
      for (const s of [...sessions]) {
        if (s.transferring) busy.push(s.transferDone.then(() => s.shutdown()));
        else s.shutdown();
      }
      await Promise.race([Promise.all(busy), delay(graceMs)]);
      explicit.close();
      implicitSrv?.close();
      for (const s of [...sessions]) if (s.transferring) s.destroy(); // past the grace time
      // The others were sent 421 and are ending (close_notify, FIN): let those bytes leave first.
      const drained = new Promise<void>((r) => (onDrained = r));
      if (sessions.size > 0) await Promise.race([drained, delay(2000)]);
      for (const s of [...sessions]) s.destroy();
      await ops?.close();
      await xferlog?.close();
      log.info({ event: 'server.closed' }, 'server closed');
    },
    async reload() {
      try {
        const next = opts.reloadSettings ? await opts.reloadSettings() : settings;
        checkSettings(next);
        if (next.limits.maxLoginFailures !== settings.limits.maxLoginFailures || next.limits.lockoutSeconds !== settings.limits.lockoutSeconds) {
          guard = new LoginGuard(next.limits.maxLoginFailures, next.limits.lockoutSeconds * 1000);
        }
        settings = next;
      } catch (e) {
        log.error({ event: 'config.reload_failed', err: (e as Error).message }, 'reload failed; keeping the running configuration');
        throw e;
      }
      await xferlog?.reopen();
      opts.onReload?.();
      log.info({ event: 'config.reloaded' }, 'configuration reloaded; new sessions use it');
    },
  };
}
