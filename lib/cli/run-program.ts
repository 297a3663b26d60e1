/**
 * Runs a user's synth program (TypeScript without a build step, or JavaScript)
 * in a child Node process with tsx, pointing `import ... from 'zftps'` at this
 * very copy of zftps so a program inside the zftps repo and one in a user's
 * project behave the same.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../diagnostics';

/** The package root of this zftps (lib/ or dist/ sits right under it). */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

function selfResolveHook(): string {
  const entry = resolve(__dirname, '..'); // lib/ (source, under tsx) or dist/ (installed)
  const code = `// zftps: resolve 'zftps' and 'zftps/<sub>' to the copy that runs this program.
const Module = require('module');
const path = require('path');
const original = Module._resolveFilename;
const base = ${JSON.stringify(entry)};
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'zftps') request = base;
  else if (request.startsWith('zftps/') && request !== 'zftps/package.json') request = path.join(base, request.slice(6));
  return original.call(this, request, parent, ...rest);
};
`;
  const file = join(tmpdir(), `zftps-resolve-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.cjs`);
  if (!existsSync(file)) writeFileSync(file, code);
  return file;
}

export interface RunProgramOptions {
  readonly outdir?: string;
  readonly keyStoreDir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the program; returns its exit status (its output goes straight to this terminal). */
export function runProgram(program: string, opts: RunProgramOptions = {}): number {
  const file = resolve(program);
  if (!existsSync(file)) throw new InputError(`program ${program} not found`);
  if (!/\.(ts|mts|cts|js|mjs|cjs)$/.test(file)) throw new InputError(`program ${program}: expected a .ts or .js file`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (opts.outdir) env.ZFTPS_OUTDIR = resolve(opts.outdir);
  if (opts.keyStoreDir) env.ZFTPS_KEYSTORE = resolve(opts.keyStoreDir);
  const tsx = require.resolve('tsx', { paths: [PACKAGE_ROOT] });
  const r = spawnSync(process.execPath, ['--require', selfResolveHook(), '--import', pathToImport(tsx), file], {
    stdio: 'inherit',
    env,
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function pathToImport(tsxMain: string): string {
  // --import wants a URL or a bare specifier; the package folder's file URL works for both layouts.
  return require('node:url').pathToFileURL(tsxMain).href;
}
