/**
 * Runnable entry (and the image's bundle, zftps-server.js):
 *
 *   main --config zftps-server.json [--host H --port P --implicit-port P --root DIR --keys-dir DIR --ops-port P]
 *   main --ftp-data FILE [--policy FILE] --keys DIR [--users FILE] --root DIR --port P
 *   main --health-check --config zftps-server.json [--host H --port P]    exit 0 healthy, 1 not
 *
 * Prints one line when listening. SIGHUP reloads (certificates, keys and users
 * included) for new sessions without dropping live ones; SIGTERM/SIGINT shut down
 * gracefully, letting transfers finish within limits.shutdownGraceSeconds, then exit 0.
 * ZFTPS_KEYS_DIR (like --keys-dir) takes every key ring file from that folder by name —
 * the image mounts its keys there.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { healthCheck, startServer } from './index';
import { loadZosConfig } from './load-config';
import type { ServerConfigFile } from '../model/server-config';
import type { RunningServer } from './server';

const USAGE = `usage: main --config zftps-server.json [--host H --port P --implicit-port P --root DIR --keys-dir DIR --ops-port P --log-level L]
   or: main --ftp-data FILE [--policy FILE] --keys DIR [--users FILE] --root DIR --port P
   or: main --health-check --config zftps-server.json [--host H --port P]`;

const OPTIONS = {
  config: { type: 'string' },
  'ftp-data': { type: 'string' },
  policy: { type: 'string' },
  keys: { type: 'string' },
  'keys-dir': { type: 'string' },
  users: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'implicit-port': { type: 'string' },
  'ops-port': { type: 'string' },
  root: { type: 'string' },
  'log-level': { type: 'string' },
  'health-check': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function port(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name}: not a port number: ${v}`);
  return n;
}

/** The health check probes the control port on loopback when the server listens on every address. */
async function runHealthCheck(values: Values): Promise<number> {
  let cfgHost: string | undefined;
  let cfgPort: number | undefined;
  if (values.config) {
    const cfg = JSON.parse(readFileSync(values.config, 'utf8')) as ServerConfigFile;
    cfgHost = cfg.listen.host;
    cfgPort = cfg.listen.port;
  }
  const host = values.host ?? cfgHost ?? '127.0.0.1';
  const p = port('port', values.port) ?? cfgPort;
  if (p === undefined) throw new Error('--health-check needs --config or --port');
  const target = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return (await healthCheck({ host: target, port: p })) ? 0 : 1;
}

async function serve(values: Values): Promise<RunningServer> {
  const logLevel = values['log-level'] as 'debug' | 'info' | 'warn' | 'error' | undefined;
  if (values.config) {
    const opsPort = port('ops-port', values['ops-port']);
    return startServer({
      configFile: values.config,
      overrides: {
        host: values.host,
        port: port('port', values.port),
        root: values.root,
        implicitPort: port('implicit-port', values['implicit-port']),
        logLevel,
        keysDir: values['keys-dir'] ?? (process.env.ZFTPS_KEYS_DIR || undefined),
        ops: opsPort === undefined ? undefined : { host: '127.0.0.1', port: opsPort },
      },
    });
  }
  if (values['ftp-data'] && values.keys && values.root) {
    const settings = await loadZosConfig({
      ftpData: values['ftp-data'],
      policy: values.policy,
      keys: values.keys,
      users: values.users,
      root: values.root,
      host: values.host,
      port: port('port', values.port) ?? 21,
      implicitPort: port('implicit-port', values['implicit-port']) ?? null,
    });
    return startServer(logLevel ? { ...settings, logLevel } : settings);
  }
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (values['health-check']) {
    process.exitCode = await runHealthCheck(values);
    return;
  }
  const server = await serve(values);
  process.on('SIGHUP', () => {
    // The engine logs config.reloaded / config.reload_failed; a bad reload keeps the old configuration.
    server.reload().catch(() => {});
  });
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Only now: whoever reads this line may signal at once, and SIGHUP's default action is to exit.
  const implicit = server.implicitPort !== undefined ? ` implicit TLS port ${server.implicitPort}` : '';
  const ops = server.opsPort !== undefined ? ` ops port ${server.opsPort}` : '';
  process.stdout.write(`zftps listening on ${server.address}:${server.port}${implicit}${ops}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`zftps server: ${e.message}\n`);
  process.exit(e.message === USAGE ? 2 : 1);
});
