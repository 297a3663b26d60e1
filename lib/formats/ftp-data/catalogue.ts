/**
 * The z/OS Communications Server FTP.DATA statement catalogue: every statement the
 * server (and, so that misplaced ones can be named, the client) understands, with
 * its grammar and the value z/OS assumes when it is not coded.
 *
 * Evidence tags follow docs/zos-reference.md §0: V = verified in a public IBM page,
 * S = stated in the seed document, I = inferred / background knowledge (treat the
 * value as a hypothesis). `evidence` covers the statement and its grammar,
 * `defaultEvidence` the default. Ranges that could not be verified are kept wide so
 * that validation never rejects a value z/OS would take.
 */
import { FTP_DATA_CIPHER_NAMES } from '../../model/cipher-suites';

export type Evidence = 'V' | 'S' | 'I';
export type AppliesTo = 'server' | 'client' | 'both';

/** How the value tokens of a statement are formed. */
export type Grammar =
  /** One token out of a fixed list (compared case-insensitively). */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** TRUE or FALSE. */
  | { readonly kind: 'boolean' }
  /** A decimal integer in [min, max], or one of `also` (e.g. 0 = off). */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly also?: readonly number[] }
  /** A three-digit octal permission mask such as 027. */
  | { readonly kind: 'octal' }
  /** One token: a name, data set name, path or address; `pattern` when its form is known. */
  | { readonly kind: 'string'; readonly what: string; readonly pattern?: RegExp; readonly maxLength?: number }
  /** `(low,high)` port range, blanks allowed inside. */
  | { readonly kind: 'portRange' }
  /** Free tokens (e.g. DEBUG options); `pattern` checks each one when given. */
  | { readonly kind: 'tokens'; readonly what: string; readonly min: number; readonly max?: number; readonly pattern?: RegExp };

export interface StatementInfo {
  /** Upper-case keyword. */
  readonly keyword: string;
  /** True for statements that configure TLS (the ones the rule catalogue looks at). */
  readonly tls: boolean;
  readonly appliesTo: AppliesTo;
  /** May be coded several times with each occurrence counting (EXTENSIONS, CIPHERSUITE). */
  readonly repeatable: boolean;
  readonly grammar: Grammar;
  /** True when the keyword may be coded alone (e.g. ANONYMOUS, SMFEXIT). */
  readonly valueOptional: boolean;
  /** What z/OS assumes when the statement is absent, as it would be coded; undefined = nothing (feature off / none). */
  readonly zosDefault: string | undefined;
  readonly defaultEvidence: Evidence;
  readonly evidence: Evidence;
  readonly summary: string;
}

// ---- grammar helpers ----
const bool: Grammar = { kind: 'boolean' };
const oneOf = (...values: string[]): Grammar => ({ kind: 'enum', values });
const int = (min: number, max: number, ...also: number[]): Grammar => ({ kind: 'integer', min, max, also });
const octal: Grammar = { kind: 'octal' };
const str = (what: string, pattern?: RegExp, maxLength?: number): Grammar => ({ kind: 'string', what, pattern, maxLength });
const tokens = (what: string, min: number, max?: number, pattern?: RegExp): Grammar => ({ kind: 'tokens', what, min, max, pattern });

