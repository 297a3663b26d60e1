/**
 * zftps/server — the FTPS server that honours FTP.DATA and the AT-TLS policy.
 *
 *   const server = await startServer({ configFile: 'zftps.out/ftps1/zftps-server.json' });
 *   const server = await startServer(effectiveSettings);   // settings built in code
 */
import { jsonLogger, type Logger } from './log';
import { loadServerConfig, type ConfigOverrides } from './load-config';
import { runEngine, type RunningServer } from './server';
import type { EffectiveSettings } from './settings';
import type { TransferRecord } from './session';

export type { RunningServer } from './server';
export type { EffectiveSettings, TlsSettings, UserAccount, Limits, ClientCertMode, Level3Profile } from './settings';
export { DEFAULT_LIMITS } from './settings';
export type { Logger } from './log';
export type { TransferRecord } from './session';
export { loadServerConfig, loadZosConfig, type ConfigOverrides } from './load-config';
export { scryptVerifier, plainVerifier } from './auth';

export interface StartOptions {
  /** Replaces the default JSON-to-stderr logger (e.g. the ops module's pino logger). */
  readonly logger?: Logger;
  readonly onTransfer?: (t: TransferRecord) => void;
}

export type StartInput = EffectiveSettings | { readonly configFile: string; readonly overrides?: ConfigOverrides };

export async function startServer(input: StartInput, opts: StartOptions = {}): Promise<RunningServer> {
  const fromFile = 'configFile' in input;
  const load = fromFile ? () => loadServerConfig(input.configFile, input.overrides) : undefined;
  const settings = load ? await load() : (input as EffectiveSettings);
  const log = opts.logger ?? jsonLogger(settings.logLevel);
  return runEngine(settings, { log: log.child({ server: settings.id }), reloadSettings: load, onTransfer: opts.onTransfer });
}
