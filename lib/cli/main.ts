#!/usr/bin/env node
/**
 * The zftps command line: synth, lint, serve (and the operator tools).
 * Exit codes: 0 success / clean, 1 findings of error severity or a failed
 * synth, 2 unusable input (missing or unreadable files, bad arguments).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { InputError, isBlocking } from '../diagnostics';
import { lintFiles } from '../lint';
import { serveCommand } from './serve';
import type { ZosRelease } from '../model/config';
import { renderFindings, type OutputFormat } from './output';
import { runProgram } from './run-program';
import { registerToolCommands } from '../tools/commands';
import { verifyCommand } from '../tools/verify-cli';

const RELEASES: ZosRelease[] = ['2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2'];

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number 0-65535');
  return n;
}

export function buildCli(): Command {
  const program = new Command('zftps')
    .description('Secure FTP (FTPS, RFC 4217) for z/OS as code: synth, lint and serve FTP.DATA + AT-TLS configurations')
    .version(require('../../package.json').version)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('synth')
    .description('run a program that builds an FtpsApp and write its artifacts (TypeScript runs without a build step)')
    .argument('<program>', 'program file (.ts or .js) that calls app.synth()')
    .option('-o, --out <dir>', 'output folder (also ZFTPS_OUTDIR)', 'zftps.out')
    .option('--keystore <dir>', 'key store folder (also ZFTPS_KEYSTORE)')
    .action((file: string, o: { out: string; keystore?: string }) => {
      process.exitCode = runProgram(file, { outdir: o.out, keyStoreDir: o.keystore });
    });

  program
    .command('lint')
    .description('check a hand-written FTP.DATA (and AT-TLS policy) against every rule')
    .argument('<ftp-data>', 'FTP.DATA file')
    .option('-p, --policy <file>', 'AT-TLS policy file (Policy Agent TTLS configuration)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--port <n>', 'FTPD control port (start parameter PORT)', port, 21)
    .addOption(new Option('--release <release>', 'target z/OS release').choices(RELEASES).default('2.5'))
    .option('--sysname <name>', 'system name (for the level-3 profile)')
    .option('--daemon <jobname>', 'FTP daemon job name, e.g. FTPD1')
    .action(async (file: string, o: { policy?: string; format: OutputFormat; port: number; release: ZosRelease; sysname?: string; daemon?: string }) => {
      const result = lintFiles(file, { policy: o.policy, controlPort: o.port, release: o.release, sysname: o.sysname, daemonJobName: o.daemon });
      process.stdout.write(renderFindings(result.findings, o.format));
      const unusable = result.findings.some((f) => /-FILE-(EBCDIC|BINARY|EMPTY)$/.test(f.ruleId) && f.severity === 'error');
      process.exitCode = unusable ? 2 : result.findings.some(isBlocking) ? 1 : 0;
    });

  program
    .command('serve')
    .description('serve a synthesized configuration (or a hand-written FTP.DATA) with the zftps FTPS server')
    .argument('[outdir]', 'synth output folder (found through manifest.json)')
    .option('--server <id>', 'which server of the manifest')
    .option('--host <host>', 'listen address (overrides the server config)')
    .option('--port <n>', 'control port (overrides the server config)', port)
    .option('--implicit-port <n>', 'implicit TLS port (overrides the server config; 0 = none)', port)
    .option('--root <dir>', 'storage root (overrides the server config)')
    .option('--ftp-data <file>', 'a hand-written FTP.DATA instead of a synth output')
    .option('--policy <file>', 'with --ftp-data: the AT-TLS policy')
    .option('--keys <dir>', 'with --ftp-data: folder with server.key.pem, server.chain.pem, optional server-trust-cas.pem / server-trust-self-signed.pem')
    .option('--users <file>', 'with --ftp-data: the user registry (users.json)')
    .action(async (outdir: string | undefined, o: Record<string, string | number | undefined>) => {
      await serveCommand(outdir, o);
    });

  registerToolCommands(program);

  program
    .command('verify')
    .description('probe a running FTPS server (zftps or z/OS) with real TLS and FTP and report what matches the synthesized configuration')
    .argument('<host:port>', 'explicit-TLS control port of the server (loopback unless --allow-host names the host)')
    .argument('<outdir>', 'synth output folder (found through manifest.json)')
    .option('--server <id>', 'which server of the manifest')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--implicit-port <n>', 'where the implicit TLS listener is (default: the configured TLSPORT)', port)
    .option('--allow-host <host>', 'allow probing this non-loopback host (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--user <name>', 'user for the session-reuse check (logs in and lists the login directory only)')
    .option('--password-env <var>', 'environment variable holding that user\'s password (a password is never taken on the command line)')
    .option('--timeout <ms>', 'deadline of every connect and read', (v: string) => Number(v), 5000)
    .addHelpText('after', '\nExit status: 0 every check passed, 1 a check failed, 2 unusable input or unreachable server.\nIt never changes a file on the server (no STOR, DELE, MKD, RNFR...).')
    .action(async (target: string, outdir: string, o: { server?: string; format: 'text' | 'json'; implicitPort?: number; allowHost: string[]; user?: string; passwordEnv?: string; timeout: number }) => {
      process.exitCode = await verifyCommand(target, outdir, o);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err: unknown) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    if (e.code?.startsWith('commander.')) return 2;
    if (err instanceof InputError) {
      console.error(`zftps: ${err.message}`);
      return 2;
    }
    console.error(`zftps: ${e.message ?? String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
