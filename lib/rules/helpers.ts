/**
 * Small shared vocabulary for the rule files: where settings are, what the
 * server is configured for, and the sources rules cite.
 */
import type { RuleSource, SourceLocation } from '../diagnostics';
import { policyView, type PolicyView } from '../model/attls-view';
import type { FtpDataStatement, ServerModel, Setting, ZosRelease } from '../model/config';

// ---- sources ----
const IBM_DOCS = 'https://www.ibm.com/docs/';
export const seed = (step: string): RuleSource => ({ kind: 'seed', ref: `Steps for customizing the FTP server for TLS — ${step}` });
export const ibm = (url: string): RuleSource => ({ kind: 'ibm', ref: url.startsWith('http') ? url : IBM_DOCS + url });
export const rfc = (ref: string): RuleSource => ({ kind: 'rfc', ref });
export const inferred = (reasoning: string): RuleSource => ({ kind: 'inferred', ref: reasoning });
export const zosRef = (section: string): RuleSource => ({ kind: 'inferred', ref: `zos-reference ${section}` });

/** Frequently cited IBM pages. */
export const IBM = {
  tlsmechanism: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz001/ftpcastlsmechanism.htm'),
  keyring: ibm('https://www.ibm.com/docs/SSLTBW_3.2.0/com.ibm.zos.v3r2.halz001/ftpcaskeyring.htm'),
  ciphersuite: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpcasciphersuite.htm'),
  tlsrfclevel: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpcastlsrfclevel.htm'),
  secureLogin: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpserverseclog.htm'),
  securePassword: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpserversecurepassword.htm'),
  secureDataconn: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpcassecuredataconn.htm'),
  secureCtrlconn: ibm('https://www.ibm.com/docs/en/zos/2.1.0?topic=protocol-secure-ctrlconn-ftp-client-server-statement'),
  sessionReuse: ibm('https://www.ibm.com/docs/SSLTBW_3.2.0/com.ibm.zos.v3r2.halz001/ftpcassecuresere.htm'),
  reuseAttls: ibm('https://www.ibm.com/support/pages/when-using-tls-how-do-i-implement-secure-session-reuse-ftp'),
  extensions: ibm('https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpcasextensions.htm'),
  pbsz501: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.cs3cod0/ftp501-43.htm'),
  ftpDataOverview: ibm('https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz001/ftpconfigstatementsinftpdata.htm'),
  migrationToAttls: ibm('https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ftp_use_attls.htm'),
  port990: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ftp_port990.htm'),
  ii13516: ibm('https://www.ibm.com/support/pages/apar/II13516'),
  secureImplicit: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz001/ftpcassecureimplicitzos.htm'),
  sslv3: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.e0zh300/fspg.htm'),
  verifyUser: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpserververifyuser.htm'),
  daemonName: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.hald001/adnstd.htm'),
  portAccess: ibm('http://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/security_tcpip_resrcs_specific_ports.htm'),
  clientAuthLevels: ibm('https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz002/tlsssl_ssl_client_auth.htm'),
  ttlsRule: ibm('https://www.ibm.com/docs/en/zos/latest?topic=statements-ttlsrule-statement'),
  attlsRules: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_rules.htm'),
  attlsActions: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_actions.htm'),
  groupAction: ibm('https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ttlsgroupactionpolicyagent.htm'),
  envAction: ibm('https://www.ibm.com/docs/en/zos/3.1.0?topic=statements-ttlsenvironmentaction-statement'),
  envAdvanced: ibm('https://www.ibm.com/docs/en/zos/3.1.0?topic=statements-ttlsenvironmentadvancedparms-statement'),
  envAdvanced25: ibm('https://ibm.com/docs/en/zos/2.5.0?topic=statements-ttlsenvironmentadvancedparms-statement'),
  keyringParms: ibm('https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz001/ttlskeyringparmspolicyagent.htm'),
  cipherParms: ibm('https://ibm.com/docs/en/zos/3.1.0?topic=statements-ttlscipherparms-statement'),
  cipherChoice: ibm('https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/attls_cipher_suite.htm'),
  handshakeRoles: ibm('https://www.ibm.com/docs/ja/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_handshake_roles.htm'),
  controllingApp: ibm('https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/attls_controlling_appl.htm'),
  secondaryMap: ibm('https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/attls_secondary_connection_appl_model.htm'),
  policyStructure: ibm('https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ipsecurity_cfg_file_structure.htm'),
  ttlsConfig: ibm('https://ibm.com/docs/en/zos/2.5.0?topic=statements-ttlsconfig-statement'),
  gskAdvanced: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz001/ttlsgskadvancedparmspolicyagent.htm'),
  tls13Prereq: ibm('https://www.ibm.com/docs/en/SSJL4D_6.x/security/tcpip/tls13migration.html'),
  privateKeys: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ichd100/usgntrdata.htm'),
  virtualRings: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/uvkr.htm'),
  certMapping: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/icha700_Certificate_mapping.htm'),
  reply531: ibm('https://www.ibm.com/docs/ja/SSLTBW_2.2.0/com.ibm.zos.v2r2.cs3cod0/ftp531-01.htm'),
  reply534ccc: ibm('https://www.ibm.com/support/knowledgecenter/ja/SSLTBW_2.2.0/com.ibm.zos.v2r2.cs3cod0/ftp534-01.htm'),
  reply536: ibm('https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.cs3cod0/ftp536-01.htm'),
  attlsReturnCodes: ibm('https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.hald001/comtls.htm'),
  ioctlStates: ibm('https://ibm.com/docs/pl/zos/2.4.0?topic=ioctl-siocttlsctl-xc038d90b'),
} as const;

