/**
 * zftps — secure FTP (FTPS, RFC 4217) for z/OS as code. The framework-neutral
 * core: typed constructs, synth, lint, the rule catalogue and the file formats.
 * CDKTF and Pulumi adapters live at zftps/cdktf and zftps/pulumi; the FTPS server
 * at zftps/server.
 */
export * from './constructs';
export * from './diagnostics';
export type {
  Extension as ExtensionValue,
  FtpDataConfig,
  FtpDataStatement,
  Setting,
  AttlsPolicy,
  PolicyStatement,
  PolicyParam,
  ServerModel,
  SystemSettings,
  KeyRingModel,
  CertificateFacts,
  ClientCertificateFacts,
  ZosRelease,
  Acknowledgement,
} from './model/config';
export type * from './model/manifest';
export type * from './model/server-config';
export type * from './model/user-registry';
export { synthesize, SynthError, renderServer, findServers, type SynthResult, type SynthOptions } from './synth';
export { lintFiles, lintTexts, type LintOptions, type LintResult } from './lint';
export { parseFtpData, renderFtpData } from './formats/ftp-data';
export { parsePolicy, renderPolicy } from './formats/attls';
export { runRules } from './rules/engine';
export { ALL_RULES } from './rules';
export { readManifest, artifactPath } from './manifest';
