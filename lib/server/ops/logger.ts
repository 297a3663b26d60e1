/**
 * Structured JSON logs (pino). Secrets never reach a log line: known secret keys are
 * redacted by path, and every logged string is scrubbed of PASS/ACCT arguments and PEM
 * private keys — so even a careless `log.debug({ line })` of a raw command is safe.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { randomBytes } from 'node:crypto';

export type { Logger } from 'pino';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** A file path (appended, created with its folder), a file descriptor, or a stream; default stdout. */
  destination?: string | number | DestinationStream;
}

const SECRET_KEYS = ['password', 'pass', 'passwd', 'passphrase', 'secret', 'privateKey', 'key', 'pfx', 'authorization', 'token'];
const CENSOR = '[redacted]';

/** pino redact paths: the secret keys at the top level and one or two levels down. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

// "PASS x", "ACCT x" anywhere in a string (a raw command line, a reply echo), and PEM private keys.
const COMMAND_SECRET = /\b(PASS|ACCT)([ \t]+)[^\r\n]*/gi;
const SECRET_VERBS = /^(PASS|ACCT)$/i;
const ARGUMENT_KEYS = new Set(['arg', 'args', 'argument', 'arguments', 'param', 'params', 'parameter']);
const PEM_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g;

/** A string with secrets masked; used on every logged string. Also handy for echoing commands. */
export function scrubSecrets(text: string): string {
  return text.replace(COMMAND_SECRET, (_m, verb: string, gap: string) => `${verb}${gap}${CENSOR}`).replace(PEM_KEY, `-----${CENSOR} PRIVATE KEY-----`);
}

function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = Object.assign(new Error(scrubSecrets(value.message)), { code: (value as NodeJS.ErrnoException).code });
    copy.name = value.name;
    copy.stack = scrubSecrets(value.stack ?? '');
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth - 1));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  // { command: 'PASS', arg: 'secret' }: a command logged as parts hides its argument fields.
  const secretCommand = Object.values(value).some((v) => typeof v === 'string' && SECRET_VERBS.test(v));
  for (const [k, v] of Object.entries(value)) {
    out[k] = secretCommand && ARGUMENT_KEYS.has(k) && v !== undefined ? CENSOR : scrubDeep(v, depth - 1);
  }
  return out;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const dest = opts.destination;
  const stream: DestinationStream =
    dest === undefined
      ? pino.destination(1)
      : typeof dest === 'string'
        ? // synchronous: a few lines per session, and none lost when the process dies
          pino.destination({ dest, mkdir: true, append: true, sync: true })
        : typeof dest === 'number'
          ? pino.destination(dest)
          : dest;
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'zftps' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => scrubDeep(obj, 4) as Record<string, unknown>,
      },
      hooks: {
        // The message string and any printf-style arguments.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/** A short random session id (the same id goes into every line of the session and into xferlog). */
export function newSessionId(): string {
  return randomBytes(6).toString('hex');
}

/** The logger for one FTP session: every line carries `session` (and whatever else is bound, e.g. `remote`). */
export function sessionLogger(root: Logger, session: string, bindings: Record<string, unknown> = {}): Logger {
  // pino does not pass child bindings through formatters.log, so they are scrubbed here.
  return root.child(scrubDeep({ session, ...bindings }, 4) as Record<string, unknown>);
}

// ---- events: what z/OS reports in its messages and SMF records, as structured lines ----

export interface TlsEstablishedEvent {
  version: string;
  cipher: string;
  reused: boolean;
  /** @default 'control' */
  channel?: 'control' | 'data';
}

export function tlsEstablished(log: Logger, e: TlsEstablishedEvent): void {
  log.info({ event: 'tls.established', channel: e.channel ?? 'control', version: e.version, cipher: e.cipher, reused: e.reused }, 'TLS established');
}

export interface ClientCertificateEvent {
  subject: string;
  issuer: string;
  /** SHA-256 fingerprint, hex with colons as Node reports it. */
  fingerprint: string;
  /** Did verification against the trust list succeed? */
  verified?: boolean;
}

export function clientCertificate(log: Logger, e: ClientCertificateEvent): void {
  log.info({ event: 'tls.client_certificate', subject: e.subject, issuer: e.issuer, fingerprint: e.fingerprint, verified: e.verified }, 'client certificate');
}

export interface LoginEvent {
  user: string;
  /** How the user was authenticated, e.g. 'password', 'certificate', 'certificate+password'. */
  method: string;
  /** @default true */
  success?: boolean;
  reason?: string;
}

export function login(log: Logger, e: LoginEvent): void {
  const success = e.success ?? true;
  const fields = { event: success ? 'login' : 'login.failed', user: e.user, method: e.method, reason: e.reason };
  if (success) log.info(fields, 'login');
  else log.warn(fields, 'login failed');
}

export interface TransferEvent {
  direction: 'in' | 'out';
  path: string;
  bytes: number;
  ms: number;
  result: 'ok' | 'aborted' | 'failed';
  /** The FTP command, e.g. 'STOR', 'RETR', 'APPE'. */
  command?: string;
}

export function transfer(log: Logger, e: TransferEvent): void {
  const fields = { event: 'transfer', direction: e.direction, path: e.path, bytes: e.bytes, ms: e.ms, result: e.result, command: e.command };
  if (e.result === 'ok') log.info(fields, 'transfer');
  else log.warn(fields, 'transfer');
}
