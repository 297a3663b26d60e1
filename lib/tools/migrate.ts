/**
 * `zftps migrate --to attls`: native TLS (TLSMECHANISM FTP with KEYRING, CIPHERSUITE,
 * TLSTIMEOUT, SSLV3) → AT-TLS, following IBM's FTP.DATA ↔ AT-TLS mapping
 * (docs zos-reference §4.13). The FTP.DATA is edited in place, line by line, so every
 * other statement and comment stays as the operator wrote it; the policy is new.
 * The report lists every behaviour that changes for clients and operators.
 */
import { basename } from 'node:path';
import { type Finding, InputError } from '../diagnostics';
import { parseFtpData } from '../formats/ftp-data';
import { renderPolicy } from '../formats/attls';
import type { PolicyParamSpec, PolicySpec } from '../formats/types';
import { lintTexts } from '../lint';
import { lookupCipher, type CipherSuite } from '../model/cipher-suites';
import type { ZosRelease } from '../model/config';

export interface MigrateInput {
  readonly ftpData: { readonly text: string | Buffer; readonly file: string };
  /** FTPD control port (start parameter PORT). @default 21 */
  readonly port?: number;
  /** Daemon job name for the rule's Jobname condition (e.g. FTPD1); none = any job on the port. */
  readonly daemonJobName?: string;
  /** TCP/IP stack job name for the Policy Agent snippet. @default 'TCPIP' */
  readonly tcpipJobName?: string;
  /** Where the policy file will live on z/OS. @default '/etc/pagent/ftpd.attls.conf' */
  readonly policyPath?: string;
  /** @default '2.5' */
  readonly release?: ZosRelease;
}

export interface MigrationNote {
  /** error: the migrated configuration will not work as is; change: clients or operators see a difference; info: good to know. */
  readonly kind: 'error' | 'change' | 'info';
  readonly topic: string;
  readonly text: string;
}

export interface MigrationResult {
  readonly ftpData: string;
  readonly policy: string;
  readonly policyAgentConfig: string;
  readonly tcpipProfile: string;
  readonly notes: readonly MigrationNote[];
  /** Lint of the migrated FTP.DATA + policy. */
  readonly findings: readonly Finding[];
  /** The report as Markdown (MIGRATION.md). */
  readonly report: string;
}

const MOVED: Record<string, string> = {
  KEYRING: 'TTLSKeyringParms Keyring',
  CIPHERSUITE: 'TTLSCipherParms V3CipherSuites',
  TLSTIMEOUT: 'TTLSGskAdvancedParms GSK_V3_SESSION_TIMEOUT',
  SSLV3: 'TTLSEnvironmentAdvancedParms SSLv3',
};

