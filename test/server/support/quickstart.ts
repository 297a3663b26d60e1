/**
 * Real synth output for server tests: examples/quickstart through the zftps CLI
 * (once per test process), and the server run as a child process the way an
 * operator runs it, with helpers for a protected data connection that resumes the
 * control session (the quickstart says SECURE_SESSION_REUSE REQUIRED).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { RawFtp } from './raw';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Quickstart {
  /** The synth output folder (manifest.json). */
  out: string;
  /** The server's folder: zftps-server.json, FTP.DATA, keys/, image/. */
  dir: string;
  config: string;
}

let cached: Quickstart | undefined;

export function synthQuickstart(): Quickstart {
  if (cached) return cached;
  const work = mkdtempSync(join(tmpdir(), 'zftps-qs-'));
  const out = join(work, 'out');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'synth', 'examples/quickstart/main.ts', '--out', out, '--keystore', join(work, 'keystore')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  const dir = join(out, 'quickstart');
  cached = { out, dir, config: join(dir, 'zftps-server.json') };
  return cached;
}

export const DEMO_PASSWORD = 'not-the-default-pw';

export interface Child {
  proc: ChildProcess;
  port: number;
  opsPort?: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `cmd args` and waits for its "listening" line (the one line a server prints on stdout). */
export function startChild(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<Child> {
  const proc = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ZFTPS_DEMO_PASSWORD: DEMO_PASSWORD, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`no listening line in time; stdout: ${out} stderr: ${err}`));
    }, opts.timeoutMs ?? 60_000);
    const check = () => {
      const m = /listening on \S+?:(\d+)(?:.*ops port (\d+))?/.exec(out) ?? /on ftp:\/\/\S+?:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ proc, port: Number(m[1]), opsPort: m[2] ? Number(m[2]) : undefined, stdout: () => out, stderr: () => err, exited });
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening; stdout: ${out} stderr: ${err}`));
    });
  });
}

/** Waits until `cond()` holds (polling), or fails with `what`. */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** EPSV on an authenticated control connection, then a TLS data connection resuming its session. */
export async function openProtectedData(c: RawFtp, command: string, ca: string): Promise<{ data: tls.TLSSocket; reply150: number }> {
  const epsv = await c.cmd('EPSV');
  const port = Number(/\|\|\|(\d+)\|/.exec(epsv.text)![1]);
  const control = c.sock as tls.TLSSocket;
  c.write(`${command}\r\n`);
  const raw = net.connect({ host: '127.0.0.1', port });
  await new Promise((r) => raw.once('connect', r));
  const data = tls.connect({ socket: raw, ca, servername: 'localhost', session: control.getSession() });
  data.on('error', () => {});
  await new Promise<void>((res, rej) => {
    data.once('secureConnect', () => res());
    data.once('error', rej);
  });
  const r = await c.read();
  return { data, reply150: r.code };
}

export function readAll(s: net.Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.once('end', () => resolve(Buffer.concat(chunks)));
    s.once('error', reject);
  });
}
