/**
 * The engine's logging seam: a minimal structured logger interface. The default
 * writes pino-compatible JSON lines to stderr; `startServer({ logger })` swaps in
 * any other (e.g. the ops module's pino logger). Callers never pass secrets: the
 * session redacts PASS arguments before anything reaches a logger.
 */
export interface Logger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  child(bindings: object): Logger;
}

const LEVELS = { debug: 20, info: 30, warn: 40, error: 50, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export function jsonLogger(level: LogLevel, bindings: object = {}, out: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = LEVELS[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>) => (obj: object, msg: string) => {
    if (LEVELS[lvl] < min) return;
    out(JSON.stringify({ level: LEVELS[lvl], time: Date.now(), ...bindings, ...obj, msg }) + '\n');
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (more) => jsonLogger(level, { ...bindings, ...more }, out),
  };
}
