/**
 * RACF side of a key ring: TSO commands and IKJEFT01 batch jobs that build on
 * z/OS the same ring synth built locally (the seed's "create the server key
 * ring database and add the certificates" step), register client certificates
 * to user IDs (level 2), define the level-3 port profile, and undo it all.
 * Every command template names the IBM page for its syntax. The PKCS#12
 * password is never written: the job reads it from the JCL symbol &P12PW.
 */
import type { KeyRingModel } from '../model/config';
import { dataSetNames, keyPaths } from '../pki/layout';
import { type DistinguishedName, type KeyRingSpec, keyringReference, tokenName } from '../pki/spec';
import type { KeyRingFiles } from '../pki/synthesize';
import { finish, jclComment, q, tsoCommand, tsoComment, wrapWords } from './text';

export interface RacfOptions {
  relDir: string;
  /** High-level qualifier for the upload data sets (default: the ring owner). */
  hlq?: string;
  /** Job name for the generated jobs (default ZFTPRING; 1-8 characters). */
  jobName?: string;
  /** Local artifact paths (from synthesizeKeyRing); used for the upload list. */
  files: KeyRingFiles;
}

export interface RacfFile {
  /** Path relative to the synth output root. */
  path: string;
  content: string;
  /** 'job' | 'tso' | 'undo' | 'genreq' | 'console' | 'gskkyman' | 'zosClientFtpData' | 'zosClientJob' */
  kind: string;
}

/**
 * IBM syntax pages, cited above each command by book and topic (a full URL does
 * not fit a 72-column comment; docs/key-ring.md lists the URLs).
 */
const RACF_BOOK = 'z/OS RACF Command Language Reference';
export const SYNTAX_PAGES = {
  add: { cite: `${RACF_BOOK}: RACDCERT ADD (topic le-add)`, url: 'https://ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.icha400/le-add.htm' },
  addring: { cite: `${RACF_BOOK}: RACDCERT ADDRING (topic le-addring)`, url: 'https://ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-addring.htm' },
  connect: { cite: `${RACF_BOOK}: RACDCERT CONNECT (topic le-connect)`, url: 'https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-connect.htm' },
  gencert: { cite: `${RACF_BOOK}: RACDCERT GENCERT (topic le-gencert)`, url: 'https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-gencert.htm' },
  genreq: { cite: `${RACF_BOOK}: RACDCERT GENREQ (topic le-genreq)`, url: 'https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-genreq.htm' },
  map: { cite: `${RACF_BOOK}: RACDCERT MAP (topic le-map)`, url: 'https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-map.htm' },
  addtoken: { cite: `${RACF_BOOK}: RACDCERT ADDTOKEN (topic le-addtoken)`, url: 'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-addtoken.htm' },
  bind: { cite: `${RACF_BOOK}: RACDCERT BIND (topic le-bind)`, url: 'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-bind.htm' },
  racdcert: { cite: `${RACF_BOOK}: RACDCERT, function index (topic radcertg)`, url: 'https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/radcertg.htm' },
  refresh: { cite: 'z/OS RACF Security Administrator\'s Guide: refreshing RACLISTed profiles (topic refrac)', url: 'https://www.ibm.com/docs/SSLTBW_2.5.0/com.ibm.zos.v2r5.icha700/refrac.htm' },
  level3: { cite: 'z/OS IP Configuration Reference: FTP VERIFYUSER, profile EZB.FTP.sys.daemon.PORTn (topic ftpserververifyuser)', url: 'https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz001/ftpserververifyuser.htm' },
  servauth: { cite: 'z/OS IP Configuration Guide: RDEFINE/PERMIT/REFRESH for EZB.FTP profiles (topic ftp_ctrl_user_access_to_unix_files)', url: 'https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ftp_ctrl_user_access_to_unix_files.htm' },
  symbols: { cite: 'z/OS MVS JCL Reference: symbols in JES in-stream data (topic jclsymstr)', url: 'https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.ieab600/jclsymstr.htm' },
  gskkyman: { cite: 'z/OS System SSL Programming: gskkyman, Import a certificate (topic sssl2gsk1757427)', url: 'https://www-01.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.gska100/sssl2gsk1757427.htm' },
  keyring: { cite: 'z/OS IP Configuration Reference: KEYRING statement (topic ftpcaskeyring)', url: 'https://www.ibm.com/docs/SSLTBW_3.2.0/com.ibm.zos.v3r2.halz001/ftpcaskeyring.htm' },
  listring: { cite: `${RACF_BOOK}: IRR.DIGTCERT.LISTRING access (topic le-listring)`, url: 'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-listring.htm' },
} as const;
const DOC = Object.fromEntries(Object.entries(SYNTAX_PAGES).map(([k, v]) => [k, v.cite])) as { [K in keyof typeof SYNTAX_PAGES]: string };

