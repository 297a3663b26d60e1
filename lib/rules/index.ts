/**
 * The rule catalogue, in documentation order: FTP.DATA, AT-TLS policy, certificates,
 * RACF, then zftps-server fidelity. Add a rule by adding its file and one line here;
 * never reuse or renumber an id.
 */
import type { Rule } from './types';
import { rule as ftpdCccCtrlconn } from './ftpd-ccc-ctrlconn';
import { rule as ftpdCccnonotifyAttls } from './ftpd-cccnonotify-attls';
import { rule as ftpdCipherDefaultHasNull } from './ftpd-cipher-default-has-null';
import { rule as ftpdCipherDup } from './ftpd-cipher-dup';
import { rule as ftpdCipherExportReg } from './ftpd-cipher-export-reg';
import { rule as ftpdCipherName } from './ftpd-cipher-name';
import { rule as ftpdCipherNull } from './ftpd-cipher-null';
import { rule as ftpdCipherWeak } from './ftpd-cipher-weak';
import { rule as ftpdCtrlconnValue } from './ftpd-ctrlconn-value';
import { rule as ftpdDataconnNeverTls } from './ftpd-dataconn-never-tls';
import { rule as ftpdDataconnPrivateAllowed } from './ftpd-dataconn-private-allowed';
import { rule as ftpdDataconnSafeTls } from './ftpd-dataconn-safe-tls';
import { rule as ftpdDataconnValue } from './ftpd-dataconn-value';
import { rule as ftpdDupSingle } from './ftpd-dup-single';
import { rule as ftpdKeyringFormat } from './ftpd-keyring-format';
import { rule as ftpdKeyringVirtual } from './ftpd-keyring-virtual';
import { rule as ftpdLevel3Profile } from './ftpd-level3-profile';
import { rule as ftpdPbszKerberos } from './ftpd-pbsz-kerberos';
import { rule as ftpdPbszRange } from './ftpd-pbsz-range';
import { rule as ftpdReuseAttlsTimeout } from './ftpd-reuse-attls-timeout';
import { rule as ftpdReuseNoneServer } from './ftpd-reuse-none-server';
import { rule as ftpdReuseRequired } from './ftpd-reuse-required';
import { rule as ftpdRfclevelDraftDefault } from './ftpd-rfclevel-draft-default';
import { rule as ftpdRfclevelValue } from './ftpd-rfclevel-value';
import { rule as ftpdSecpwOptionalNeedsClientauth } from './ftpd-secpw-optional-needs-clientauth';
import { rule as ftpdSecpwOptionalTlsOnly } from './ftpd-secpw-optional-tls-only';
import { rule as ftpdSecureFtpNoMech } from './ftpd-secure-ftp-no-mech';
import { rule as ftpdSecureLoginNeedsExt } from './ftpd-secure-login-needs-ext';
import { rule as ftpdSslv3 } from './ftpd-sslv3';
import { rule as ftpdStatementValue } from './ftpd-statement-value';
import { rule as ftpdTlsNeedsAuthTls } from './ftpd-tls-needs-auth-tls';
import { rule as ftpdTlsmechAttlsIgnored } from './ftpd-tlsmech-attls-ignored';
import { rule as ftpdTlsmechAttlsNeedsPolicy } from './ftpd-tlsmech-attls-needs-policy';
import { rule as ftpdTlsmechFtpDeprecated } from './ftpd-tlsmech-ftp-deprecated';
import { rule as ftpdTlsmechFtpKeyring } from './ftpd-tlsmech-ftp-keyring';
import { rule as ftpdTlsportImplicit } from './ftpd-tlsport-implicit';
import { rule as ftpdTlsportNotAuthTls } from './ftpd-tlsport-not-auth-tls';
import { rule as ftpdTlsportSecureimplicit } from './ftpd-tlsport-secureimplicit';
import { rule as ftpdTlstimeoutRange } from './ftpd-tlstimeout-range';
import { rule as ftpdVerifyUserNeedsCertmap } from './ftpd-verify-user-needs-certmap';
import { rule as attlsApplicationControlled } from './attls-application-controlled';
import { rule as attlsCipherDefault } from './attls-cipher-default';
import { rule as attlsCipherFormat } from './attls-cipher-format';
import { rule as attlsCipherNonRsa } from './attls-cipher-non-rsa';
import { rule as attlsCipherNull } from './attls-cipher-null';
import { rule as attlsCipherRelease } from './attls-cipher-release';
import { rule as attlsCipherWeak } from './attls-cipher-weak';
import { rule as attlsClientauthRole } from './attls-clientauth-role';
import { rule as attlsClientauthUnneeded } from './attls-clientauth-unneeded';
import { rule as attlsClientauthtypeOptional } from './attls-clientauthtype-optional';
import { rule as attlsClientauthtypeSafcheck } from './attls-clientauthtype-safcheck';
import { rule as attlsDataRulePreempts } from './attls-data-rule-preempts';
import { rule as attlsDirection } from './attls-direction';
import { rule as attlsDirectionBoth } from './attls-direction-both';
import { rule as attlsEnvKeyring } from './attls-env-keyring';
import { rule as attlsEnvRequired } from './attls-env-required';
import { rule as attlsGroupEnabled } from './attls-group-enabled';
import { rule as attlsHandshakeRole } from './attls-handshake-role';
import { rule as attlsJobname } from './attls-jobname';
import { rule as attlsKeyringFormat } from './attls-keyring-format';
import { rule as attlsLocalport } from './attls-localport';
import { rule as attlsLocalportTlsport } from './attls-localport-tlsport';
import { rule as attlsNameLength } from './attls-name-length';
import { rule as attlsPriorityRange } from './attls-priority-range';
import { rule as attlsProtocols } from './attls-protocols';
import { rule as attlsRefResolve } from './attls-ref-resolve';
import { rule as attlsRuleCondition } from './attls-rule-condition';
import { rule as attlsSecondaryMap } from './attls-secondary-map';
import { rule as attlsSuitebIgnoresCiphers } from './attls-suiteb-ignores-ciphers';
import { rule as attlsTlsv13Release } from './attls-tlsv13-release';
import { rule as certCaTrusted } from './cert-ca-trusted';
import { rule as certClientCaInServer } from './cert-client-ca-in-server';
import { rule as certKeyUsage } from './cert-key-usage';
import { rule as certRsaKey } from './cert-rsa-key';
import { rule as certServerRequired } from './cert-server-required';
import { rule as certUserRegistered } from './cert-user-registered';
import { rule as certValidity } from './cert-validity';
import { rule as racfPortaccessNotLevel3 } from './racf-portaccess-not-level3';
import { rule as zftpsCipherNotServable } from './zftps-cipher-not-servable';
import { rule as zftpsSessionTimeoutShort } from './zftps-session-timeout-short';

