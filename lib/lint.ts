/**
 * Lint: the rule catalogue over hand-written FTP.DATA and AT-TLS policy files —
 * the same parsers and rules synth uses on its own rendered files.
 */
import { readFileSync } from 'node:fs';
import { type Finding, InputError } from './diagnostics';
import { parseFtpData } from './formats/ftp-data';
import { parsePolicy } from './formats/attls';
import type { ServerModel, SystemSettings, ZosRelease } from './model/config';
import { runRules } from './rules/engine';

export interface LintOptions {
  /** AT-TLS policy file (with TLSMECHANISM ATTLS). */
  readonly policy?: string;
  /** FTPD control port (start parameter PORT). @default 21 */
  readonly controlPort?: number;
  /** @default '2.5' */
  readonly release?: ZosRelease;
  readonly sysname?: string;
  readonly daemonJobName?: string;
  readonly now?: Date;
}

export interface LintResult {
  readonly model: ServerModel;
  readonly findings: readonly Finding[];
}

/** Lints texts already in memory (file names are used in findings). */
export function lintTexts(
  ftpData: { text: string | Buffer; file: string },
  policy: { text: string | Buffer; file: string } | undefined,
  opts: Omit<LintOptions, 'policy'> = {},
): LintResult {
  const parsed = parseFtpData(ftpData.text, ftpData.file);
  const parsedPolicy = policy ? parsePolicy(policy.text, policy.file) : undefined;
  const system: SystemSettings = {
    controlPort: opts.controlPort ?? 21,
    release: opts.release ?? '2.5',
    ...(opts.sysname ? { sysname: opts.sysname.toUpperCase() } : {}),
    ...(opts.daemonJobName ? { daemonJobName: opts.daemonJobName.toUpperCase() } : {}),
  };
  const model: ServerModel = {
    id: ftpData.file,
    ftpData: parsed.value,
    policy: parsedPolicy?.value,
    system,
    acknowledgements: [],
    now: opts.now ?? new Date(),
  };
  const parseFindings = [...parsed.findings, ...(parsedPolicy?.findings ?? [])];
  // A file that could not be read as text has no settings worth checking.
  const unusable = parseFindings.some((f) => /-FILE-(EBCDIC|BINARY|EMPTY)$/.test(f.ruleId) && f.severity === 'error');
  return { model, findings: unusable ? parseFindings : [...parseFindings, ...runRules(model)] };
}

/** Lints files on disk. Throws InputError when a file cannot be read at all. */
export function lintFiles(ftpDataFile: string, opts: LintOptions = {}): LintResult {
  const read = (file: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  return lintTexts(
    { text: read(ftpDataFile), file: ftpDataFile },
    opts.policy ? { text: read(opts.policy), file: opts.policy } : undefined,
    opts,
  );
}