export const RFC4217 = (section: string) => rfc(`RFC 4217 §${section} https://www.rfc-editor.org/rfc/rfc4217`);

// ---- FTP.DATA access ----

/** Every statement coded with this keyword, in file order. */
export function statements(model: ServerModel, keyword: string): FtpDataStatement[] {
  const k = keyword.toUpperCase();
  return model.ftpData.statements.filter((s) => s.keyword === k);
}

/** The effective (last) statement coded with this keyword. */
export function lastStatement(model: ServerModel, keyword: string): FtpDataStatement | undefined {
  const all = statements(model, keyword);
  return all[all.length - 1];
}

/** Where a setting was coded, if it was. */
export const at = <T>(s: Setting<T> | undefined): SourceLocation | undefined => (s?.explicit ? s.location : undefined);

/** The first location among several that were coded. */
export const firstAt = (...locs: (SourceLocation | undefined)[]): SourceLocation | undefined => locs.find(Boolean);

export function hasExtension(model: ServerModel, ext: 'AUTH_TLS' | 'AUTH_GSSAPI'): boolean {
  return model.ftpData.extensions.some((e) => e.value === ext);
}

export const tlsEnabled = (m: ServerModel) => hasExtension(m, 'AUTH_TLS');
/** TLS done by the FTP server itself (System SSL): AUTH_TLS with TLSMECHANISM FTP. */
export const nativeTls = (m: ServerModel) => tlsEnabled(m) && m.ftpData.tlsMechanism.value === 'FTP';
/** TLS done by AT-TLS: AUTH_TLS with TLSMECHANISM ATTLS. */
export const attlsTls = (m: ServerModel) => tlsEnabled(m) && m.ftpData.tlsMechanism.value === 'ATTLS';
/** Client authentication wanted: SECURE_LOGIN REQUIRED or VERIFY_USER. */
export const clientAuthWanted = (m: ServerModel) => m.ftpData.secureLogin.value !== 'NO_CLIENT_AUTH';

// ---- releases ----
const RELEASE_ORDER: readonly ZosRelease[] = ['2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2'];
export const releaseAtLeast = (release: ZosRelease, min: ZosRelease) => RELEASE_ORDER.indexOf(release) >= RELEASE_ORDER.indexOf(min);

// ---- AT-TLS ----
const views = new WeakMap<ServerModel, PolicyView | undefined>();

/**
 * The policy as the FTP server sees it, when the server uses AT-TLS and a
 * policy is present; undefined otherwise. Cached per model.
 */
export function attlsView(model: ServerModel): PolicyView | undefined {
  if (!attlsTls(model) || !model.policy) return undefined;
  if (!views.has(model)) {
    views.set(model, policyView(model.policy, model.system.controlPort, { jobName: model.system.daemonJobName }));
  }
  return views.get(model);
}

/** The view's chosen rule, when there is one (the AT-TLS rules check only a mapped rule). */
export function mappedView(model: ServerModel): (PolicyView & { rule: NonNullable<PolicyView['rule']> }) | undefined {
  const v = attlsView(model);
  return v?.rule ? (v as PolicyView & { rule: NonNullable<PolicyView['rule']> }) : undefined;
}

/** Quoted list: 'A', 'B' and 'C'. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
