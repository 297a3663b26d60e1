// Synth and lint at scale, measured in-process through the library (not the CLI):
//   1. synth of a program with N SecureFtpServers (default 200), cold (empty key
//      store) and warm (same store, second synth): wall time and peak RSS;
//   2. lint of an M-line FTP.DATA (default 100,000) with an AT-TLS policy: parse
//      time, total lint time and lines per second, median of 5.
//   npx tsx scripts/bench-synth-lint.ts [--servers 200] [--servers-per-ring 10] [--lines 100000] [--runs 5] [--only synth|lint]
// Prints the machine, then one `FIGURE name=… value=… unit=…` line per figure.
// Each phase runs in a fresh child process so that peak RSS (a process-lifetime
// maximum) belongs to that phase alone. Everything lives in a temp folder that is
// removed at the end. Not run by the tests: a cold synth generates hundreds of keys.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicy } from '../lib/formats/attls';
import { parseFtpData } from '../lib/formats/ftp-data';
import { lintFiles } from '../lib/lint';
import { synthesize } from '../lib/synth';
import {
  CertificateAuthority,
  ClientAuthLevel,
  ClientCertificate,
  CipherSuitePolicy,
  DataProtection,
  FtpsApp,
  KeyRing,
  KeyRingName,
  Password,
  SecureFtp,
  SecureFtpServer,
  SessionReusePolicy,
  TlsMechanism,
  TlsRfcLevel,
  ZosVersion,
} from '../lib/constructs';

