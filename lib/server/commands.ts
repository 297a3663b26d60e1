/**
 * The command table: every verb the server knows, checked before dispatch —
 * whether it needs a login, its argument rule, whether it may run before a
 * security environment exists (SECURE_FTP REQUIRED), during a transfer, and which
 * EXTENSIONS value (if any) enables it. HELP text comes from here too.
 */
import type { Extension } from '../model/config';

export type ArgRule = 'none' | 'optional' | 'required';

export interface CommandSpec {
  readonly login: boolean;
  readonly arg: ArgRule;
  readonly help: string;
  /** Allowed before AUTH when SECURE_FTP REQUIRED (USER itself gets 530, the rest 534). */
  readonly beforeSecurity?: boolean;
  /** Handled while a transfer runs (everything else waits for the transfer to end). */
  readonly duringTransfer?: boolean;
  /** EXTENSIONS value that enables it; otherwise 502. 'TLS' = AUTH_TLS with TLS configured. */
  readonly needs?: Extension | 'TLS';
}

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  USER: { login: false, arg: 'required', help: 'USER <name>' },
  PASS: { login: false, arg: 'optional', help: 'PASS <password>' },
  ACCT: { login: false, arg: 'required', help: 'ACCT <account>' },
  CWD: { login: true, arg: 'required', help: 'CWD <directory>' },
  XCWD: { login: true, arg: 'required', help: 'XCWD <directory>' },
  CDUP: { login: true, arg: 'none', help: 'CDUP' },
  XCUP: { login: true, arg: 'none', help: 'XCUP' },
  PWD: { login: true, arg: 'none', help: 'PWD' },
  XPWD: { login: true, arg: 'none', help: 'XPWD' },
  TYPE: { login: false, arg: 'required', help: 'TYPE A | I | L 8', beforeSecurity: false },
  MODE: { login: false, arg: 'required', help: 'MODE S' },
  STRU: { login: false, arg: 'required', help: 'STRU F' },
  PASV: { login: true, arg: 'none', help: 'PASV' },
  EPSV: { login: true, arg: 'optional', help: 'EPSV [1 | 2 | ALL]' },
  PORT: { login: true, arg: 'required', help: 'PORT h1,h2,h3,h4,p1,p2' },
  EPRT: { login: true, arg: 'required', help: 'EPRT |proto|address|port|' },
  LIST: { login: true, arg: 'optional', help: 'LIST [path]' },
  NLST: { login: true, arg: 'optional', help: 'NLST [path]' },
  MLSD: { login: true, arg: 'optional', help: 'MLSD [directory]' },
  MLST: { login: true, arg: 'optional', help: 'MLST [path]' },
  RETR: { login: true, arg: 'required', help: 'RETR <file>' },
  STOR: { login: true, arg: 'required', help: 'STOR <file>' },
  STOU: { login: true, arg: 'optional', help: 'STOU [file]' },
  APPE: { login: true, arg: 'required', help: 'APPE <file>' },
  DELE: { login: true, arg: 'required', help: 'DELE <file>' },
  RMD: { login: true, arg: 'required', help: 'RMD <directory>' },
  XRMD: { login: true, arg: 'required', help: 'XRMD <directory>' },
  MKD: { login: true, arg: 'required', help: 'MKD <directory>' },
  XMKD: { login: true, arg: 'required', help: 'XMKD <directory>' },
  RNFR: { login: true, arg: 'required', help: 'RNFR <old name>' },
  RNTO: { login: true, arg: 'required', help: 'RNTO <new name>' },
  REST: { login: true, arg: 'required', help: 'REST <byte offset>', needs: 'REST_STREAM' },
  ABOR: { login: false, arg: 'none', help: 'ABOR', duringTransfer: true, beforeSecurity: true },
  STAT: { login: false, arg: 'optional', help: 'STAT [path]', duringTransfer: true, beforeSecurity: true },
  SYST: { login: false, arg: 'none', help: 'SYST', beforeSecurity: true },
  HELP: { login: false, arg: 'optional', help: 'HELP [command]', beforeSecurity: true },
  NOOP: { login: false, arg: 'none', help: 'NOOP', duringTransfer: true, beforeSecurity: true },
  QUIT: { login: false, arg: 'none', help: 'QUIT', duringTransfer: true, beforeSecurity: true },
  REIN: { login: false, arg: 'none', help: 'REIN' },
  ALLO: { login: true, arg: 'optional', help: 'ALLO <size>' },
  FEAT: { login: false, arg: 'none', help: 'FEAT', beforeSecurity: true },
  OPTS: { login: false, arg: 'required', help: 'OPTS UTF8 ON | OPTS MLST facts', beforeSecurity: true },
  SIZE: { login: true, arg: 'required', help: 'SIZE <file>', needs: 'SIZE' },
  MDTM: { login: true, arg: 'required', help: 'MDTM <file>', needs: 'MDTM' },
  AUTH: { login: false, arg: 'required', help: 'AUTH TLS', needs: 'TLS', beforeSecurity: true },
  PBSZ: { login: false, arg: 'required', help: 'PBSZ 0', needs: 'TLS' },
  PROT: { login: false, arg: 'required', help: 'PROT C | P', needs: 'TLS' },
  CCC: { login: false, arg: 'none', help: 'CCC', needs: 'TLS' },
};

/** Recognized but never implemented here (RFC 959 SMNT, RFC 2228 Kerberos-only commands). */
export const UNSUPPORTED_COMMANDS = new Set(['SMNT', 'ADAT', 'MIC', 'CONF', 'ENC', 'SITE', 'LANG']);

/** Commands that take a path argument (for logging, and ABOR/REST bookkeeping). */
export const TRANSFER_COMMANDS = new Set(['RETR', 'STOR', 'STOU', 'APPE', 'LIST', 'NLST', 'MLSD']);
