/**
 * The operator tools on the command line: zftps import | migrate | diff | graph.
 * Registered by lib/cli/main.ts; each command's action is a thin shell over the
 * library functions in lib/tools, which tests call directly.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError, isBlocking } from '../diagnostics';
import { manifestServer, readManifest } from '../manifest';
import type { ZosRelease } from '../model/config';
import { runProgram } from '../cli/run-program';
import { diffSnapshots, renderDiffJson, renderDiffText } from './diff';
import { importConfiguration } from './import';
import { migrateToAttls } from './migrate';
import { loadSnapshot } from './snapshot';
import { renderMermaid, renderSvg, trustGraphFromArtifacts } from './trust-graph';

const RELEASES: ZosRelease[] = ['2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2'];

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port number 1-65535');
  return n;
}

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function registerToolCommands(program: Command): void {
  program
    .command('import')
    .description('write a typed main.ts that synthesizes the same effective configuration as a hand-written FTP.DATA (+ AT-TLS policy)')
    .argument('<ftp-data>', 'FTP.DATA file')
    .option('-p, --policy <file>', 'AT-TLS policy file (with TLSMECHANISM ATTLS)')
    .option('-o, --out <file>', 'program file to write', 'main.ts')
    .option('--port <n>', 'FTPD control port (default: the policy rule\'s port, else 21)', port)
    .addOption(new Option('--release <release>', 'target z/OS release').choices(RELEASES).default('2.5'))
    .option('--id <id>', 'construct id of the server (names the synth output folder)', 'ftpd')
    .action((file: string, o: { policy?: string; out: string; port?: number; release: ZosRelease; id: string }) => {
      const result = importConfiguration({
        ftpData: { text: read(file, 'FTP.DATA'), file },
        policy: o.policy ? { text: read(o.policy, 'AT-TLS policy'), file: o.policy } : undefined,
        port: o.port,
        release: o.release,
        serverId: o.id,
      });
      mkdirSync(dirname(resolve(o.out)), { recursive: true });
      writeFileSync(o.out, result.source);
      const carried = result.originalFindings.filter((f) => !f.acknowledged).length;
      console.log(`wrote ${o.out}: ${carried} finding${carried === 1 ? '' : 's'} carried over as comments, ${result.acknowledged.length} acknowledged, ` +
        `${result.dropped.length} dropped setting${result.dropped.length === 1 ? '' : 's'}, ${result.changes.length} behaviour change${result.changes.length === 1 ? '' : 's'}`);
      for (const c of result.changes) console.log(`  changed: ${c.key}: ${c.reason}`);
      for (const d of result.dropped) console.log(`  dropped: ${d}`);
      console.log(`next: zftps synth ${o.out}`);
    });

  program
    .command('migrate')
    .description('migrate a native-TLS FTP.DATA (TLSMECHANISM FTP) to AT-TLS: new FTP.DATA, policy, Policy Agent and TCP/IP snippets, and a report of what changes')
    .argument('<ftp-data>', 'FTP.DATA file with TLSMECHANISM FTP')
    .addOption(new Option('--to <target>', 'target mechanism').choices(['attls']).makeOptionMandatory())
    .option('-o, --out <dir>', 'output folder', 'zftps.migrated')
    .option('--port <n>', 'FTPD control port (start parameter PORT)', port, 21)
    .option('--daemon <jobname>', 'FTP daemon job name for the rule\'s Jobname condition, e.g. FTPD1')
    .option('--policy-path <path>', 'where the policy will live on z/OS (TTLSConfig)')
    .addOption(new Option('--release <release>', 'target z/OS release').choices(RELEASES).default('2.5'))
    .action((file: string, o: { out: string; port: number; daemon?: string; policyPath?: string; release: ZosRelease }) => {
      const r = migrateToAttls({ ftpData: { text: read(file, 'FTP.DATA'), file }, port: o.port, daemonJobName: o.daemon, policyPath: o.policyPath, release: o.release });
      mkdirSync(o.out, { recursive: true });
      const files: [string, string][] = [
        ['FTP.DATA', r.ftpData], ['attls-policy.conf', r.policy], ['pagent-image.conf', r.policyAgentConfig],
        ['tcpip-profile.txt', r.tcpipProfile], ['MIGRATION.md', r.report],
      ];
      for (const [name, content] of files) writeFileSync(join(o.out, name), content);
      process.stdout.write(r.report);
      console.log(`wrote ${files.map(([n]) => join(o.out, n)).join(', ')}`);
      const blocking = r.notes.some((n) => n.kind === 'error') || r.findings.some(isBlocking);
      process.exitCode = blocking ? 1 : 0;
    });

  program
    .command('diff')
    .description('compare two configurations (program, synth output folder, or FTP.DATA) and say what each change means for clients')
    .argument('<old>', 'program (.ts/.js), synth output folder, or FTP.DATA file')
    .argument('<new>', 'program (.ts/.js), synth output folder, or FTP.DATA file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--old-policy <file>', 'AT-TLS policy of an old FTP.DATA')
    .option('--new-policy <file>', 'AT-TLS policy of a new FTP.DATA')
    .option('--port <n>', 'control port of FTP.DATA sides', port, 21)
    .option('--server <id>', 'which server of a manifest with several')
    .option('--keystore <dir>', 'key store shared by program sides (default: a temp folder, so unchanged certificates compare equal)')
    .action((a: string, b: string, o: { format: 'text' | 'json'; oldPolicy?: string; newPolicy?: string; port: number; server?: string; keystore?: string }) => {
      const keyStoreDir = o.keystore ?? join(mkdtempSync(join(tmpdir(), 'zftps-diff-')), 'keys');
      const oldSide = loadSnapshot(a, { policy: o.oldPolicy, port: o.port, server: o.server, keyStoreDir });
      const newSide = loadSnapshot(b, { policy: o.newPolicy, port: o.port, server: o.server, keyStoreDir });
      const d = diffSnapshots(oldSide, newSide);
      process.stdout.write(o.format === 'json' ? renderDiffJson(d) : renderDiffText(d));
    });

  program
    .command('graph')
    .description('draw the trust relationships (CAs, certificates, ring, mapped users, level-3 profile) of a program or synth output')
    .argument('<source>', 'program (.ts/.js) or synth output folder')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'svg']).default('mermaid'))
    .option('--server <id>', 'which server of a manifest with several')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((source: string, o: { format: 'mermaid' | 'svg'; server?: string; out?: string }) => {
      let outdir = source;
      if (!existsSync(source)) throw new InputError(`${source} not found`);
      if (!statSync(source).isDirectory()) {
        const tmp = mkdtempSync(join(tmpdir(), 'zftps-graph-'));
        outdir = join(tmp, 'out');
        const status = runProgram(source, { outdir, keyStoreDir: join(tmp, 'keys') });
        if (status !== 0) throw new InputError(`program ${source} did not synthesize (exit status ${status})`);
      }
      const server = manifestServer(readManifest(outdir), o.server);
      const graph = trustGraphFromArtifacts(resolve(outdir), server);
      const text = o.format === 'svg' ? renderSvg(graph) : renderMermaid(graph);
      if (o.out) {
        mkdirSync(dirname(resolve(o.out)), { recursive: true });
        writeFileSync(o.out, text);
      }
      else process.stdout.write(text);
    });
}
