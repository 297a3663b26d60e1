/**
 * One side of an operator tool's input — a program, a synth output folder, or a
 * hand-written FTP.DATA (+ policy) — read into the parsed configuration, and the
 * effective settings the FTP server would run with. `zftps diff` compares these,
 * and the import round-trip test checks that an imported program keeps them.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../diagnostics';
import { parseFtpData } from '../formats/ftp-data';
import { parsePolicy } from '../formats/attls';
import { artifactPath, manifestServer, readManifest } from '../manifest';
import { policyView, PROTOCOL_NAMES } from '../model/attls-view';
import { lookupCipher } from '../model/cipher-suites';
import type { AttlsPolicy, FtpDataConfig } from '../model/config';
import type { ManifestServer } from '../model/manifest';
import type { ServerConfigFile } from '../model/server-config';
import { runProgram } from '../cli/run-program';

export interface ConfigSnapshot {
  /** How the side was named on the command line. */
  readonly source: string;
  readonly ftpData: FtpDataConfig;
  readonly policy?: AttlsPolicy;
  readonly controlPort: number;
  /** Daemon job name, when known (synth output), for matching the policy rule's Jobname. */
  readonly daemonJobName?: string;
  /** Present when the side is (or was synthesized into) a synth output folder. */
  readonly outdir?: string;
  readonly server?: ManifestServer;
}

export interface SnapshotOptions {
  /** With an FTP.DATA file: the AT-TLS policy. */
  readonly policy?: string;
  /** With an FTP.DATA file: the control port. @default 21 */
  readonly port?: number;
  /** Which server of a manifest with several. */
  readonly server?: string;
  /** Key store for programs (share one between two sides so unchanged certificates stay equal). */
  readonly keyStoreDir?: string;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads a program (synthesized to a temp folder), a synth output folder, or an FTP.DATA file. */
export function loadSnapshot(source: string, opts: SnapshotOptions = {}): ConfigSnapshot {
  if (!existsSync(source)) throw new InputError(`${source} not found`);
  if (statSync(source).isDirectory()) return fromOutdir(source, source, opts.server);
  if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(source)) {
    const out = join(mkdtempSync(join(tmpdir(), 'zftps-tool-')), 'out');
    const status = runProgram(source, { outdir: out, keyStoreDir: opts.keyStoreDir ?? join(out, '..', 'keys') });
    if (status !== 0 || !existsSync(join(out, 'manifest.json'))) throw new InputError(`program ${source} did not synthesize (exit status ${status})`);
    return fromOutdir(out, source, opts.server);
  }
  const ftpData = parseFtpData(readText(source, 'FTP.DATA'), source).value;
  const policy = opts.policy ? parsePolicy(readText(opts.policy, 'AT-TLS policy'), opts.policy).value : undefined;
  return { source, ftpData, policy, controlPort: opts.port ?? 21 };
}

function fromOutdir(outdir: string, source: string, serverId?: string): ConfigSnapshot {
  const server = manifestServer(readManifest(outdir), serverId);
  const ftpFile = artifactPath(outdir, server, 'ftpData');
  const ftpData = parseFtpData(readText(ftpFile, 'FTP.DATA'), ftpFile).value;
  const policyRecord = server.artifacts.find((a) => a.role === 'attlsPolicy');
  const policyFile = policyRecord && join(outdir, policyRecord.path);
  const policy = policyFile ? parsePolicy(readText(policyFile, 'AT-TLS policy'), policyFile).value : undefined;
  const config = JSON.parse(readText(artifactPath(outdir, server, 'serverConfig'), 'server config')) as ServerConfigFile;
  return {
    source,
    ftpData,
    policy,
    controlPort: config.system?.controlPort ?? config.listen.port,
    daemonJobName: config.system?.daemonJobName,
    outdir: resolve(outdir),
    server,
  };
}

/** One effective setting: a stable key, its value as text, and where it was coded (if it was). */
export interface EffectiveSetting {
  readonly key: string;
  readonly value: string;
  /** 'ftp.data' settings come from FTP.DATA; 'tls' from the policy (ATTLS) or FTP.DATA (native). */
  readonly group: 'ftp.data' | 'tls';
  readonly where?: string;
}

const onOff = (b: boolean) => (b ? 'On' : 'Off');

/**
 * The settings the FTP server runs with. Statements z/OS ignores under the chosen
 * mechanism (KEYRING/CIPHERSUITE/TLSTIMEOUT/SSLV3 with ATTLS) are left out, and so is
 * SECUREIMPLICITZOS without an implicit port: only what changes behaviour is compared.
 */
