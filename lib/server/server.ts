/**
 * The listeners: the explicit-TLS control port and the implicit-TLS port
 * (TLSPORT), session limits (overall, per address, lockout), graceful close and
 * reload. Each connection becomes a ControlSession with a snapshot of the settings.
 */
import * as net from 'node:net';
import { LoginGuard } from './auth';
import { plainAddress } from './data';
import type { Logger } from './log';
import { ControlSession, type SessionHost, type TransferRecord } from './session';
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
}

export interface EngineOptions {
  readonly log: Logger;
  /** Builds fresh settings for reload(); absent = reload re-checks the same settings. */
  readonly reloadSettings?: () => Promise<EffectiveSettings>;
  readonly onTransfer?: (t: TransferRecord) => void;
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

export async function runEngine(initial: EffectiveSettings, opts: EngineOptions): Promise<RunningServer> {
  checkSettings(initial);
  let settings = initial;
  const log = opts.log;
  const sessions = new Set<ControlSession>();
  const perAddress = new Map<string, number>();
  let guard = new LoginGuard(settings.limits.maxLoginFailures, settings.limits.lockoutSeconds * 1000);
  let closing = false;

  const host: SessionHost = {
    log,
    get guard() {
      return guard;
    },
    openFileSystem: (user: UserAccount): Promise<UserFileSystem> => createUserFileSystem({ root: user.home, canWrite: user.canWrite }),
    sessionClosed(session) {
      if (!sessions.delete(session)) return;
      const n = (perAddress.get(session.peer) ?? 1) - 1;
      if (n <= 0) perAddress.delete(session.peer);
      else perAddress.set(session.peer, n);
    },
    transferDone: opts.onTransfer,
  };

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
    const session = new ControlSession(sock, s, host, implicit);
    sessions.add(session);
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
  const addr = explicit.address() as net.AddressInfo;
  log.info({ host: addr.address, port: addr.port, implicitPort: (implicitSrv?.address() as net.AddressInfo | undefined)?.port }, 'listening');

  return {
    address: addr.address,
    port: addr.port,
    implicitPort: implicitSrv ? (implicitSrv.address() as net.AddressInfo).port : undefined,
    get sessionCount() {
      return sessions.size;
    },
    async close(graceMs = settings.limits.shutdownGraceSeconds * 1000) {
      closing = true;
      explicit.close();
      implicitSrv?.close();
      const busy: Promise<void>[] = [];
      for (const s of [...sessions]) {
        if (s.transferring) busy.push(s.transferDone.then(() => s.shutdown()));
        else s.shutdown();
      }
      await Promise.race([Promise.all(busy), new Promise((r) => setTimeout(r, graceMs).unref())]);
      for (const s of [...sessions]) s.destroy();
      log.info({}, 'server closed');
    },
    async reload() {
      if (!opts.reloadSettings) {
        checkSettings(settings);
        return;
      }
      const next = await opts.reloadSettings();
      checkSettings(next);
      if (next.limits.maxLoginFailures !== settings.limits.maxLoginFailures || next.limits.lockoutSeconds !== settings.limits.lockoutSeconds) {
        guard = new LoginGuard(next.limits.maxLoginFailures, next.limits.lockoutSeconds * 1000);
      }
      settings = next;
      log.info({}, 'configuration reloaded; new sessions use it');
    },
  };
}
