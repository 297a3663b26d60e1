/**
 * zftps/server — the FTPS server that honours FTP.DATA and the AT-TLS policy.
 *
 *   const server = await startServer({ configFile: 'zftps.out/ftps1/zftps-server.json' });
 *   const server = await startServer(effectiveSettings);   // settings built in code
 */
import type { Logger } from './log';
import { loadServerConfig, type ConfigOverrides } from './load-config';
import { createLogger, newSessionId, sessionLogger, type Logger as PinoLogger, type LoggerOptions } from './ops/logger';
import { runEngine, type RunningServer } from './server';
import type { EffectiveSettings } from './settings';
import type { TransferRecord } from './session';

export type { RunningServer } from './server';
export type { EffectiveSettings, TlsSettings, UserAccount, Limits, ClientCertMode, Level3Profile } from './settings';
export { DEFAULT_LIMITS } from './settings';
export type { Logger } from './log';
export type { TransferRecord, SessionEvent } from './session';
export { loadServerConfig, loadZosConfig, type ConfigOverrides, type ZosConfigInput } from './load-config';
export { scryptVerifier, plainVerifier } from './auth';
export { healthCheck } from './ops/health';
export { Metrics } from './ops/metrics';

export interface StartOptions {
  /** Replaces the default logger (the ops module's pino logger, JSON lines on stderr). */
  readonly logger?: Logger;
  /** Where the default pino logger writes: a file path, a file descriptor or a stream. Default: stderr (stdout stays for the one "listening" line). */
  readonly logDestination?: LoggerOptions['destination'];
  readonly onTransfer?: (t: TransferRecord) => void;
}

export type StartInput = EffectiveSettings | { readonly configFile: string; readonly overrides?: ConfigOverrides };

export async function startServer(input: StartInput, opts: StartOptions = {}): Promise<RunningServer> {
  const fromFile = 'configFile' in input;
  const load = fromFile ? () => loadServerConfig(input.configFile, input.overrides) : undefined;
  const settings = load ? await load() : (input as EffectiveSettings);
  if (opts.logger) {
    const log = opts.logger.child({ server: settings.id });
    return runEngine(settings, {
      log,
      sessionLog: (remote) => log.child({ session: newSessionId(), remote }),
      reloadSettings: load,
      onTransfer: opts.onTransfer,
    });
  }
  // pino's level list includes 'silent'; the ops helper's type names only the levels an operator sets.
  const root: PinoLogger = createLogger({ level: settings.logLevel as 'info', destination: opts.logDestination ?? 2 }).child({ server: settings.id });
  return runEngine(settings, {
    log: root,
    sessionLog: (remote) => sessionLogger(root, newSessionId(), { remote }),
    reloadSettings: load,
    onTransfer: opts.onTransfer,
  });
}
