/**
 * `node dist/server/ops/healthcheck-main.js [--host H] [--port P] [--implicit] [--timeout MS]`
 * Exit 0 when the FTP server greets with 220, 1 otherwise — the image's HEALTHCHECK command.
 */
import { healthCheck } from './health';

export async function healthCheckMain(argv: string[]): Promise<number> {
  const opts = { host: '127.0.0.1', port: 21, implicit: false, timeoutMs: 5000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--host') opts.host = value();
    else if (arg === '--port') opts.port = toInt(arg, value());
    else if (arg === '--timeout') opts.timeoutMs = toInt(arg, value());
    else if (arg === '--implicit') opts.implicit = true;
    else throw new Error(`unknown option ${arg} (use --host, --port, --implicit, --timeout)`);
  }
  return (await healthCheck(opts)) ? 0 : 1;
}

function toInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) throw new Error(`${name}: not a number: ${v}`);
  return n;
}

if (require.main === module) {
  healthCheckMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`healthcheck: ${err.message}`);
      process.exit(2);
    },
  );
}
