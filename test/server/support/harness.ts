/**
 * Starts a real server on loopback (ephemeral ports, temp home folders) and runs
 * real clients (curl, lftp, python3, openssl) with timeouts.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { startServer, plainVerifier, DEFAULT_LIMITS, type EffectiveSettings, type RunningServer, type TlsSettings } from '../../../lib/server';
import { jsonLogger } from '../../../lib/server/log';
import { testPki } from './pki';

export interface TestServer {
  server: RunningServer;
  port: number;
  implicitPort?: number;
  root: string;
  home: string;
  settings: EffectiveSettings;
  logs: string[];
  close(): Promise<void>;
}

export type SettingsPatch = Partial<Omit<EffectiveSettings, 'tls' | 'limits'>> & {
  tls?: Partial<TlsSettings>;
  limits?: Partial<EffectiveSettings['limits']>;
};

export function baseSettings(root: string, patch: SettingsPatch = {}): EffectiveSettings {
  const pki = testPki();
  const tlsSettings: TlsSettings = {
    key: pki.serverKey,
    cert: pki.serverCert,
    trustedCas: [pki.caCert],
    trustedSelfSigned: [],
    ciphers: tls.DEFAULT_CIPHERS,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    sessionTimeoutSeconds: 3600,
    handshakeTimeoutMs: 5000,
    clientCert: 'none',
    ...patch.tls,
  };
  const { tls: _t, limits, ...rest } = patch;
  return {
    id: 'test',
    host: '127.0.0.1',
    port: 0,
    extensions: ['AUTH_TLS', 'SIZE', 'MDTM', 'UTF8', 'REST_STREAM'],
    mechanism: 'FTP',
    rfcLevel: 'RFC4217',
    secureFtp: 'ALLOWED',
    secureLogin: 'NO_CLIENT_AUTH',
    securePassword: 'REQUIRED',
    secureDataConn: 'CLEAR',
    secureCtrlConn: 'CLEAR',
    sessionReuse: 'ALLOWED',
    secureImplicitZos: false,
    tls: tlsSettings,
    users: [
      { name: 'alice', home: join(root, 'alice'), canWrite: true, password: plainVerifier('secret'), defaultPassword: false },
      { name: 'bob', home: join(root, 'bob'), canWrite: false, password: plainVerifier('bobpw'), defaultPassword: false },
    ],
    certificateMappings: [],
    limits: { ...DEFAULT_LIMITS, failedLoginDelayMs: 20, inactiveSeconds: 30, dataTimeoutSeconds: 10, shutdownGraceSeconds: 5, ...limits },
    restOnProtectedSession: 'allow',
    reuseFailureReply: 425,
    logLevel: 'debug',
    ...rest,
  };
}

export async function startTestServer(patch: SettingsPatch = {}): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), 'zftps-srv-'));
  const home = join(root, 'alice');
  mkdirSync(home, { recursive: true });
  mkdirSync(join(root, 'bob'), { recursive: true });
  writeFileSync(join(home, 'hello.txt'), 'hello world\n');
  const settings = baseSettings(root, patch);
  const logs: string[] = [];
  const server = await startServer(settings, { logger: jsonLogger('debug', {}, (l) => logs.push(l)) });
  return {
    server,
    port: server.port,
    implicitPort: server.implicitPort,
    root,
    home,
    settings,
    logs,
    close: () => server.close(500),
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client program with a hard timeout. */
export function run(cmd: string, args: string[], opts: { timeoutMs?: number; input?: string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { timeout: opts.timeoutMs ?? 20000, cwd: opts.cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as NodeJS.ErrnoException & { code?: unknown }).code as number) ?? 1 : 0, stdout: String(stdout), stderr: String(stderr) });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/** Runs a Python 3 script (ftplib) with the given environment. */
export function python(script: string, env: Record<string, string> = {}, timeoutMs = 20000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', script], { env: { ...process.env, ...env }, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function tmp(prefix = 'zftps-t-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Python prelude: FTP_TLS trusting the test CA; ReuseFTP re-offers the control session on data connections. */
export const PY_PRELUDE = `
import ftplib, ssl, os, sys, io
ctx = ssl.create_default_context(cafile=os.environ['CA'])
if os.environ.get('TLSMAX') == '1.2':
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
if os.environ.get('CERT'):
    ctx.load_cert_chain(os.environ['CERT'], os.environ['KEY'])
class ReuseFTP(ftplib.FTP_TLS):
    def ntransfercmd(self, cmd, rest=None):
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        if self._prot_p:
            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
        return conn, size
PORT = int(os.environ['PORT'])
`;