/** One step of a job: why (comment), where the syntax is documented, the commands. */
interface Step {
  title: string;
  doc?: string;
  commands: string[];
  /** Commands shown commented out (optional, first-time-only). */
  optional?: string[];
}

/** RACF SUBJECTSDN operand from a DN. */
function subjectSdn(dn: DistinguishedName): string {
  const parts: string[] = [`CN(${q(dn.commonName)})`];
  if (dn.organizationalUnit) parts.push(`OU(${q(dn.organizationalUnit)})`);
  if (dn.organization) parts.push(`O(${q(dn.organization)})`);
  if (dn.locality) parts.push(`L(${q(dn.locality)})`);
  if (dn.state) parts.push(`SP(${q(dn.state)})`);
  if (dn.country) parts.push(`C(${q(dn.country)})`);
  return `SUBJECTSDN(${parts.join(' ')})`;
}

/** A DN in RACF's filter form: most specific RDN first, separated by '.', e.g. 'CN=CA.O=Example.C=US'. */
export function racfFilterDn(dn: DistinguishedName): string {
  return [
    ['CN', dn.commonName],
    ['OU', dn.organizationalUnit],
    ['O', dn.organization],
    ['L', dn.locality],
    ['SP', dn.state],
    ['C', dn.country],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('.');
}

function renderSteps(steps: readonly Step[]): string[] {
  const lines: string[] = [];
  for (const s of steps) {
    if (s.commands.length === 0 && !s.optional?.length) continue;
    lines.push('');
    lines.push(...tsoComment(s.title));
    if (s.doc) lines.push(...tsoComment(`Syntax: ${s.doc}.`));
    for (const c of s.optional ?? []) lines.push(...tsoComment(`optional: ${c}`, 2));
    for (const c of s.commands) lines.push(...tsoCommand(c));
  }
  return lines;
}

function jobCard(jobName: string, title: string): string[] {
  return [
    `//${jobName.padEnd(8)} JOB (ACCT),'${title.slice(0, 20)}',CLASS=A,MSGCLASS=X,`,
    '//             MSGLEVEL=(1,1),NOTIFY=&SYSUID',
  ];
}

/** An IKJEFT01 job around TSO commands; with `p12` the &P12PW symbol is exported into SYSTSIN. */
function tsoJob(jobName: string, title: string, header: string, body: string[], p12: boolean): string {
  const lines = [...jobCard(jobName, title), ...jclComment(header)];
  if (p12) {
    lines.push(
      ...jclComment(
        'Fill in P12PW from the .p12.password file just before you submit, and do not save the job with it: ' +
          'JES substitutes it into SYSTSIN (SYMBOLS=JCLONLY, ' + DOC.symbols + '). ' +
          'Letters and digits only, so it needs no quoting.',
      ),
      '//         EXPORT SYMLIST=(P12PW)',
      "//         SET P12PW='________'",
    );
  }
  lines.push(
    '//RACF     EXEC PGM=IKJEFT01,DYNAMNBR=20',
    '//SYSTSPRT DD SYSOUT=*',
    p12 ? '//SYSTSIN  DD DATA,DLM=$$,SYMBOLS=JCLONLY' : '//SYSTSIN  DD DATA,DLM=$$',
    ...body,
    '$$',
  );
  return finish(lines);
}

interface Plan {
  build: Step[];
  undo: Step[];
  genreq?: Step[];
  uploads: { local: string; dsn: string; mode: 'binary' | 'text' }[];
  usesP12: boolean;
}

function plan(spec: KeyRingSpec, facts: KeyRingModel, opts: RacfOptions): Plan {
  const owner = spec.ringOwner.toUpperCase();
  const ring = spec.ringName;
  const dsn = dataSetNames(opts.hlq ?? owner);
  const paths = keyPaths(opts.relDir);
  const uploads: Plan['uploads'] = [];
  const build: Step[] = [];
  const undo: Step[] = [];
  const saf = spec.form === 'saf' || spec.form === 'saf-shared';
  const token = spec.form === 'token' ? tokenName(spec) : undefined;
  const serverLabel = spec.server.label;
  const fromCsr = !!spec.server.csr;

  // CAs (ours and the issuers of brought-in chains) are added as CERTAUTH and trusted.
  const caAdds: string[] = [];
  opts.files.cas.forEach((ca, i) => {
    uploads.push({ local: ca.certificate, dsn: dsn.ca(i), mode: 'text' });
    caAdds.push(`RACDCERT CERTAUTH ADD(${q(dsn.ca(i))}) WITHLABEL(${q(ca.label)}) TRUST`);
  });
  build.push({ title: 'Certificate authorities: trusted CERTAUTH certificates (the trust anchors of the ring).', doc: DOC.add, commands: caAdds });

  let serverAdd: string;
  if (fromCsr) {
    uploads.push({ local: paths.serverLeafCertificate, dsn: dsn.serverCertificate, mode: 'text' });
    serverAdd = `RACDCERT ID(${owner}) ADD(${q(dsn.serverCertificate)}) WITHLABEL(${q(serverLabel)}) TRUST`;
    build.push({
      title: `Server certificate: the CA-signed certificate for the request made by the GENREQ job; RACF pairs it with the private key that stayed on z/OS.`,
      doc: DOC.add,
      commands: [serverAdd],
    });
  } else {
    uploads.push({ local: opts.files.serverPkcs12!, dsn: dsn.serverPkcs12, mode: 'binary' });
    serverAdd = `RACDCERT ID(${owner}) ADD(${q(dsn.serverPkcs12)}) WITHLABEL(${q(serverLabel)}) PASSWORD('&P12PW') TRUST`;
    build.push({
      title: `Server certificate and private key from the PKCS#12 package, owned by the server user ID ${owner} (R_datalib returns a private key only to its owner).`,
      doc: DOC.add,
      commands: [serverAdd],
    });
  }

  // Client certificates: registered to user IDs (level 2) and, when self-signed, trusted in the ring.
  const clientAdds: string[] = [];
  const clientConnects: string[] = [];
  const clientBinds: string[] = [];
  const clientUndo: string[] = [];
  facts.clientCertificates.forEach((c, i) => {
    const f = opts.files.clients[i]!;
    const needed = !!c.userId || c.selfSigned;
    if (!needed) return;
    uploads.push({ local: f.certificate, dsn: dsn.client(i), mode: 'text' });
    const ownerOp = c.userId ? `ID(${c.userId})` : 'CERTAUTH';
    clientAdds.push(`RACDCERT ${ownerOp} ADD(${q(dsn.client(i))}) WITHLABEL(${q(c.label)}) TRUST`);
    clientUndo.push(`RACDCERT ${ownerOp} DELETE(LABEL(${q(c.label)}))`);
    if (c.selfSigned) {
      // A self-signed client certificate is its own trust anchor: the seed puts it into the server ring.
      if (saf) clientConnects.push(`RACDCERT ID(${owner}) CONNECT(${ownerOp} LABEL(${q(c.label)}) RING(${ring}) USAGE(CERTAUTH))`);
      if (token) clientBinds.push(`RACDCERT BIND(${ownerOp} LABEL(${q(c.label)}) TOKEN(${token}) USAGE(CERTAUTH))`);
    }
  });
  build.push({
    title: 'Client certificates: RACDCERT ID(user) ADD ... TRUST maps each to its user ID (SECURE_LOGIN VERIFY_USER, SECURE_PASSWORD OPTIONAL); self-signed ones without a user ID are added as trusted CERTAUTH.',
    doc: DOC.add,
    commands: clientAdds,
  });

  const maps = spec.certificateMaps ?? [];
  const mapCommands = maps.map((m) => {
    const idn = m.issuerFilter ?? (m.signedBy ? racfFilterDn(spec.cas.find((c) => c.name === m.signedBy)!.subject) : undefined);
    const ops = [m.subjectFilter ? `SDNFILTER(${q(m.subjectFilter)})` : '', idn ? `IDNFILTER(${q(idn)})` : ''].filter(Boolean).join(' ');
    return `RACDCERT ID(${m.userId.toUpperCase()}) MAP ${ops} WITHLABEL(${q(m.label)}) TRUST`;
  });
  build.push({
    title: 'Certificate name filters (level 2): every certificate whose subject/issuer matches maps to the user ID. The issuer filter binds each filter to its CA.',
    doc: DOC.map,
    commands: mapCommands,
  });

  if (saf) {
    const connects = [
      `RACDCERT ID(${owner}) CONNECT(ID(${owner}) LABEL(${q(serverLabel)}) RING(${ring}) USAGE(PERSONAL) DEFAULT)`,
      ...opts.files.cas.map((ca) => `RACDCERT ID(${owner}) CONNECT(CERTAUTH LABEL(${q(ca.label)}) RING(${ring}) USAGE(CERTAUTH))`),
      ...clientConnects,
    ];
    build.push({ title: `Key ring ${ring} owned by ${owner} (KEYRING ${keyringReference(spec)}).`, doc: DOC.addring, commands: [`RACDCERT ID(${owner}) ADDRING(${ring})`] });
    build.push({
      title: 'Connect: the server certificate as the DEFAULT PERSONAL certificate (native TLS uses the default), the CAs and self-signed client certificates as CERTAUTH.',
      doc: DOC.connect,
      commands: connects,
    });
    if (spec.form === 'saf-shared') {
      build.push({
        title: `Shared ring: the FTP server's user ID needs UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), or with RDATALIB READ/UPDATE to ${owner}.${ring}.LST. See ${DOC.keyring} and ${DOC.listring}.`,
        commands: [],
      });
    }
  }
  if (token) {
    build.push({ title: `PKCS #11 token ${token} (FTP.DATA / policy key ring: ${keyringReference(spec)}).`, doc: DOC.addtoken, commands: [`RACDCERT ADDTOKEN(${token})`] });
    build.push({
      title: 'Bind the server certificate (PERSONAL, DEFAULT), the CAs and self-signed client certificates (CERTAUTH) to the token.',
      doc: DOC.bind,
      commands: [
        `RACDCERT BIND(ID(${owner}) LABEL(${q(serverLabel)}) TOKEN(${token}) DEFAULT USAGE(PERSONAL))`,
        ...opts.files.cas.map((ca) => `RACDCERT BIND(CERTAUTH LABEL(${q(ca.label)}) TOKEN(${token}) USAGE(CERTAUTH))`),
        ...clientBinds,
      ],
    });
  }

  const level3Profiles = spec.level3
    ? spec.level3.ports.map((p) => `EZB.FTP.${spec.level3!.sysname.toUpperCase()}.${spec.level3!.daemonJobName.toUpperCase()}.PORT${p}`)
    : [];
  if (spec.level3) {
    build.push({
      title:
        'Level 3: only user IDs with READ to the FTP port profile may log in with a certificate. This is EZB.FTP.<sysname>.<daemon>.PORT<n>, not EZB.PORTACCESS (that guards the port bind).',
      doc: DOC.level3,
      optional: ['SETROPTS CLASSACT(SERVAUTH) (only if SERVAUTH is not active yet: activates every SERVAUTH profile)', 'SETROPTS RACLIST(SERVAUTH) (first time only)'],
      commands: [
        ...level3Profiles.map((p) => `RDEFINE SERVAUTH ${p} UACC(NONE)`),
        ...level3Profiles.flatMap((p) => spec.level3!.permittedUsers.map((u) => `PERMIT ${p} CLASS(SERVAUTH) ID(${u.toUpperCase()}) ACCESS(READ)`)),
      ],
    });
    build.push({ title: 'Activate the SERVAUTH changes.', doc: DOC.servauth, commands: ['SETROPTS RACLIST(SERVAUTH) REFRESH'] });
  }
  build.push({
    title: 'Refresh the RACLISTed certificate classes (harmless when they are not RACLISTed).',
    doc: DOC.refresh,
    commands: ['SETROPTS RACLIST(DIGTCERT DIGTRING DIGTNMAP) REFRESH'],
  });
  build.push({ title: 'Check the result.', doc: DOC.racdcert, commands: saf ? [`RACDCERT ID(${owner}) LISTRING(${ring})`] : token ? [`RACDCERT LISTTOKEN(${token})`] : [] });

  // Undo, in reverse order of dependencies.
  if (saf) undo.push({ title: `Delete the ring ${ring} (its connections go with it).`, doc: DOC.racdcert, commands: [`RACDCERT ID(${owner}) DELRING(${ring})`] });
  if (token) undo.push({ title: `Delete token ${token} (its bound objects go with it).`, doc: DOC.racdcert, commands: [`RACDCERT DELTOKEN(${token})`] });
  undo.push({ title: 'Delete the certificate name filters.', doc: DOC.racdcert, commands: maps.map((m) => `RACDCERT ID(${m.userId.toUpperCase()}) DELMAP(LABEL(${q(m.label)}))`) });
  undo.push({ title: 'Delete the client certificates registered by the build job.', doc: DOC.racdcert, commands: clientUndo });
  undo.push({ title: 'Delete the server certificate and its private key.', doc: DOC.racdcert, commands: [`RACDCERT ID(${owner}) DELETE(LABEL(${q(serverLabel)}))`] });
  undo.push({
    title: 'Delete the CA certificates. Skip any another ring still trusts.',
    doc: DOC.racdcert,
    commands: opts.files.cas.map((ca) => `RACDCERT CERTAUTH DELETE(LABEL(${q(ca.label)}))`),
  });
  if (spec.level3) {
    undo.push({ title: 'Delete the level-3 port profiles.', doc: DOC.servauth, commands: [...level3Profiles.map((p) => `RDELETE SERVAUTH ${p}`), 'SETROPTS RACLIST(SERVAUTH) REFRESH'] });
  }
  undo.push({ title: 'Refresh the RACLISTed certificate classes.', doc: DOC.refresh, commands: ['SETROPTS RACLIST(DIGTCERT DIGTRING DIGTNMAP) REFRESH'] });

  let genreq: Step[] | undefined;
  if (fromCsr) {
    const s = spec.server;
    const alt = [s.ipAddresses[0] ? `IP(${s.ipAddresses[0]})` : '', s.dnsNames[0] ? `DOMAIN(${q(s.dnsNames[0])})` : ''].filter(Boolean).join(' ');
    genreq = [
      {
        title: `Key pair and placeholder certificate on z/OS: the private key is generated here and never leaves. GENCERT takes one DOMAIN and one IP; the signed certificate carries every name of the spec.`,
        doc: DOC.gencert,
        commands: [
          `RACDCERT ID(${owner}) GENCERT ${subjectSdn(s.subject)} SIZE(${s.keyBits ?? spec.keyBits}) WITHLABEL(${q(s.label)}) KEYUSAGE(HANDSHAKE)${alt ? ` ALTNAME(${alt})` : ''}`,
        ],
      },
      {
        title: `Certificate request into ${dsn.serverCsr}: download it (text mode) and give it to synth as server.csr.csrPem.`,
        doc: DOC.genreq,
        commands: [`RACDCERT ID(${owner}) GENREQ(LABEL(${q(s.label)})) DSN(${q(dsn.serverCsr)})`],
      },
    ];
  }
  return { build, undo, genreq, uploads, usesP12: !fromCsr };
}

function uploadText(uploads: Plan['uploads']): string {
  if (uploads.length === 0) return 'Nothing to upload.';
  return (
    'Upload first (PEM in text mode so it is translated to EBCDIC, PKCS#12 in binary, RECFM=VB LRECL=84): ' +
    uploads.map((u) => `${u.local} -> '${u.dsn}' (${u.mode})`).join('; ') +
    '.'
  );
}

function gskkymanText(spec: KeyRingSpec, facts: KeyRingModel, opts: RacfOptions): string {
  const kdb = spec.ringName;
  const selfSignedClients = opts.files.clients.filter((c) => c.selfSigned);
  const lines = [
    `Key database ${kdb} (KEYRING ${kdb}). gskkyman is menu driven, so these are the menu steps.`,
    `Import options: ${DOC.gskkyman}.`,
    '',
    `1. Copy to z/OS UNIX: ${opts.files.serverPkcs12 ?? opts.files.serverCertificate} in binary; the PEM certificates in text mode: ` +
      [...opts.files.cas.map((c) => c.certificate), ...selfSignedClients.map((c) => c.certificate)].join(', ') + '.',
    `2. gskkyman, 1 Create new database: ${kdb} (or 2 Open database when it exists), with a database password.`,
    `3. Manage keys and certificates, Import certificate and private key: the PKCS#12 file with the password in ${opts.files.serverPkcs12Password ?? '(none)'}, label ${spec.server.label}; then Set key as default.`,
    '4. Manage certificates, Import a certificate (imported certificates are trusted): ' +
      [...opts.files.cas.map((c) => `${c.certificate} as ${c.label}`), ...selfSignedClients.map((c) => `${c.certificate} as ${c.label} (self-signed client)`)].join('; ') + '.',
    '5. Store database password: writes the .sth stash file next to the .kdb, where the FTP server looks for it.',
    '6. Let only the FTP server user ID read the .kdb and .sth files.',
    `Client certificates for VERIFY_USER (${facts.clientCertificates.filter((c) => c.userId).length}) and the level-3 profile are still RACF: run keyring.jcl.`,
  ];
  return finish(lines.flatMap((l) => (l === '' ? [';'] : wrapWords(l, 68).map((w, i) => (i === 0 ? `; ${w}` : `;   ${w}`)))));
}

function zosClientFiles(spec: KeyRingSpec, facts: KeyRingModel, opts: RacfOptions, dsnBase: string): RacfFile[] {
  const out: RacfFile[] = [];
  const serverSelfSigned = facts.serverCertificate?.selfSigned ?? false;
  // The seed: a self-signed server certificate goes into every client ring; a CA-signed one → the CA, not the server certificate.
  const anchorLabel = serverSelfSigned ? spec.server.label : (opts.files.cas.find((c) => c.name === spec.server.signedBy) ?? opts.files.cas[0])?.label;
  for (const c of spec.zosClients ?? []) {
    const user = c.userId.toUpperCase();
    const level = c.tlsRfcLevel.toUpperCase();
    const ftpData = [
      `; FTP.DATA for the z/OS FTP client of user ${user} connecting to`,
      `; server ${spec.id}. TLSRFCLEVEL must match the server's (${level}),`,
      '; or sessions reset or hang.',
      `SECURE_MECHANISM TLS`,
      `TLSMECHANISM     ${c.tlsMechanism}`,
      `TLSRFCLEVEL      ${level}`,
      ...(c.tlsMechanism === 'FTP'
        ? [`KEYRING          ${c.ringName}`]
        : ['; TLSMECHANISM ATTLS: the ring is named by the client AT-TLS rule', `; (TTLSKeyringParms Keyring ${c.ringName}), not here.`]),
    ];
    out.push({ path: `${keyPaths(opts.relDir).racfDir}/zos-client-${user}.ftpdata`, content: finish(ftpData), kind: 'zosClientFtpData' });
    const trustLocal = opts.files.clientTrustBundle;
    const trustDsn = `${dsnBase}.TRUST.CRT`;
    const steps: Step[] = [
      { title: `Client ring ${c.ringName} for ${user}.`, doc: DOC.addring, commands: [`RACDCERT ID(${user}) ADDRING(${c.ringName})`] },
      {
        title: serverSelfSigned
          ? 'The server certificate is self-signed: the client ring must hold that certificate. (Same RACF database as the server? Skip the ADD and CONNECT the ID(server) certificate instead.)'
          : "The server certificate is CA-signed: the client ring holds the CA certificate, not the server's. (Same RACF database? Skip the ADD; the CA is already there.)",
        doc: DOC.add,
        commands: [`RACDCERT CERTAUTH ADD(${q(trustDsn)}) WITHLABEL(${q(anchorLabel ?? spec.server.label)}) TRUST`],
      },
      {
        title: 'Connect it as a trust anchor.',
        doc: DOC.connect,
        commands: [`RACDCERT ID(${user}) CONNECT(CERTAUTH LABEL(${q(anchorLabel ?? spec.server.label)}) RING(${c.ringName}) USAGE(CERTAUTH))`],
      },
      { title: 'Refresh.', doc: DOC.refresh, commands: ['SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH'] },
    ];
    const header = `zftps: trust for the z/OS FTP client ${user} of server ${spec.id}. Upload ${trustLocal} -> '${trustDsn}' (text mode) first.`;
    out.push({
      path: `${keyPaths(opts.relDir).racfDir}/zos-client-${user}.jcl`,
      content: tsoJob('ZFTPCLNT', 'ZFTPS CLIENT RING', header, renderSteps(steps), false),
      kind: 'zosClientJob',
    });
  }
  return out;
}

/** The RACF / gskkyman / operator files for one key ring. Paths are relative to the synth output root. */
export function renderRacfCommands(spec: KeyRingSpec, facts: KeyRingModel, opts: RacfOptions): RacfFile[] {
  const dir = keyPaths(opts.relDir).racfDir;
  const jobName = (opts.jobName ?? 'ZFTPRING').toUpperCase();
  const p = plan(spec, facts, opts);
  const upload = uploadText(p.uploads);
  const header = `zftps: key ring ${keyringReference(spec)} for server ${spec.id} (form ${spec.form}). ${upload}`;
  const out: RacfFile[] = [];

  const build = spec.form === 'kdb' ? p.build.filter((s) => !/^Certificate authorities|^Server certificate/.test(s.title)) : p.build;
  const buildBody = renderSteps(build);
  out.push({ path: `${dir}/keyring.jcl`, content: tsoJob(jobName, 'ZFTPS KEY RING', header, buildBody, p.usesP12 && spec.form !== 'kdb'), kind: 'job' });
  out.push({
    path: `${dir}/keyring.tso`,
    content: finish([
      ...tsoComment(`${header} Replace &P12PW with the PKCS#12 password before you run these; do not save it here.`),
      ...buildBody,
    ]),
    kind: 'tso',
  });
  const undo = spec.form === 'kdb' ? p.undo.filter((s) => !/^Delete the server|^Delete the CA/.test(s.title)) : p.undo;
  out.push({
    path: `${dir}/undo.jcl`,
    content: tsoJob(jobName, 'ZFTPS UNDO RING', `zftps: removes what keyring.jcl defined for ${spec.id}.`, renderSteps(undo), false),
    kind: 'undo',
  });
  if (p.genreq) {
    out.push({
      path: `${dir}/genreq.jcl`,
      content: tsoJob(jobName, 'ZFTPS GENREQ', `zftps: run BEFORE synth can sign the server certificate for ${spec.id}.`, renderSteps(p.genreq), false),
      kind: 'genreq',
    });
  }
  if (spec.form === 'kdb') out.push({ path: `${dir}/gskkyman-steps.txt`, content: gskkymanText(spec, facts, opts), kind: 'gskkyman' });
  out.push({
    path: `${dir}/operator-commands.txt`,
    content: finish([
      '; Operator commands after the job ran.',
      '; TLSMECHANISM ATTLS: make the Policy Agent rebuild its TLS environments',
      '; so they open the changed ring (see zos-reference section 4.1):',
      'F PAGENT,REFRESH',
      '; TLSMECHANISM FTP: the server reads FTP.DATA and the ring at start;',
      '; restart the FTP daemon to pick up a new default certificate.',
    ]),
    kind: 'console',
  });
  out.push(...zosClientFiles(spec, facts, opts, dataSetNames(opts.hlq ?? spec.ringOwner).serverPkcs12.replace(/\.SERVER\.P12$/, '')));
  return out;
}