export function migrateToAttls(input: MigrateInput): MigrationResult {
  const { file } = input.ftpData;
  const parsed = parseFtpData(input.ftpData.text, file);
  const unusable = parsed.findings.find((f) => /-FILE-(EBCDIC|BINARY|EMPTY)$/.test(f.ruleId) && f.severity === 'error');
  if (unusable) throw new InputError(unusable.message, unusable.location);
  const f = parsed.value;
  if (f.tlsMechanism.value === 'ATTLS') {
    throw new InputError(`${file} already uses TLSMECHANISM ATTLS; there is nothing to migrate`, f.tlsMechanism.location);
  }
  const port = input.port ?? 21;
  const notes: MigrationNote[] = [];
  const note = (kind: MigrationNote['kind'], topic: string, text: string) => notes.push({ kind, topic, text });
  const where = (loc?: { line: number }) => (loc ? `${basename(file)}:${loc.line}` : 'not coded');

  // ---------------------------------------------------------------- FTP.DATA, edited line by line
  const text = typeof input.ftpData.text === 'string' ? input.ftpData.text : input.ftpData.text.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const byLine = new Map(f.statements.map((s) => [s.location.line, s]));
  let mechanismWritten = false;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const s = byLine.get(i + 1);
    if (s && MOVED[s.keyword]) {
      out.push(fit(`; ${s.keyword} ${s.args.join(' ')} -> policy ${MOVED[s.keyword]}`));
      return;
    }
    if (s && s.keyword === 'TLSMECHANISM') {
      if (!mechanismWritten) out.push(statementLine('TLSMECHANISM', 'ATTLS', 'was FTP: AT-TLS performs TLS'));
      mechanismWritten = true;
      return;
    }
    out.push(line);
  });
  if (!mechanismWritten) {
    // TLSMECHANISM was not coded (z/OS default FTP): put ATTLS right after the last EXTENSIONS.
    const ext = f.statements.filter((s) => s.keyword === 'EXTENSIONS').pop();
    const at = ext ? ext.location.line : out.length;
    out.splice(at, 0, statementLine('TLSMECHANISM', 'ATTLS', 'AT-TLS performs TLS (was FTP)'));
  }
  const ftpData = out.join(eol) + eol;

  // ---------------------------------------------------------------- the policy
  const clientAuth = f.secureLogin.value !== 'NO_CLIENT_AUTH';
  const ring = f.keyring.value;
  if (!ring) note('error', 'key ring', 'no KEYRING was coded, so the policy names the placeholder FTPRING; code the ring that holds the server certificate in TTLSKeyringParms Keyring');
  else note('info', 'key ring', `KEYRING ${ring} (${where(f.keyring.location)}) → TTLSKeyringParms Keyring ${ring}. Under AT-TLS the ring is opened by the stack under the FTP daemon's user ID, which needs the same access to it as before.`);

  const suites: CipherSuite[] = [];
  for (const c of f.cipherSuites) {
    const suite = lookupCipher(c.value)!;
    if (suite.null) {
      note('change', 'null cipher', `${c.value} (${where(c.location)}) is a null cipher (no encryption): it is not carried over; clients that negotiated it must now use an enciphering suite.`);
      continue;
    }
    if (!suites.includes(suite)) suites.push(suite);
  }
  let cipherNames = suites.map((s) => s.iana);
  if (f.cipherSuites.length === 0) {
    cipherNames = ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'];
    note('change', 'ciphers', 'no CIPHERSUITE was coded, so System SSL\'s default list applied (it includes the null cipher); the policy codes an RSA key-exchange list: AES-GCM, then AES-CBC.');
  } else {
    note('info', 'ciphers', `CIPHERSUITE in order → V3CipherSuites: ${f.cipherSuites.map((c) => `${c.value} → ${lookupCipher(c.value)!.iana}`).join(', ')}. The server still chooses by this order.`);
  }
  const weak = suites.filter((s) => s.weak);
  if (weak.length) note('change', 'weak ciphers', `kept as coded, but weak: ${weak.map((s) => s.iana).join(', ')}; lint reports them — remove them when partners allow.`);

  note('info', 'session timeout', `TLSTIMEOUT ${f.tlsTimeout.value}${f.tlsTimeout.explicit ? '' : ' (z/OS default)'} → GSK_V3_SESSION_TIMEOUT ${f.tlsTimeout.value} (AT-TLS would otherwise use 86400).`);
  note('info', 'client authentication', clientAuth
    ? `SECURE_LOGIN ${f.secureLogin.value} → HandshakeRole ServerWithClientAuth with ClientAuthType Required (a certificate is required at the handshake, as before).`
    : 'SECURE_LOGIN NO_CLIENT_AUTH → HandshakeRole Server.');
  note('change', 'protocols', `AT-TLS's defaults are TLSv1 and TLSv1.1 On, TLSv1.2 and TLSv1.3 Off, so every switch is coded: SSLv3 ${f.sslv3.value ? 'On' : 'Off'} (SSLV3 ${f.sslv3.value ? 'TRUE' : 'FALSE'}${f.sslv3.explicit ? '' : ', z/OS default'}), TLSv1 Off, TLSv1.1 Off, TLSv1.2 On, TLSv1.3 Off. Clients limited to TLS 1.0/1.1 are now refused at the handshake; TLS 1.3 stays off because none of the migrated suites is a TLS 1.3 suite (add TLS_AES_256_GCM_SHA384 and TLS_AES_128_GCM_SHA256 with TLSv1.3 On to enable it).`);
  if (f.sslv3.value) note('change', 'SSLv3', `SSLV3 TRUE (${where(f.sslv3.location)}) → SSLv3 On: kept, but SSLv3 is broken (POODLE); lint reports it.`);
  note('change', 'certificate selection', 'native TLS always used the ring\'s default certificate; with AT-TLS the policy can name one with CertificateLabel in TTLSEnvironmentAdvancedParms (none is coded, so the default certificate is still used).');
  if (f.tlsRfcLevel.value === 'CCCNONOTIFY') {
    note('error', 'TLSRFCLEVEL CCCNONOTIFY', `TLSRFCLEVEL CCCNONOTIFY (${where(f.tlsRfcLevel.location)}) is invalid with TLSMECHANISM ATTLS: a client that sends CCC loses its session. IBM's remedy: code TLSRFCLEVEL RFC4217, or keep the partners that need CCCNONOTIFY on a native-TLS (TLSMECHANISM FTP) server exempt from the AT-TLS rules.`);
  }
  if (!f.extensions.some((e) => e.value === 'AUTH_TLS')) note('error', 'EXTENSIONS AUTH_TLS', 'EXTENSIONS AUTH_TLS is not coded, so the server offers no TLS before or after the migration.');
  const implicit = f.tlsPort.value !== 0;
  if (implicit) note('info', 'implicit TLS', `TLSPORT ${f.tlsPort.value}${f.tlsPort.explicit ? '' : ' (z/OS default)'} gets its own TTLSRule (LocalPortRange ${f.tlsPort.value}).`);
  note('change', 'Policy Agent', 'TLS now depends on the TCP/IP stack: TCPCONFIG TTLS must be set and Policy Agent must have installed this policy before FTPD starts; until then AUTH TLS fails (the server reports the policy status as not enabled).');
  note('info', 'data connections', 'ApplicationControlled On lets FTP start TLS on AUTH; SecondaryMap On makes data connections use the control connection\'s policy and environment, so no extra rules are needed and end users need no ring access.');

  const p = (key: string, ...values: (string | number)[]): PolicyParamSpec => ({ key, values: values.map(String) });
  const rule = (name: string, rulePort: number, comment: string) => ({
    type: 'TTLSRule',
    name,
    comment,
    params: [
      { ...p('LocalPortRange', rulePort), comment: rulePort === port ? 'FTPD start parameter PORT' : 'TLSPORT' },
      ...(input.daemonJobName ? [p('Jobname', input.daemonJobName.toUpperCase())] : []),
      p('Direction', 'Inbound'),
      p('Priority', 255),
      p('TTLSGroupActionRef', 'ftpd_group'),
      p('TTLSEnvironmentActionRef', 'ftpd_env'),
    ],
  });
  const spec: PolicySpec = {
    header: [`AT-TLS policy migrated by zftps from ${basename(file)} (native TLS, TLSMECHANISM FTP).`],
    statements: [
      rule('ftpd_rule', port, 'FTP control connections (explicit TLS)'),
      ...(implicit ? [rule('ftpd_implicit_rule', f.tlsPort.value, 'Implicit TLS port (TLSPORT)')] : []),
      { type: 'TTLSGroupAction', name: 'ftpd_group', params: [p('TTLSEnabled', 'On'), p('Trace', 2)] },
      {
        type: 'TTLSEnvironmentAction',
        name: 'ftpd_env',
        params: [
          { ...p('HandshakeRole', clientAuth ? 'ServerWithClientAuth' : 'Server'), comment: `SECURE_LOGIN ${f.secureLogin.value}` },
          { key: 'TTLSKeyringParms', block: { type: 'TTLSKeyringParms', params: [{ ...p('Keyring', ring ?? 'FTPRING'), comment: 'was KEYRING' }] } },
          {
            key: 'TTLSEnvironmentAdvancedParms',
            block: {
              type: 'TTLSEnvironmentAdvancedParms',
              params: [
                { ...p('ApplicationControlled', 'On'), comment: 'FTP starts TLS on AUTH' },
                { ...p('SecondaryMap', 'On'), comment: 'data connections use this policy' },
                p('SSLv2', 'Off'),
                { ...p('SSLv3', f.sslv3.value ? 'On' : 'Off'), comment: 'was SSLV3' },
                p('TLSv1', 'Off'),
                p('TLSv1.1', 'Off'),
                p('TLSv1.2', 'On'),
                p('TLSv1.3', 'Off'),
                ...(clientAuth ? [p('ClientAuthType', 'Required')] : []),
              ],
            },
          },
          p('TTLSCipherParmsRef', 'ftpd_ciphers'),
          p('TTLSGskAdvancedParmsRef', 'ftpd_gsk'),
        ],
      },
      {
        type: 'TTLSCipherParms',
        name: 'ftpd_ciphers',
        comment: f.cipherSuites.length ? 'was CIPHERSUITE, in the same order; the server chooses' : 'In order of preference; the server chooses',
        params: cipherNames.map((n) => p('V3CipherSuites', n)),
      },
      { type: 'TTLSGskAdvancedParms', name: 'ftpd_gsk', params: [{ ...p('GSK_V3_SESSION_TIMEOUT', f.tlsTimeout.value), comment: 'was TLSTIMEOUT' }] },
    ],
  };
  const policy = renderPolicy(spec);
  const stack = (input.tcpipJobName ?? 'TCPIP').toUpperCase();
  const policyPath = input.policyPath ?? '/etc/pagent/ftpd.attls.conf';
  const policyAgentConfig = [
    `# Policy Agent image file for stack ${stack} (migrated by zftps from ${basename(file)})`,
    '# Main file (/etc/pagent.conf) names this image file:',
    `#   TcpImage ${stack} /etc/pagent/${stack.toLowerCase()}.image.conf FLUSH PURGE 600`,
    `TTLSConfig ${policyPath} FLUSH PURGE`,
    '# After a change: F PAGENT,REFRESH',
    '',
  ].join('\n');
  const daemon = (input.daemonJobName ?? 'FTPD1').toUpperCase();
  const tcpipProfile = [
    `; TCP/IP profile statements for the migrated FTP server (${basename(file)})`,
    'TCPCONFIG TTLS                ; enable AT-TLS in the stack',
    `PORT ${String(port).padEnd(5)} TCP ${daemon.padEnd(8)}        ; FTP control port`,
    ...(implicit ? [`PORT ${String(f.tlsPort.value).padEnd(5)} TCP ${daemon.padEnd(8)}        ; FTP implicit TLS port`] : []),
    '',
  ].join('\n');

  const lint = lintTexts({ text: ftpData, file: 'FTP.DATA' }, { text: policy, file: 'attls-policy.conf' }, {
    controlPort: port,
    release: input.release ?? '2.5',
    ...(input.daemonJobName ? { daemonJobName: input.daemonJobName } : {}),
  });
  const findings = lint.findings;
  return { ftpData, policy, policyAgentConfig, tcpipProfile, notes, findings, report: renderReport(file, notes, findings) };
}