// ---------------------------------------------------------------- arguments

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
function count(name: string, fallback: number): number {
  const v = Number(option(name, String(fallback)));
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} must be a whole number >= 1`);
    process.exit(2);
  }
  return v;
}

const figure = (name: string, value: number, unit: string, note?: string) =>
  console.log(`FIGURE name=${name} value=${value} unit=${unit}${note ? ` note="${note}"` : ''}`);
const seconds = (ns: bigint) => Number(ns) / 1e9;
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024); // maxRSS is in KiB on Linux
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

// ---------------------------------------------------------------- 1. the synth program

/**
 * A fleet of servers in ring groups. Servers of one group share a KeyRing (one
 * ring per LPAR group, as RACF shared rings are used): the first server of a
 * group generates the keys, the others reuse them from the key store within the
 * same synth. Five group profiles rotate so the fleet mixes AT-TLS and native
 * TLS, client authentication levels 0-3, self-signed and CA-signed server
 * certificates, and 0-6 client certificates from four CAs.
 */
function buildFleet(app: FtpsApp, servers: number, perRing: number): { rings: number; clients: number; cas: number } {
  const cas = {
    corp: new CertificateAuthority('corp', { label: 'Corp FTP CA', subject: { commonName: 'Corp FTP CA', organization: 'Bench', country: 'US' } }),
    partners: new CertificateAuthority('partners', { label: 'Partner CA', subject: { commonName: 'Partner CA', organization: 'Bench' } }),
    ops: new CertificateAuthority('ops', { label: 'Ops CA', subject: { commonName: 'Ops CA', organization: 'Bench' } }),
    batch: new CertificateAuthority('batch', { label: 'Batch CA', subject: { commonName: 'Batch CA', organization: 'Bench' } }),
  };
  const password = (name: string) => Password.fromEnv(`BENCH_${name.toUpperCase()}_PASSWORD`, { default: `${name}-bench-pw` });
  let rings = 0;
  let clientCount = 0;
  let caCount = 0;
  for (let first = 0; first < servers; first += perRing) {
    const g = rings++;
    const profile = g % 5;
    const ringName = KeyRingName.saf(`FTPRG${String(g).padStart(3, '0')}`);
    const host = (i: number) => `ftp${String(i).padStart(3, '0')}.bench.example`;
    const members = Array.from({ length: Math.min(perRing, servers - first) }, (_, k) => first + k);
    const serverCertificate = (signedBy?: CertificateAuthority) => ({
      label: `FTP group ${g}`,
      subject: { commonName: host(first), organization: 'Bench' },
      dnsNames: members.map(host),
      ipAddresses: ['127.0.0.1'],
      signedBy,
    });
    const clients = (n: number, ca: CertificateAuthority, withUser: boolean) =>
      Array.from({ length: n }, (_, k) => new ClientCertificate(`g${g}c${k}`, {
        signedBy: ca,
        subject: { commonName: `client ${k} of group ${g}`, organization: 'Bench' },
        ...(withUser ? { userId: `G${g}U${k}` } : {}),
      }));
    let ring: KeyRing;
    let serverProps: Omit<ConstructorParameters<typeof SecureFtpServer>[2], 'keyRing'>;
    let users: string[] = ['ops'];
    let ackNative = false;
    switch (profile) {
      case 0: // AT-TLS, self-signed server certificate, passwords only
        ring = new KeyRing(app, `ring${g}`, { name: ringName, serverCertificate: serverCertificate() });
        serverProps = { tlsMechanism: TlsMechanism.ATTLS, clientAuth: ClientAuthLevel.NONE };
        break;
      case 1: { // AT-TLS, level 1: any certificate from the partner CA
        const cs = clients(4, cas.partners, false);
        ring = new KeyRing(app, `ring${g}`, { name: ringName, certificateAuthorities: [cas.corp], serverCertificate: serverCertificate(cas.corp), clientCertificates: cs });
        serverProps = { tlsMechanism: TlsMechanism.ATTLS, clientAuth: ClientAuthLevel.LEVEL_1 };
        break;
      }
      case 2: { // AT-TLS, level 2 without password: certificates mapped to user IDs
        const cs = clients(6, cas.partners, true);
        users = cs.map((c) => c.props.userId!);
        ring = new KeyRing(app, `ring${g}`, { name: ringName, serverCertificate: serverCertificate(cas.corp), clientCertificates: cs });
        serverProps = { tlsMechanism: TlsMechanism.ATTLS, clientAuth: ClientAuthLevel.LEVEL_2.withoutPassword(), sessionReuse: SessionReusePolicy.REQUIRED };
        break;
      }
      case 3: { // native TLS (TLSMECHANISM FTP) on z/OS 2.5, level 2
        const cs = clients(3, cas.ops, true);
        users = cs.map((c) => c.props.userId!);
        ring = new KeyRing(app, `ring${g}`, { name: ringName, serverCertificate: serverCertificate(cas.ops), clientCertificates: cs });
        serverProps = {
          tlsMechanism: TlsMechanism.FTP,
          clientAuth: ClientAuthLevel.LEVEL_2,
          cipherSuites: CipherSuitePolicy.NATIVE,
          tlsTimeoutSeconds: 3600,
          system: { release: ZosVersion.V2R5 },
        };
        ackNative = true;
        break;
      }
      default: { // AT-TLS, level 3: mapped certificates plus the SERVAUTH port profile
        const cs = clients(5, cas.batch, true);
        users = cs.map((c) => c.props.userId!);
        ring = new KeyRing(app, `ring${g}`, { name: ringName, certificateAuthorities: [cas.corp], serverCertificate: serverCertificate(cas.corp), clientCertificates: cs });
        serverProps = { tlsMechanism: TlsMechanism.ATTLS, clientAuth: ClientAuthLevel.LEVEL_3 };
        break;
      }
    }
    clientCount += ring.clientCertificates.length;
    caCount += new Set([...(ring.props.certificateAuthorities ?? []), ...ring.clientCertificates.map((c) => c.props.signedBy), ring.props.serverCertificate?.signedBy].filter(Boolean)).size;
    for (const i of members) {
      const server = new SecureFtpServer(app, `ftp${String(i).padStart(3, '0')}`, {
        keyRing: ring,
        tlsRfcLevel: TlsRfcLevel.RFC4217,
        secureFtp: SecureFtp.REQUIRED,
        dataProtection: DataProtection.PRIVATE,
        controlPort: 21,
        passiveDataPorts: { low: 40000 + 100 * (i % 50), high: 40099 + 100 * (i % 50) },
        ...serverProps,
        system: { sysname: `SYS${String(i).padStart(3, '0')}`, ...serverProps.system },
        users: users.map((name) => ({ name, password: password(name) })),
      });
      if (ackNative) server.acknowledge('FTPD-TLSMECH-FTP-DEPRECATED', 'bench: native TLS servers stay on z/OS 2.5 until migrated');
    }
  }
  return { rings, clients: clientCount, cas: caCount };
}

async function synthPhase(label: 'cold' | 'warm', work: string, servers: number, perRing: number): Promise<void> {
  const app = new FtpsApp({ quiet: true });
  const fleet = buildFleet(app, servers, perRing);
  const t0 = process.hrtime.bigint();
  const result = await synthesize(app, { outdir: join(work, 'out'), keyStoreDir: join(work, 'keys') });
  const s = seconds(process.hrtime.bigint() - t0);
  const note = `${servers} servers, ${fleet.rings} shared rings, ${fleet.cas} ring CAs, ${fleet.clients} client certs, ${result.findings.length} non-blocking findings`;
  figure(`synth.${label}.seconds`, round(s, 2), 's', note);
  figure(`synth.${label}.peak_rss`, peakRssMiB(), 'MiB');
}

// ---------------------------------------------------------------- 2. the lint input

/** The policy the big FTP.DATA runs under: the hand-maintained style of test/fixtures/attls/realistic.conf. */
const POLICY = `# FTP server policy, SYSB -- hand maintained (bench input)
TTLSRule ftpd_control_rule
{
  LocalPortRange            21
  Jobname                   FTPD1
  Direction                 Inbound
  Priority                  255
  TTLSGroupActionRef        grp_ftp
  TTLSEnvironmentActionRef  env_ftp_server
}
TTLSGroupAction grp_ftp
{
  TTLSEnabled On
  Trace 2                   # errors only
}
TTLSEnvironmentAction env_ftp_server
{
  HandshakeRole ServerWithClientAuth
  TTLSKeyringParms { Keyring FTPD/FTPRING }
  TTLSEnvironmentAdvancedParms
  {
    ApplicationControlled On
    SecondaryMap On
    ClientAuthType Required
    TLSv1 Off
    TLSv1.1 Off
    TLSv1.2 On
    TLSv1.3 On
  }
  TTLSCipherParmsRef ciphers
  TTLSGskAdvancedParms { GSK_V3_SESSION_TIMEOUT 3600 }
}
TTLSCipherParms ciphers
{
  V3CipherSuites4Char 13021301
  V3CipherSuites      TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  V3CipherSuites      TLS_RSA_WITH_AES_256_GCM_SHA384
}
`;

/**
 * A hand-maintained FTP.DATA grown to `lines` lines: the TLS statements once at
 * the top, then a repeating 25-line block of comments, blank lines and non-TLS
 * statements (repeatable DEBUG/DUMP/EXTENSIONS, data set defaults). Every 40th
 * block recodes single-valued statements (FTPD-DUP-SINGLE) and carries a typo
 * (unknown keyword), so the file has findings in proportion to its size.
 */
function bigFtpData(lines: number): string {
  const head = [
    '; FTP.DATA for FTPD1 on SYSB (bench input, hand-maintained style)',
    '; Owner: storage team.',
    '',
    'EXTENSIONS   AUTH_TLS',
    'TLSMECHANISM ATTLS',
    'TLSRFCLEVEL  RFC4217',
    'SECURE_FTP   REQUIRED',
    'SECURE_LOGIN VERIFY_USER   ; level 2: certificates mapped to user IDs',
    'SECURE_PASSWORD REQUIRED',
    'SECURE_DATACONN PRIVATE',
    'SECURE_CTRLCONN PRIVATE',
    'SECURE_SESSION_REUSE REQUIRED ; zftps-ack FTPD-REUSE-REQUIRED partners resume',
    'TLSTIMEOUT   3600',
    'PASSIVEDATAPORTS (40000,40199)',
    '',
  ];
  const block = (n: number) => {
    const b = [
      `; ------------------------------------------------------------------`,
      `; section ${n}: data set defaults for application group ${n}`,
      `; ------------------------------------------------------------------`,
      '',
      'DEBUG        BAS',
      'DEBUG        SEC          ; TLS trace while we migrate',
      'DUMP         NONE',
      'EXTENSIONS   SIZE',
      'EXTENSIONS   MDTM',
      '',
      '# hash comments work in our editor macro',
      'EXTENSIONS   UTF8',
      'EXTENSIONS   REST_STREAM  ; restart in stream mode',
      '; DEBUG       ALL         ; too noisy',
      '',
      'DEBUG        CMD',
      'DEBUG        FSC(1)',
      'DUMP         JES',
      '',
      '; end of section',
    ];
    if (n % 40 === 1) b.push('LRECL        256', 'RECFM        VB', 'INACTIVE     900', 'SECURE_LOGN  REQUIRED  ; typo', '');
    else b.push('', '; reviewed', '', '', '');
    return b;
  };
  const out = [...head];
  for (let n = 1; out.length < lines; n++) out.push(...block(n));
  out.length = lines;
  return out.join('\n') + '\n';
}

function lintPhase(work: string, lines: number, runs: number): void {
  const text = bigFtpData(lines);
  const ftpFile = join(work, 'FTP.DATA');
  const policyFile = join(work, 'attls-policy.conf');
  writeFileSync(ftpFile, text);
  writeFileSync(policyFile, POLICY);
  const parse: number[] = [];
  const total: number[] = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    let t0 = process.hrtime.bigint();
    const input = readFileSync(ftpFile);
    parseFtpData(input, ftpFile);
    parsePolicy(readFileSync(policyFile), policyFile);
    parse.push(seconds(process.hrtime.bigint() - t0));
    t0 = process.hrtime.bigint();
    findings = lintFiles(ftpFile, { policy: policyFile }).findings.length;
    total.push(seconds(process.hrtime.bigint() - t0));
  }
  const spread = (xs: number[]) => `min ${round(Math.min(...xs))} s, max ${round(Math.max(...xs))} s over ${runs} runs`;
  figure('lint.parse.seconds', round(median(parse)), 's', `median; read + parse of ${lines} lines and the policy; ${spread(parse)}`);
  figure('lint.total.seconds', round(median(total)), 's', `median; lintFiles (read, parse, ${findings} findings); ${spread(total)}`);
  figure('lint.lines_per_second', Math.round(lines / median(total)), 'lines/s', 'FTP.DATA lines / median total lint time');
  figure('lint.peak_rss', peakRssMiB(), 'MiB');
}

// ---------------------------------------------------------------- driver

/** Runs one phase in a fresh process (same loader flags), passing its output through. */
function child(args: string[]): void {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`phase '${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
}