export const ALL_RULES: readonly Rule[] = [
  ftpdCccCtrlconn,
  ftpdCccnonotifyAttls,
  ftpdCipherDefaultHasNull,
  ftpdCipherDup,
  ftpdCipherExportReg,
  ftpdCipherName,
  ftpdCipherNull,
  ftpdCipherWeak,
  ftpdCtrlconnValue,
  ftpdDataconnNeverTls,
  ftpdDataconnPrivateAllowed,
  ftpdDataconnSafeTls,
  ftpdDataconnValue,
  ftpdDupSingle,
  ftpdKeyringFormat,
  ftpdKeyringVirtual,
  ftpdLevel3Profile,
  ftpdPbszKerberos,
  ftpdPbszRange,
  ftpdReuseAttlsTimeout,
  ftpdReuseNoneServer,
  ftpdReuseRequired,
  ftpdRfclevelDraftDefault,
  ftpdRfclevelValue,
  ftpdSecpwOptionalNeedsClientauth,
  ftpdSecpwOptionalTlsOnly,
  ftpdSecureFtpNoMech,
  ftpdSecureLoginNeedsExt,
  ftpdSslv3,
  ftpdStatementValue,
  ftpdTlsNeedsAuthTls,
  ftpdTlsmechAttlsIgnored,
  ftpdTlsmechAttlsNeedsPolicy,
  ftpdTlsmechFtpDeprecated,
  ftpdTlsmechFtpKeyring,
  ftpdTlsportImplicit,
  ftpdTlsportNotAuthTls,
  ftpdTlsportSecureimplicit,
  ftpdTlstimeoutRange,
  ftpdVerifyUserNeedsCertmap,
  attlsApplicationControlled,
  attlsCipherDefault,
  attlsCipherFormat,
  attlsCipherNonRsa,
  attlsCipherNull,
  attlsCipherRelease,
  attlsCipherWeak,
  attlsClientauthRole,
  attlsClientauthUnneeded,
  attlsClientauthtypeOptional,
  attlsClientauthtypeSafcheck,
  attlsDataRulePreempts,
  attlsDirection,
  attlsDirectionBoth,
  attlsEnvKeyring,
  attlsEnvRequired,
  attlsGroupEnabled,
  attlsHandshakeRole,
  attlsJobname,
  attlsKeyringFormat,
  attlsLocalport,
  attlsLocalportTlsport,
  attlsNameLength,
  attlsPriorityRange,
  attlsProtocols,
  attlsRefResolve,
  attlsRuleCondition,
  attlsSecondaryMap,
  attlsSuitebIgnoresCiphers,
  attlsTlsv13Release,
  certCaTrusted,
  certClientCaInServer,
  certKeyUsage,
  certRsaKey,
  certServerRequired,
  certUserRegistered,
  certValidity,
  racfPortaccessNotLevel3,
  zftpsCipherNotServable,
  zftpsSessionTimeoutShort,
];

export type { Rule, RuleHit } from './types';
export { runRules, acknowledge, sortFindings, modelAcknowledgements, ENGINE_CHECKS } from './engine';
