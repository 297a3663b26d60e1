/** `zftps verify`: argument handling and output; the probing is in verify.ts. */
import { InputError } from '../diagnostics';
import { renderVerifyReport, verifyExitCode, verifyServer } from './verify';

export interface VerifyCliOptions {
  readonly server?: string;
  readonly format: 'text' | 'json';
  readonly implicitPort?: number;
  readonly allowHost?: readonly string[];
  readonly user?: string;
  readonly passwordEnv?: string;
  readonly timeout?: number;
}

/** Runs verify and prints the report; returns the exit status (InputError → the caller's 2). */
export async function verifyCommand(target: string, outdir: string, o: VerifyCliOptions): Promise<number> {
  if (o.passwordEnv && !o.user) throw new InputError('--password-env needs --user');
  let password: string | undefined;
  if (o.passwordEnv) {
    password = process.env[o.passwordEnv];
    if (password === undefined) throw new InputError(`environment variable ${o.passwordEnv} (--password-env) is not set`);
  }
  if (o.timeout !== undefined && (!Number.isFinite(o.timeout) || o.timeout < 100 || o.timeout > 120_000)) {
    throw new InputError('--timeout must be 100-120000 milliseconds');
  }
  const report = await verifyServer({
    target,
    outdir,
    serverId: o.server,
    implicitPort: o.implicitPort,
    allowHosts: o.allowHost,
    user: o.user,
    password,
    timeoutMs: o.timeout,
  });
  process.stdout.write(renderVerifyReport(report, o.format));
  return verifyExitCode(report);
}
