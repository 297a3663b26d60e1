/**
 * Runs the real server entry point (lib/server/main.ts) as a child process on
 * loopback, from files written the way synth writes them (FTP.DATA, users.json,
 * zftps-server.json, PEM keys), so faults can be judged from outside: the child's
 * open descriptors (/proc/<pid>/fd), its RSS (/proc/<pid>/status), its exit code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testPki } from '../../server/support/pki';

const REPO = resolve(__dirname, '../../..');

export interface ChildServer {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly root: string;
  readonly home: string;
  /** Everything the child wrote to stderr (JSON log lines). */
  stderr(): string;
  /** Resolves with the exit code (or signal name) when the child ends. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after graceMs if it is still there. */
  stop(graceMs?: number): Promise<number | string>;
}

export interface ChildOptions {
  /** Extra FTP.DATA statements (one per line). */
  ftpData?: string[];
  /** RLIMIT_FSIZE for the child, in 1 KiB blocks (`ulimit -f`): a real EFBIG on larger writes. */
  fileSizeLimitKiB?: number;
  shutdownGraceSeconds?: number;
}

export async function startChildServer(opts: ChildOptions = {}): Promise<ChildServer> {
  const pki = testPki();
  const dir = mkdtempSync(join(tmpdir(), 'zftps-child-'));
  const root = join(dir, 'homes');
  const home = join(root, 'alice');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(dir, 'server.key.pem'), pki.serverKey);
  writeFileSync(join(dir, 'server.chain.pem'), pki.serverCert);
  writeFileSync(
    join(dir, 'FTP.DATA'),
    [
      'EXTENSIONS AUTH_TLS',
      'EXTENSIONS REST_STREAM',
      'EXTENSIONS SIZE',
      'TLSMECHANISM FTP',
      'TLSRFCLEVEL RFC4217',
      'KEYRING ring',
      'SECURE_FTP REQUIRED',
      'SECURE_DATACONN PRIVATE',
      'SECURE_SESSION_REUSE REQUIRED',
      'INACTIVE 60',
      'DATACTTIME 5',
      ...(opts.ftpData ?? []),
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'users.json'), JSON.stringify({ version: 1, users: [{ name: 'alice', home: 'alice', passwordEnv: 'ZFTPS_ALICE_PW' }], certificateMappings: [] }));
  writeFileSync(
    join(dir, 'zftps-server.json'),
    JSON.stringify({
      version: 1,
      id: 'faults',
      ftpData: 'FTP.DATA',
      userRegistry: 'users.json',
      keyRings: { ring: { key: 'server.key.pem', certificate: 'server.chain.pem', label: 'default' } },
      listen: { host: '127.0.0.1', port: 0, implicitPort: null },
      system: { controlPort: 21 },
      root: 'homes',
      limits: {
        maxSessions: 1000,
        maxSessionsPerAddress: 500,
        maxLoginFailures: 1000,
        lockoutSeconds: 1,
        failedLoginDelayMs: 10,
        handshakeTimeoutSeconds: 3,
        maxCommandLength: 4096,
        shutdownGraceSeconds: opts.shutdownGraceSeconds ?? 10,
      },
      restOnProtectedSession: 'allow',
      reuseFailureReply: 425,
      logging: { level: 'info' },
    }),
  );
  const tsx = join(REPO, 'node_modules/tsx/dist/loader.mjs');
  const nodeArgs = ['--import', tsx, join(REPO, 'lib/server/main.ts'), '--config', join(dir, 'zftps-server.json')];
  const env = { ...process.env, ZFTPS_ALICE_PW: 'secret' };
  // `ulimit -f` through a shell: the limit is the kernel's, so the server meets a real EFBIG.
  const child =
    opts.fileSizeLimitKiB !== undefined
      ? spawn('sh', ['-c', `ulimit -f ${opts.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, ...nodeArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, nodeArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | string>((res) => child.once('exit', (code, sig) => res(code ?? sig ?? -1)));
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`server did not start in 20 s: ${err}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on [^\s]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    void exited.then((c) => rej(new Error(`server exited (${c}) before listening: ${err}`)));
  });
  return {
    child,
    pid: child.pid!,
    port,
    root,
    home,
    stderr: () => err,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

/** Open descriptors of a process (Linux /proc). */
export function fdCount(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Established TCP connections whose local port is `port` (the server's control sessions), from /proc/net/tcp{,6}. */
export function establishedOn(port: number): number {
  let n = 0;
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const localPort = parseInt(cols[1].split(':').pop()!, 16);
      if (localPort === port && cols[3] === '01') n++;
    }
  }
  return n;
}

/** Polls until check() is true or timeoutMs passes; returns the last value of read(). */
export async function settle<T>(read: () => T, check: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = read();
  while (!check(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = read();
  }
  return v;
}
