/** Operations: logs, xferlog, metrics, health. Nothing here touches FTP state; the engine calls in. */
export {
  createLogger,
  sessionLogger,
  newSessionId,
  scrubSecrets,
  REDACT_PATHS,
  tlsEstablished,
  clientCertificate,
  login,
  transfer,
  type Logger,
  type LogLevel,
  type LoggerOptions,
  type TlsEstablishedEvent,
  type ClientCertificateEvent,
  type LoginEvent,
  type TransferEvent,
} from './logger';
export { xferlogLine, createXferlog, ctime, type XferlogEntry, type XferlogAppender } from './xferlog';
export { Metrics, PROMETHEUS_CONTENT_TYPE, type Direction, type TransferResult } from './metrics';
export { startOpsEndpoint, type OpsEndpoint, type OpsEndpointOptions } from './endpoint';
export { healthCheck, type HealthCheckOptions } from './health';
export { healthCheckMain } from './healthcheck-main';
