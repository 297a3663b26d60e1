// The plain value classes and prop types both adapters re-export, so a CDKTF or
// Pulumi program imports everything it needs from one subpath.
export {
  CertificateAuthority,
  ClientCertificate,
  KeyRingName,
  Password,
  CipherSuitePolicy,
  ClientAuthLevel,
  ClientAuthType,
  ControlProtection,
  DataProtection,
  Extension,
  SecureFtp,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
  TlsVersion,
  ZosVersion,
} from '../constructs';
export type { KeyRingProps, FtpUser, ZosSystemProps, AttlsProps, HostProps, ServerCertificateProps, ClientCertificateProps } from '../constructs';