async function main(): Promise<void> {
  const servers = count('servers', 200);
  const perRing = count('servers-per-ring', 10);
  const lines = count('lines', 100_000);
  const runs = count('runs', 5);
  const phase = option('phase', '');
  const work = option('work', '');
  if (phase === 'synth-cold' || phase === 'synth-warm') return synthPhase(phase === 'synth-cold' ? 'cold' : 'warm', work, servers, perRing);
  if (phase === 'lint') return lintPhase(work, lines, runs);

  const only = option('only', '');
  console.log(`MACHINE nproc=${availableParallelism()} node=${process.version} cpu="${cpus()[0]?.model ?? 'unknown'}" loadavg=${loadavg().map((l) => l.toFixed(2)).join(',')}`);
  const dir = mkdtempSync(join(tmpdir(), 'zftps-bench-synth-'));
  const pass = ['--servers', String(servers), '--servers-per-ring', String(perRing), '--lines', String(lines), '--runs', String(runs), '--work', dir];
  try {
    if (only !== 'lint') {
      child(['--phase', 'synth-cold', ...pass]);
      child(['--phase', 'synth-warm', ...pass]);
    }
    if (only !== 'synth') child(['--phase', 'lint', ...pass]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`MACHINE loadavg_after=${loadavg().map((l) => l.toFixed(2)).join(',')}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