/** `KEYWORD value ; comment` in the renderer's layout (keyword padded to 21 columns), at most 72 columns. */
function statementLine(keyword: string, value: string, comment: string): string {
  return fit(`${keyword.padEnd(21)}${value.padEnd(16)}; ${comment}`);
}

function fit(line: string): string {
  return line.length <= 72 ? line : line.slice(0, 72).trimEnd();
}

function renderReport(file: string, notes: readonly MigrationNote[], findings: readonly Finding[]): string {
  const lines = [`# Migration of ${basename(file)} to AT-TLS`, ''];
  for (const kind of ['error', 'change', 'info'] as const) {
    const of = notes.filter((n) => n.kind === kind);
    if (!of.length) continue;
    lines.push(`## ${{ error: 'Must fix before use', change: 'Behaviour that changes', info: 'Mapped as before' }[kind]}`, '');
    for (const n of of) lines.push(`- **${n.topic}**: ${n.text}`);
    lines.push('');
  }
  lines.push('## Lint of the migrated configuration', '');
  if (!findings.length) lines.push('No findings.');
  for (const f of findings) {
    lines.push(`- ${f.severity} ${f.ruleId}${f.location ? ` (${f.location.file}:${f.location.line})` : ''}: ${f.message}${f.acknowledged ? ` (acknowledged: ${f.acknowledged.reason})` : ''}`);
  }
  lines.push('', 'Files: FTP.DATA (TLSMECHANISM ATTLS; KEYRING, CIPHERSUITE, TLSTIMEOUT and SSLV3 moved to the policy), attls-policy.conf, pagent-image.conf (TTLSConfig), tcpip-profile.txt (TCPCONFIG TTLS).', '');
  return lines.join('\n');
}
