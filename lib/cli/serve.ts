/**
 * zftps serve: find the server config through manifest.json (or take a
 * hand-written FTP.DATA) and run the FTPS server in this process until SIGTERM.
 */
import { resolve } from 'node:path';
import { InputError } from '../diagnostics';
import { artifactPath, manifestServer, readManifest } from '../manifest';
import { loadZosConfig, startServer, type StartInput } from '../server';

export interface ServeOptions {
  server?: string;
  host?: string;
  port?: number;
  implicitPort?: number;
  root?: string;
  ftpData?: string;
  policy?: string;
  keys?: string;
  users?: string;
}

export async function serveCommand(outdir: string | undefined, o: ServeOptions): Promise<void> {
  const overrides = {
    ...(o.host !== undefined ? { host: o.host } : {}),
    ...(o.port !== undefined ? { port: o.port } : {}),
    ...(o.implicitPort !== undefined ? { implicitPort: o.implicitPort === 0 ? null : o.implicitPort } : {}),
    ...(o.root !== undefined ? { root: resolve(o.root) } : {}),
  };
  let source: StartInput;
  let id: string;
  if (o.ftpData) {
    if (outdir) throw new InputError('give either a synth output folder or --ftp-data, not both');
    if (!o.keys) throw new InputError('--ftp-data needs --keys DIR (server.key.pem, server.chain.pem, optional server-trust-cas.pem, users.json)');
    id = o.ftpData;
    source = await loadZosConfig({
      ftpData: resolve(o.ftpData),
      policy: o.policy ? resolve(o.policy) : undefined,
      keys: resolve(o.keys),
      users: o.users ? resolve(o.users) : undefined,
      root: resolve(o.root ?? 'data'),
      host: o.host,
      port: o.port ?? 21,
      implicitPort: o.implicitPort === undefined ? null : o.implicitPort === 0 ? null : o.implicitPort,
    });
  } else {
    if (!outdir) throw new InputError('give a synth output folder (e.g. zftps.out) or --ftp-data FILE --keys DIR');
    const dir = resolve(outdir);
    const server = manifestServer(readManifest(dir), o.server);
    id = server.id;
    source = { configFile: artifactPath(dir, server, 'serverConfig'), overrides };
  }
  const running = await startServer(source);
  const implicit = running.implicitPort ? `, implicit TLS on ${running.implicitPort}` : '';
  await new Promise<void>((done) => {
    const stop = () => {
      running.close().finally(done);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    process.on('SIGHUP', () => {
      running.reload().catch((e: Error) => console.error(`zftps: reload failed, keeping the old certificates: ${e.message}`));
    });
    // After the handlers: whoever reads this line may signal at once (SIGHUP's default is to exit).
    console.log(`zftps: serving ${id} on ftp://${hostForUrl(running.address)}:${running.port} (explicit TLS${implicit}); Ctrl-C stops`);
  });
}

function hostForUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
