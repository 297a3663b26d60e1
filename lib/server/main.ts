/**
 * Runnable entry: `node main.js --config zftps-server.json [--host H --port P --root DIR]`
 * (or `--ftp-data FILE [--policy FILE] --keys DIR [--users FILE] --root DIR --port P`).
 * Prints one line when listening. SIGHUP reloads (certificates and keys included) for
 * new sessions without dropping live ones; SIGTERM/SIGINT shut down gracefully, letting
 * transfers finish within limits.shutdownGraceSeconds.
 */
import { parseArgs } from 'node:util';
import { startServer } from './index';
import { loadZosConfig } from './load-config';
import type { RunningServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'ftp-data': { type: 'string' },
      policy: { type: 'string' },
      keys: { type: 'string' },
      users: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'implicit-port': { type: 'string' },
      root: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const logLevel = values['log-level'] as 'debug' | 'info' | 'warn' | 'error' | undefined;
  let server: RunningServer;
  if (values.config) {
    server = await startServer({
      configFile: values.config,
      overrides: { host: values.host, port: num(values.port), root: values.root, implicitPort: num(values['implicit-port']), logLevel },
    });
  } else if (values['ftp-data'] && values.keys && values.root) {
    const settings = await loadZosConfig({
      ftpData: values['ftp-data'],
      policy: values.policy,
      keys: values.keys,
      users: values.users,
      root: values.root,
      host: values.host,
      port: num(values.port) ?? 21,
      implicitPort: num(values['implicit-port']) ?? null,
    });
    server = await startServer(logLevel ? { ...settings, logLevel } : settings);
  } else {
    throw new Error('usage: main --config zftps-server.json [--host H --port P --root DIR]\n   or: main --ftp-data FILE [--policy FILE] --keys DIR [--users FILE] --root DIR --port P');
  }
  const implicit = server.implicitPort !== undefined ? ` implicit TLS port ${server.implicitPort}` : '';
  process.stdout.write(`zftps listening on ${server.address}:${server.port}${implicit}\n`);
  process.on('SIGHUP', () => {
    server.reload().catch((e: Error) => process.stderr.write(`reload failed, keeping the old configuration: ${e.message}\n`));
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`zftps server: ${e.message}\n`);
  process.exit(1);
});