export function effectiveSettings(s: ConfigSnapshot): EffectiveSetting[] {
  const f = s.ftpData;
  const out: EffectiveSetting[] = [];
  const at = (loc?: { file: string; line: number }) => (loc ? `${loc.file}:${loc.line}` : undefined);
  const put = (group: EffectiveSetting['group'], key: string, value: string | number | boolean, where?: string) =>
    out.push({ key, value: String(value), group, ...(where ? { where } : {}) });
  const ftp = (key: string, setting: { value: unknown; location?: { file: string; line: number } }, text = String(setting.value)) =>
    put('ftp.data', key, text, at(setting.location));

  put('ftp.data', 'control port', s.controlPort);
  ftp('TLSMECHANISM', f.tlsMechanism);
  ftp('TLSRFCLEVEL', f.tlsRfcLevel);
  put('ftp.data', 'EXTENSIONS', [...new Set(f.extensions.map((e) => e.value))].sort().join(' ') || '(none)');
  ftp('SECURE_FTP', f.secureFtp);
  ftp('SECURE_LOGIN', f.secureLogin);
  ftp('VERIFYUSER', f.verifyUser, f.verifyUser.value ? 'TRUE' : 'FALSE');
  ftp('SECURE_PASSWORD', f.securePassword);
  ftp('SECURE_DATACONN', f.secureDataConn);
  ftp('SECURE_CTRLCONN', f.secureCtrlConn);
  ftp('SECURE_SESSION_REUSE', f.secureSessionReuse);
  ftp('SECURE_PBSZ', f.securePbsz);
  ftp('TLSPORT', f.tlsPort);
  if (f.tlsPort.value !== 0) ftp('SECUREIMPLICITZOS', f.secureImplicitZos, f.secureImplicitZos.value ? 'TRUE' : 'FALSE');
  ftp('INACTIVE', f.inactive);
  ftp('DATACTTIME', f.dataCtTime);
  const pdp = f.passiveDataPorts.value;
  ftp('PASSIVEDATAPORTS', f.passiveDataPorts, pdp ? `(${pdp.low},${pdp.high})` : '(any)');

  if (f.tlsMechanism.value === 'FTP') {
    const tlsKey = (key: string, value: string | number, where?: string) => put('tls', key, value, where);
    tlsKey('keyring', f.keyring.value ?? '(none)', at(f.keyring.location));
    tlsKey('certificate label', '(ring default)');
    tlsKey('handshake role', f.secureLogin.value === 'NO_CLIENT_AUTH' ? 'Server' : 'ServerWithClientAuth');
    const ciphers = f.cipherSuites.map((c) => lookupCipher(c.value)?.iana ?? c.value);
    tlsKey('ciphers', ciphers.length ? ciphers.join(', ') : '(System SSL default)', at(f.cipherSuites[0]?.location));
    tlsKey('protocol SSLv3', onOff(f.sslv3.value), at(f.sslv3.location));
    tlsKey('session timeout', f.tlsTimeout.value, at(f.tlsTimeout.location));
    return out;
  }
  if (!s.policy) {
    put('tls', 'policy', '(none)');
    return out;
  }
  const v = policyView(s.policy, s.controlPort, { jobName: s.daemonJobName });
  const tls = (key: string, setting: { value: unknown; location?: { file: string; line: number } }, text = String(setting.value)) =>
    put('tls', key, text, at(setting.location));
  put('tls', 'policy rule maps control port', v.rule ? 'yes' : 'no', at(v.rule?.rule.location));
  if (!v.rule) return out;
  put('tls', 'rule direction', v.rule.direction);
  tls('TTLSEnabled', v.ttlsEnabled, v.ttlsEnabled.value === undefined ? '(not coded)' : onOff(v.ttlsEnabled.value));
  tls('keyring', v.keyring, v.keyring.value ?? '(none)');
  tls('certificate label', v.certificateLabel, v.certificateLabel.value ?? '(ring default)');
  tls('handshake role', v.handshakeRole, v.handshakeRole.value ?? '(not coded)');
  if (v.handshakeRole.value === 'ServerWithClientAuth') tls('client auth type', v.clientAuthType);
  put('tls', 'ciphers', v.ciphers.explicit ? v.ciphers.suites.map((c) => c.suite.iana).join(', ') : '(System SSL default)', at(v.ciphers.parms?.location));
  for (const p of PROTOCOL_NAMES) tls(`protocol ${p}`, v.protocols[p], onOff(v.protocols[p].value));
  tls('session timeout', v.sessionTimeout);
  tls('handshake timeout', v.handshakeTimeout);
  tls('reset cipher timer', v.resetCipherTimer);
  tls('application controlled', v.applicationControlled, onOff(v.applicationControlled.value));
  tls('secondary map', v.secondaryMap, onOff(v.secondaryMap.value));
  tls('trace', v.trace);
  tls('ctrace clear text', v.ctraceClearText, onOff(v.ctraceClearText.value));
  if (f.tlsPort.value !== 0) {
    const implicit = policyView(s.policy, f.tlsPort.value, { jobName: s.daemonJobName });
    put('tls', 'policy rule maps TLSPORT', implicit.rule ? 'yes' : 'no', at(implicit.rule?.rule.location));
  }
  return out;
}

/** Settings as a key → value record (for comparisons). */
export function settingsRecord(settings: readonly EffectiveSetting[]): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, s.value]));
}