/** Wide bound for integers whose documented maximum was not verified. */
const INT_MAX = 2147483647;
const SMS_NAME = /^[A-Za-z$#@][A-Za-z0-9$#@]{0,7}$/;
const DSN_OR_PATH = /^(\/\S*|'?[A-Za-z$#@][A-Za-z0-9$#@\-.()]*'?)$/;
const SMF_VALUE = oneOf('STD', 'TYPE119');
const DATA_CONN = tokens('code page conversion: a table name, (file_cp,network_cp), FTP_STANDARD_TABLE or ISO8859-1', 1, 1);
const RECFMS = ['F', 'FA', 'FB', 'FBA', 'FBM', 'FBS', 'FBSA', 'FBSM', 'FM', 'FS', 'FSA', 'FSM', 'U', 'UA', 'UM',
  'V', 'VA', 'VB', 'VBA', 'VBM', 'VBS', 'VBSA', 'VBSM', 'VM', 'VS', 'VSA', 'VSM'];
/** The ten names System SSL takes on the CIPHERSUITE statement (zos-reference §2.4), from the one cipher table. */
export const FTP_CIPHER_SUITES: readonly string[] = FTP_DATA_CIPHER_NAMES;
export const FTP_EXTENSIONS = ['AUTH_GSSAPI', 'AUTH_TLS', 'SIZE', 'MDTM', 'UTF8', 'REST_STREAM'] as const;

type Row = [
  keyword: string,
  appliesTo: AppliesTo,
  grammar: Grammar,
  zosDefault: string | undefined,
  defaultEvidence: Evidence,
  evidence: Evidence,
  summary: string,
  flags?: { tls?: boolean; repeatable?: boolean; valueOptional?: boolean },
];

const TLS = { tls: true };

// One row per statement, alphabetical. Keep summaries to one line.
const ROWS: readonly Row[] = [
  ['ACCESSERRORMSGS', 'server', bool, 'FALSE', 'I', 'V', 'Send detailed login-failure replies to clients.'],
  ['ADMINEMAILADDRESS', 'server', str('e-mail address'), undefined, 'I', 'V', 'Address shown for %E in banner and message files.'],
  ['ANONYMOUS', 'server', tokens('user_id, user_id/password or user_id/SURROGATE', 0, 1, /^[A-Za-z0-9$#@]{1,8}(\/\S+)?$/), undefined, 'I', 'V',
    'Allow USER ANONYMOUS; without a value the ANONYMOUS user ID is used.', { valueOptional: true }],
  ['ANONYMOUSFILEACCESS', 'server', oneOf('MVS', 'HFS', 'BOTH'), 'MVS', 'I', 'V', 'Which file systems anonymous users may access (ANONYMOUSLEVEL 3).'],
  ['ANONYMOUSFILETYPEJES', 'server', bool, 'FALSE', 'I', 'V', 'Let anonymous users use FILETYPE=JES (submit jobs).'],
  ['ANONYMOUSFILETYPESEQ', 'server', bool, 'TRUE', 'I', 'V', 'Let anonymous users use FILETYPE=SEQ.'],
  ['ANONYMOUSFILETYPESQL', 'server', bool, 'FALSE', 'I', 'V', 'Let anonymous users use FILETYPE=SQL.'],
  ['ANONYMOUSFTPLOGGING', 'server', bool, 'FALSE', 'I', 'V', 'Log anonymous session activity to syslogd.'],
  ['ANONYMOUSHFSDIRMODE', 'server', octal, '555', 'I', 'V', 'Permission bits of directories anonymous users create.'],
  ['ANONYMOUSHFSFILEMODE', 'server', octal, '444', 'I', 'V', 'Permission bits of files anonymous users create.'],
  ['ANONYMOUSHFSINFO', 'server', str('z/OS UNIX file name'), undefined, 'I', 'V', 'Welcome file shown to anonymous users for z/OS UNIX directories.'],
  ['ANONYMOUSLEVEL', 'server', oneOf('1', '2', '3'), '3', 'V', 'V', 'Kind of anonymous access (3 is the default from z/OS 2.4; 1 before).'],
  ['ANONYMOUSLOGINMSG', 'server', str('data set or file name'), undefined, 'I', 'V', 'Login message file for anonymous users.'],
  ['ANONYMOUSMVSINFO', 'server', str('data set name'), undefined, 'I', 'V', 'Welcome data set shown to anonymous users for MVS directories.'],
  ['APPLNAME', 'server', str('application name (1-8 characters)', /^[A-Za-z$#@][A-Za-z0-9$#@]{0,7}$/), undefined, 'I', 'V', 'Application name used for SAF (APPL class) checks; new in V2R1.'],
  ['ASATRANS', 'both', bool, 'FALSE', 'I', 'V', 'Translate ASA carriage-control characters.'],
  ['AUTOMOUNT', 'both', bool, 'TRUE', 'I', 'V', 'Mount direct-access volumes automatically.'],
  ['AUTORECALL', 'both', bool, 'TRUE', 'I', 'V', 'Recall migrated data sets automatically.'],
  ['AUTOTAPEMOUNT', 'both', bool, 'FALSE', 'I', 'I', 'Allow tape mounts for data set access.'],
  ['BANNER', 'server', str('data set or file name', DSN_OR_PATH), undefined, 'I', 'I', 'File whose text is sent with the 220 greeting.'],
  ['BLKSIZE', 'both', int(0, 32760), '6233', 'I', 'V', 'Block size of new data sets.'],
  ['BLOCKSIZE', 'both', int(0, 32760), undefined, 'I', 'I', 'Older spelling of the block size of new data sets; prefer BLKSIZE.'],
  ['BUFNO', 'both', int(1, 35), '5', 'I', 'V', 'Number of access-method buffers.'],
  ['CCONNTIME', 'client', int(0, INT_MAX), '30', 'I', 'I', 'Seconds the client waits for a control connection to close.'],
  ['CCXLATE', 'both', str('translation table name'), undefined, 'I', 'I', 'Translation table for the control connection.'],
  ['CHKCONFIDENCE', 'both', bool, 'FALSE', 'I', 'I', 'Report confidence level of data set transfers (checkpoint).'],
  ['CHKPTINT', 'both', int(0, INT_MAX), '0', 'I', 'V', 'Checkpoint interval in records (0 = no checkpointing).'],
  ['CHKPTPREFIX', 'client', oneOf('HOME', 'USERID', 'LOCAL'), 'HOME', 'I', 'I', 'Where the client writes its checkpoint data set.'],
  ['CIPHERSUITE', 'both', oneOf(...FTP_CIPHER_SUITES), undefined, 'S', 'V',
    'One cipher System SSL may use with TLSMECHANISM FTP; order of statements = preference.', { tls: true, repeatable: true }],
  ['CLIENTERRCODES', 'client', oneOf('FALSE', 'EXTENDED'), 'FALSE', 'I', 'I', 'Client return codes for batch jobs.'],
  ['CONDDISP', 'both', oneOf('CATLG', 'DELETE'), 'CATLG', 'I', 'V', 'What happens to a new data set when a transfer fails.'],
  ['CTRLCONN', 'both', tokens('code page, 7BIT, ASCII or FTP_STANDARD_TABLE', 1, 1), '7BIT', 'I', 'I', 'Code page of the control connection.'],
  ['DATACLASS', 'both', str('SMS data class', SMS_NAME), undefined, 'I', 'V', 'SMS data class of new data sets.'],
  ['DATACTTIME', 'both', int(0, INT_MAX), '120', 'I', 'I', 'Seconds to wait for activity on a data connection before ending it.'],
  ['DATAKEEPALIVE', 'both', int(60, 86400, 0), '0', 'V', 'V', 'Keepalive interval for data connections (0 = stack setting).'],
  ['DB2', 'both', str('DB2 subsystem name', /^[A-Za-z$#@][A-Za-z0-9$#@]{0,3}$/), 'DB2', 'I', 'V', 'DB2 subsystem for FILETYPE=SQL.'],
  ['DB2PLAN', 'both', str('plan name', SMS_NAME), 'EZAFTPMQ', 'I', 'I', 'DB2 plan name for FILETYPE=SQL.'],
  ['DBSUB', 'both', bool, 'FALSE', 'I', 'V', 'Substitute untranslatable DBCS characters.'],
  ['DCBDSN', 'both', str('data set name'), undefined, 'I', 'V', 'Model data set for DCB attributes of new data sets.'],
  ['DCONNTIME', 'client', int(0, INT_MAX), '120', 'I', 'I', 'Seconds the client waits for a data connection to close.'],
  ['DEBUG', 'both', tokens('trace options such as ALL, NONE, BAS, CMD, FLO, PAR, INT, ACC, UTL, SEC, JES, SQL, FSC(n), SOC(n)', 1, undefined,
    /^\(?[A-Za-z]{2,4}(\(\d\))?\)?,?$/), undefined, 'I', 'V', 'Server trace points; DEBUG SEC traces TLS/AT-TLS.', { repeatable: true }],
  ['DEBUGONSITE', 'server', bool, 'FALSE', 'I', 'I', 'Allow clients to change tracing with SITE DEBUG.'],
  ['DEST', 'server', str('NJE destination'), undefined, 'I', 'V', 'Route stored files to an NJE destination.'],
  ['DIRECTORY', 'both', int(1, 16777215), '27', 'I', 'V', 'Directory blocks of new partitioned data sets.'],
  ['DIRECTORYMODE', 'both', bool, 'FALSE', 'I', 'V', 'Treat each data set qualifier as a directory.'],
  ['DSNTYPE', 'both', oneOf('SYSTEM', 'BASIC', 'LARGE'), 'SYSTEM', 'I', 'V', 'Format of new physical sequential data sets (V1R13).'],
  ['DSWAITTIME', 'both', int(1, 14400, 0), '0', 'V', 'V', 'Minutes to retry a data set held by another job (0 = once).'],
  ['DSWAITTIMEREPLY', 'server', int(15, 60), '60', 'V', 'V', 'Seconds between 125 replies while waiting for a data set.'],
  ['DUMP', 'both', tokens('dump IDs 1-99, ALL, NONE, JES, SQL, FSC', 1, undefined), undefined, 'I', 'I', 'Extended dump points for diagnosis.', { repeatable: true }],
  ['DUMPONSITE', 'server', bool, 'FALSE', 'I', 'I', 'Allow clients to change dumping with SITE DUMP.'],
  ['EATTR', 'both', oneOf('SYSTEM', 'NO', 'OPT'), 'SYSTEM', 'I', 'V', 'Whether new data sets may have extended attributes (V1R13).'],
  ['EMAILADDRCHECK', 'server', oneOf('FALSE', 'WARNING', 'FAIL'), 'FALSE', 'I', 'V', 'Check the e-mail address anonymous users give as password.'],
  ['ENCODING', 'both', oneOf('SBCS', 'MBCS'), 'SBCS', 'I', 'V', 'Single- or multibyte data conversion.'],
  ['EPSV4', 'client', bool, 'FALSE', 'I', 'V', 'Client uses EPSV/EPRT on IPv4 sessions.'],
  ['EXTENSIONS', 'both', oneOf(...FTP_EXTENSIONS), undefined, 'V', 'V',
    'Enable one FTP extension; EXTENSIONS AUTH_TLS enables TLS.', { tls: true, repeatable: true }],
  ['FIFOIOTIME', 'both', int(1, 86400), '20', 'I', 'V', 'Seconds to wait for a read or write on a z/OS UNIX named pipe.'],
  ['FIFOOPENTIME', 'both', int(1, 86400), '60', 'I', 'V', 'Seconds to wait for a z/OS UNIX named pipe to open.'],
  ['FILETYPE', 'both', oneOf('SEQ', 'JES', 'SQL'), 'SEQ', 'V', 'V', 'Operating mode: files, JES jobs or SQL queries.'],
  ['FTPKEEPALIVE', 'both', int(60, 86400, 0), '0', 'I', 'V', 'Keepalive interval for the control connection (0 = stack setting).'],
  ['FTPLOGGING', 'server', bool, 'FALSE', 'I', 'V', 'Log session activity of non-anonymous users to syslogd.'],
  ['FWFRIENDLY', 'client', bool, 'FALSE', 'I', 'V', 'Client opens data connections passively (firewall friendly).'],
  ['HFSINFO', 'server', str('z/OS UNIX file name'), undefined, 'I', 'I', 'Welcome file shown for z/OS UNIX directories.'],
  ['INACTIVE', 'server', int(0, INT_MAX), '300', 'I', 'V', 'Seconds a control connection may idle between commands (0 = no limit).'],
  ['ISPFSTATS', 'both', bool, 'FALSE', 'I', 'V', 'Keep ISPF statistics for PDS members.'],
  ['JESENTRYLIMIT', 'server', int(1, 1024), '200', 'I', 'V', 'Most entries listed for FILETYPE=JES.'],
  ['JESGETBYDSN', 'server', bool, 'FALSE', 'I', 'V', 'Let GET on FILETYPE=JES submit a data set and return its output.'],
  ['JESINTERFACELEVEL', 'server', oneOf('1', '2'), '1', 'I', 'I', 'Level of the JES interface (2 = SITE JESOWNER etc.).'],
  ['JESLRECL', 'both', tokens('1-254 or *', 1, 1, /^(\*|\d{1,3})$/), '80', 'I', 'V', 'Record length of jobs submitted with FILETYPE=JES.'],
  ['JESPUTGETTO', 'both', int(0, 86400), '600', 'I', 'I', 'Seconds to wait for job output in JES PUT/GET mode.'],
  ['JESRECFM', 'both', oneOf('F', 'V', '*'), 'F', 'I', 'I', 'Record format of jobs submitted with FILETYPE=JES.'],
  ['KEYRING', 'both', str('SAF key ring, owner/ring or /path of a key database', /^\S+$/, 1023), undefined, 'V', 'V',
    'Key ring with the server certificate, for TLSMECHANISM FTP.', TLS],
  ['LISTLEVEL', 'both', oneOf('0', '1', '2'), '0', 'I', 'I', 'Format of MVS data set listings.'],
  ['LISTSUBDIR', 'server', bool, 'TRUE', 'I', 'V', 'NLST and LIST of z/OS UNIX directories include subdirectories.'],
  ['LOGCLIENTERR', 'client', bool, 'FALSE', 'I', 'I', 'Client logs errors to syslogd.'],
  ['LOGINMSG', 'server', str('data set or file name'), undefined, 'I', 'I', 'Message file sent after a successful login.'],
  ['LRECL', 'both', int(0, 32760), '256', 'I', 'V', 'Record length of new data sets.'],
  ['MBDATACONN', 'both', DATA_CONN, undefined, 'I', 'V', 'Code pages for multibyte data conversion.'],
  ['MBREQUIRELASTEOL', 'both', bool, 'TRUE', 'I', 'V', 'Require an end-of-line on the last multibyte record.'],
  ['MBSENDEOL', 'both', oneOf('CRLF', 'CR', 'LF', 'NONE'), 'CRLF', 'I', 'V', 'End-of-line sent with multibyte data.'],
  ['MGMTCLASS', 'both', str('SMS management class', SMS_NAME), undefined, 'I', 'V', 'SMS management class of new data sets.'],
  ['MIGRATEVOL', 'both', str('volume serial', /^[A-Za-z0-9$#@]{1,6}$/), 'MIGRAT', 'I', 'I', 'Volume serial that marks migrated data sets.'],
  ['MVSINFO', 'server', str('data set name'), undefined, 'I', 'I', 'Welcome data set shown for MVS directories.'],
  ['MYOPENTIME', 'client', int(0, INT_MAX), '60', 'I', 'I', 'Seconds the client waits for a connection to open.'],
  ['NETRCLEVEL', 'client', oneOf('1', '2'), '1', 'I', 'I', 'How the client searches its NETRC data set.'],
  ['PASSIVEDATACONN', 'server', oneOf('NOREDIRECT', 'REDIRECT'), 'NOREDIRECT', 'I', 'I', 'Accept passive data connections only from the control connection address.'],
  ['PASSIVEDATAPORTS', 'server', { kind: 'portRange' }, undefined, 'V', 'V', 'Port range (low,high) for passive data connections; default any ephemeral port.'],
  ['PASSIVEIGNOREADDR', 'client', bool, 'FALSE', 'V', 'V', 'Client ignores the address in the PASV reply.'],
  ['PDSTYPE', 'both', oneOf('PDS', 'PDSE'), undefined, 'I', 'I', 'Kind of new partitioned data sets (undefined = system default).'],
  ['PORTCOMMAND', 'server', oneOf('ACCEPT', 'REJECT'), 'ACCEPT', 'I', 'I', 'Whether the server accepts PORT and EPRT.'],
  ['PORTCOMMANDIPADDR', 'server', tokens('UNRESTRICTED or REJECTNOTCLIENT', 1, 1), 'UNRESTRICTED', 'I', 'I', 'Whether PORT may name an address other than the client\'s.'],
  ['PORTCOMMANDPORT', 'server', oneOf('UNRESTRICTED', 'NOLOWPORTS'), 'UNRESTRICTED', 'I', 'I', 'Whether PORT may name a port below 1024.'],
  ['PORTOFENTRY4', 'server', oneOf('TERMINAL', 'SERVAUTH'), 'TERMINAL', 'I', 'V', 'RACF port-of-entry class passed at login of IPv4 clients.'],
  ['PRIMARY', 'both', int(0, 16777215), '1', 'I', 'V', 'Primary space of new data sets (in SPACETYPE units).'],
  ['PROGRESS', 'client', int(0, INT_MAX), '10', 'I', 'I', 'Seconds between client transfer progress reports.'],
  ['QUOTESOVERRIDE', 'both', bool, 'TRUE', 'I', 'I', 'Quotes in a file name override the working directory.'],
  ['RDW', 'both', bool, 'FALSE', 'I', 'I', 'Keep record descriptor words of variable records.'],
  ['READTAPEFORMAT', 'both', tokens('tape record format', 1, 1), undefined, 'I', 'I', 'Record format used to read tapes.'],
  ['RECFM', 'both', oneOf(...RECFMS), 'VB', 'I', 'I', 'Record format of new data sets.'],
  ['REMOVEINBEOF', 'both', bool, 'FALSE', 'I', 'I', 'Remove UNIX end-of-file (X\'1A\') on inbound ASCII transfers.'],
  ['REPLYSECURITYLEVEL', 'server', oneOf('0', '1', '2', '3'), '0', 'I', 'V', 'How much system information replies reveal before login.'],
  ['RESTGET', 'client', bool, 'TRUE', 'I', 'I', 'Client allows restart of GET.'],
  ['RETPD', 'both', int(0, 93000), undefined, 'I', 'I', 'Retention period in days of new data sets.'],
  ['SBDATACONN', 'both', DATA_CONN, undefined, 'I', 'I', 'Code pages for single-byte data conversion.'],
  ['SBSENDEOL', 'both', oneOf('CRLF', 'CR', 'LF', 'NONE'), 'CRLF', 'I', 'I', 'End-of-line sent with single-byte data.'],
  ['SBSUB', 'both', bool, 'FALSE', 'I', 'I', 'Substitute untranslatable single-byte characters.'],
  ['SBSUBCHAR', 'both', tokens('SPACE or a hexadecimal byte', 1, 1, /^(SPACE|[0-9A-Fa-f]{2})$/i), 'SPACE', 'I', 'I', 'Substitution character for SBSUB.'],
  ['SECONDARY', 'both', int(0, 16777215), '1', 'I', 'V', 'Secondary space of new data sets (in SPACETYPE units).'],
  ['SECURE_CTRLCONN', 'both', oneOf('CLEAR', 'SAFE', 'PRIVATE'), 'CLEAR', 'V', 'V', 'Minimum protection of the control connection; SAFE/PRIVATE refuse CCC.', TLS],
  ['SECURE_DATACONN', 'both', oneOf('NEVER', 'CLEAR', 'SAFE', 'PRIVATE'), 'CLEAR', 'V', 'V', 'Minimum protection of data connections (PROT).', TLS],
  ['SECURE_FTP', 'both', oneOf('ALLOWED', 'REQUIRED'), 'ALLOWED', 'V', 'V', 'Whether every login must use a security mechanism (TLS or Kerberos).', TLS],
  ['SECURE_HOSTNAME', 'client', oneOf('IGNORE', 'REQUIRED'), 'IGNORE', 'I', 'V', 'Client checks the host name in the server certificate.', TLS],
  ['SECURE_LOGIN', 'server', oneOf('NO_CLIENT_AUTH', 'REQUIRED', 'VERIFY_USER'), 'NO_CLIENT_AUTH', 'V', 'V', 'Client certificate authentication level (none, level 1, level 2/3).', TLS],
  ['SECURE_MECHANISM', 'client', oneOf('TLS', 'GSSAPI'), undefined, 'I', 'V', 'Security mechanism the client requests with AUTH.', TLS],
  ['SECURE_PASSWORD', 'server', oneOf('REQUIRED', 'OPTIONAL'), 'REQUIRED', 'V', 'V', 'Whether a TLS user with a mapped client certificate still needs a password.', TLS],
  ['SECURE_PASSWORD_KERBEROS', 'server', oneOf('REQUIRED', 'OPTIONAL'), 'REQUIRED', 'I', 'I', 'Whether a Kerberos-authenticated user still needs a password.'],
  ['SECURE_PBSZ', 'both', int(512, 32768), '16384', 'I', 'V', 'Largest protection buffer size offered on PBSZ (Kerberos).', TLS],
  ['SECURE_SESSION_REUSE', 'both', oneOf('ALLOWED', 'REQUIRED', 'NONE'), 'ALLOWED', 'V', 'V',
    'Whether data connections must resume the control connection\'s TLS session (NONE is client only).', TLS],
  ['SECUREIMPLICITZOS', 'both', bool, 'TRUE', 'V', 'V', 'On TLSPORT: TRUE = 220 in clear then handshake; FALSE = handshake first.', TLS],
  ['SEQNUMSUPPORT', 'client', bool, 'FALSE', 'I', 'V', 'Client strips sequence numbers from DD INPUT subcommands.'],
  ['SMF', 'server', tokens('STD, TYPE119 or a subtype number', 1, 1, /^(STD|TYPE119|\d{1,3})$/i), undefined, 'I', 'I', 'Write SMF records for all FTP server events.'],
  ['SMFAPPE', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for APPE.'],
  ['SMFDCFG', 'server', oneOf('TYPE119'), undefined, 'I', 'V', 'SMF 119 record with the daemon configuration at start (V2R1).'],
  ['SMFDEL', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for DELE.'],
  ['SMFEXIT', 'server', tokens('no value', 0, 0), undefined, 'I', 'I', 'Call the FTPSMFEX user exit for type 118 records.', { valueOptional: true }],
  ['SMFJES', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for JES submissions.'],
  ['SMFLOGN', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for login failures.'],
  ['SMFREN', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for RNFR/RNTO.'],
  ['SMFRETR', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for RETR.'],
  ['SMFSQL', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for SQL queries.'],
  ['SMFSTOR', 'server', SMF_VALUE, undefined, 'I', 'I', 'SMF records for STOR and STOU.'],
  ['SOCKSCONFIGFILE', 'client', str('z/OS UNIX file name'), undefined, 'I', 'I', 'Client SOCKS configuration file.'],
  ['SPACETYPE', 'both', oneOf('BLOCK', 'TRACK', 'CYLINDER'), 'TRACK', 'I', 'I', 'Unit of PRIMARY and SECONDARY.'],
  ['SPREAD', 'both', bool, 'FALSE', 'I', 'I', 'SQL output in spreadsheet format.'],
  ['SQLCOL', 'both', oneOf('NAMES', 'LABELS', 'ANY'), 'NAMES', 'I', 'I', 'SQL output column headings.'],
  ['SSLV3', 'both', bool, 'FALSE', 'I', 'V', 'Allow SSLv3 on TLS implemented by FTP (V2R1).', TLS],
  ['STARTDIRECTORY', 'server', oneOf('MVS', 'HFS'), 'MVS', 'I', 'V', 'Start directory after login: the user\'s MVS prefix or UNIX home.'],
  ['STORCLASS', 'both', str('SMS storage class', SMS_NAME), undefined, 'I', 'I', 'SMS storage class of new data sets.'],
  ['SUPPRESSIGNOREWARNINGS', 'both', bool, 'FALSE', 'I', 'I', 'Suppress warnings for ignored SITE/LOCSITE parameters.'],
  ['TAPEREADSTREAM', 'both', bool, 'FALSE', 'I', 'I', 'Read tapes in stream mode.'],
  ['TLSMECHANISM', 'both', oneOf('FTP', 'ATTLS'), 'FTP', 'V', 'V', 'Who performs TLS: FTP through System SSL, or AT-TLS in the stack.', TLS],
  ['TLSPORT', 'both', int(0, 65535), '990', 'V', 'V', 'Port for implicit (unconditional) TLS; 0 disables it.', TLS],
  ['TLSRFCLEVEL', 'both', oneOf('DRAFT', 'RFC4217', 'CCCNONOTIFY'), 'DRAFT', 'V', 'V', 'Level of the FTP-over-TLS protocol: Internet draft or RFC 4217.', TLS],
  ['TLSTIMEOUT', 'both', int(0, 86400), '100', 'I', 'V', 'Seconds a cached TLS session stays resumable (TLSMECHANISM FTP).', TLS],
  ['TRAILINGBLANKS', 'both', bool, 'FALSE', 'I', 'I', 'Keep trailing blanks of fixed-format records.'],
  ['TRUNCATE', 'both', bool, 'TRUE', 'I', 'I', 'Truncate records longer than LRECL instead of failing.'],
  ['UCSHOSTCS', 'both', str('EBCDIC code set name'), undefined, 'I', 'I', 'EBCDIC code set for UCS-2 conversion.'],
  ['UCSSUB', 'both', bool, 'FALSE', 'I', 'I', 'Substitute untranslatable UCS-2 characters.'],
  ['UCSTRUNC', 'both', bool, 'FALSE', 'I', 'I', 'Allow truncation in UCS-2 conversion.'],
  ['UMASK', 'both', octal, '027', 'I', 'V', 'File mode creation mask for new z/OS UNIX files.'],
  ['UNICODEFILESYSTEMBOM', 'both', oneOf('ASIS', 'ADD', 'REMOVE'), 'ASIS', 'I', 'I', 'Byte-order mark handling for Unicode files.'],
  ['UNITNAME', 'both', str('unit name'), undefined, 'I', 'I', 'Unit of new data sets.'],
  ['UNIXFILETYPE', 'both', oneOf('FILE', 'FIFO'), 'FILE', 'I', 'I', 'Treat z/OS UNIX files as regular files or named pipes.'],
  ['VCOUNT', 'both', int(1, 255), '59', 'I', 'V', 'Most volumes of a new tape data set.'],
  ['VERIFYUSER', 'server', bool, 'FALSE', 'I', 'V', 'Check the login user against the FTP port SERVAUTH profile.'],
  ['VOLUME', 'both', tokens('volume serials, separated by commas', 1, 1, /^[A-Za-z0-9$#@]{1,6}(,[A-Za-z0-9$#@]{1,6})*$/), undefined, 'I', 'I', 'Volumes of new data sets.'],
  ['WLMCLUSTERNAME', 'server', tokens('sysplex distributor group names', 1, undefined, /^[A-Za-z0-9$#@]{1,18}$/), undefined, 'I', 'I', 'WLM cluster names the server registers for sysplex distribution.'],
  ['WRAPRECORD', 'both', bool, 'FALSE', 'I', 'I', 'Wrap records longer than LRECL onto the next record.'],
  ['WRTAPEFASTIO', 'both', bool, 'FALSE', 'I', 'I', 'Write ASCII stream data to tape with BSAM fast I/O.'],
];

export const FTP_DATA_STATEMENTS: ReadonlyMap<string, StatementInfo> = new Map(
  ROWS.map(([keyword, appliesTo, grammar, zosDefault, defaultEvidence, evidence, summary, flags]) => [
    keyword,
    {
      keyword,
      appliesTo,
      grammar,
      zosDefault,
      defaultEvidence,
      evidence,
      summary,
      tls: flags?.tls ?? false,
      repeatable: flags?.repeatable ?? false,
      valueOptional: flags?.valueOptional ?? false,
    },
  ]),
);

/** Human description of a grammar, for messages and docs. */
export function describeGrammar(g: Grammar): string {
  switch (g.kind) {
    case 'enum':
      return g.values.join(' | ');
    case 'boolean':
      return 'TRUE | FALSE';
    case 'integer': {
      const range = `an integer ${g.min}-${g.max === INT_MAX ? 'max' : g.max}`;
      return g.also?.length ? `${g.also.join(' or ')} or ${range}` : range;
    }
    case 'octal':
      return 'a three-digit octal mask (000-777)';
    case 'string':
      return g.what;
    case 'portRange':
      return '(low,high) with ports 1-65535 and low <= high';
    case 'tokens':
      return g.what;
  }
}

/** Parses a PASSIVEDATAPORTS value, written `(low,high)` with optional blanks. */
export function parsePortRange(args: readonly string[]): { low: number; high: number } | undefined {
  const m = /^\(?(\d{1,5}),(\d{1,5})\)?$/.exec(args.join(''));
  if (!m) return undefined;
  const low = Number(m[1]);
  const high = Number(m[2]);
  if (low < 1 || high > 65535 || low > high) return undefined;
  return { low, high };
}

/**
 * Checks a statement's value tokens against its grammar. Returns a message saying
 * what is wrong, or undefined when the value fits. Unknown keywords return undefined
 * (the parser reports them as FTPD-UNKNOWN-STATEMENT). An absent value is reported
 * here too when the statement needs one; the parser reports it as FTPD-MISSING-VALUE.
 */
export function validateValue(keyword: string, args: readonly string[]): string | undefined {
  const info = FTP_DATA_STATEMENTS.get(keyword.toUpperCase());
  if (!info) return undefined;
  const g = info.grammar;
  const expected = describeGrammar(g);
  if (args.length === 0) {
    return info.valueOptional ? undefined : `${info.keyword} needs a value: ${expected}`;
  }
  if (g.kind === 'portRange') {
    return parsePortRange(args) ? undefined : `${info.keyword} ${args.join(' ')} is not ${expected}`;
  }
  if (g.kind === 'tokens') {
    if (g.max !== undefined && args.length > g.max) {
      return g.max === 0
        ? `${info.keyword} takes no value (found ${args.join(' ')})`
        : `${info.keyword} takes at most ${g.max} value${g.max === 1 ? '' : 's'} (found ${args.join(' ')})`;
    }
    const bad = g.pattern ? args.find((a) => !g.pattern!.test(a)) : undefined;
    return bad === undefined ? undefined : `${info.keyword} value ${bad} is not valid: expected ${expected}`;
  }
  if (args.length > 1) {
    return `${info.keyword} takes one value (found ${args.join(' ')}): expected ${expected}`;
  }
  const v = args[0];
  const ok = fitsSingle(g, v);
  return ok ? undefined : `${info.keyword} ${v} is not valid: expected ${expected}`;
}

function fitsSingle(g: Exclude<Grammar, { kind: 'portRange' | 'tokens' }>, v: string): boolean {
  switch (g.kind) {
    case 'enum':
      return g.values.includes(v.toUpperCase());
    case 'boolean':
      return /^(TRUE|FALSE)$/i.test(v);
    case 'integer': {
      if (!/^\d{1,10}$/.test(v)) return false;
      const n = Number(v);
      return (n >= g.min && n <= g.max) || (g.also ?? []).includes(n);
    }
    case 'octal':
      return /^[0-7]{3}$/.test(v);
    case 'string':
      return (g.maxLength === undefined || v.length <= g.maxLength) && (g.pattern === undefined || g.pattern.test(v));
  }
}

/**
 * Did-you-mean for an unknown keyword: the catalogue keyword with the smallest
 * edit distance (adjacent transpositions count once), if it is close enough to be
 * a typo rather than a different word.
 */
export function suggestKeyword(word: string): string | undefined {
  const w = word.toUpperCase();
  if (w.length < 3) return undefined;
  const limit = w.length <= 5 ? 1 : w.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const keyword of FTP_DATA_STATEMENTS.keys()) {
    if (Math.abs(keyword.length - w.length) > limit) continue;
    const d = editDistance(w, keyword);
    if (d < bestDistance) {
      best = keyword;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition).
 * One flat table, no per-row arrays: it runs against every keyword for each
 * unknown statement, which was a quarter of linting a large file.
 */
function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  const d = new Uint16Array((a.length + 1) * cols);
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * cols] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[a.length * cols + b.length]!;
}

/** The catalogue as a Markdown table (docs/ftp-data.md embeds it; a test keeps the two equal). */
export function statementTableMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = [...FTP_DATA_STATEMENTS.values()].map((s) => {
    const flags = [s.tls ? 'TLS' : '', s.repeatable ? 'repeatable' : ''].filter(Boolean).join(', ');
    const zosDefault = s.zosDefault === undefined ? '(none)' : `\`${s.zosDefault}\``;
    return `| ${s.keyword} | ${s.appliesTo} | ${flags} | ${cell(describeGrammar(s.grammar))} | ${zosDefault} [${s.defaultEvidence}] | ${s.evidence} | ${cell(s.summary)} |`;
  });
  return [
    '| statement | applies to | flags | value | z/OS default [evidence] | evidence | what it does |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
