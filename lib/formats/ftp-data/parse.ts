/**
 * Reads an FTP.DATA file as people really write them: `;` comments (whole line or
 * trailing), `#` whole-line comments, any keyword case, tabs, CRLF, blank lines,
 * FB-80 members with sequence numbers in columns 73-80. It never throws on content:
 * what it cannot take becomes a finding with file:line, and every typed setting
 * falls back to the z/OS default (`explicit: false`) when no valid statement sets it.
 *
 * Values are not judged here beyond "is there one": the rule catalogue checks them
 * with `validateValue` over the raw `statements`.
 */
import { readTextInput } from '../text-input';
import { parseFinding, type Finding, type RuleSource, type Severity, type SourceLocation } from '../../diagnostics';
import type {
  Acknowledgement,
  Extension,
  FtpDataConfig,
  FtpDataStatement,
  SecureCtrlConnValue,
  SecureDataConnValue,
  SecureFtpValue,
  SecureLoginValue,
  SecurePasswordValue,
  SessionReuseValue,
  Setting,
  TlsMechanismValue,
  TlsRfcLevelValue,
} from '../../model/config';
import type { ParseResult } from '../types';
import { FTP_DATA_STATEMENTS, parsePortRange, suggestKeyword, validateValue } from './catalogue';

export interface ParseCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly RuleSource[];
}

const FTP_DATA_PAGE = 'https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz001/ftpconfigstatementsinftpdata.htm';
const SAMPLE_PAGE = 'https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.halu001/ftpdatasample.htm';
const SUMMARY_PAGE = 'https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.halz001/summftpclientserverconfigstmnts.htm';

/** The checks the parser itself makes, for the rules documentation. Ids are permanent. */
export const FTP_DATA_PARSE_CHECKS: readonly ParseCheck[] = [
  {
    id: 'FTPD-FILE-EMPTY',
    severity: 'error',
    title: 'FTP.DATA is empty',
    description: 'The file has no content at all, which usually means a failed copy or the wrong file; a deliberate "all defaults" file should say so in a comment.',
    sources: [{ kind: 'inferred', ref: 'an empty file is almost always a transfer or path mistake' }],
  },
  {
    id: 'FTPD-FILE-ONLY-COMMENTS',
    severity: 'info',
    title: 'FTP.DATA has only comments',
    description: 'No statement is coded, so z/OS uses the default of every statement (TLS is then off: no EXTENSIONS AUTH_TLS).',
    sources: [{ kind: 'ibm', ref: FTP_DATA_PAGE }],
  },
  {
    id: 'FTPD-FILE-EBCDIC',
    severity: 'error',
    title: 'FTP.DATA is EBCDIC',
    description: 'The bytes look like EBCDIC (a binary transfer from MVS). Transfer the member in ASCII mode or convert it with iconv -f IBM-1047 -t UTF-8.',
    sources: [{ kind: 'inferred', ref: 'EBCDIC blank X\'40\' and letters X\'C1\'-X\'E9\' dominate, no ASCII text structure' }],
  },
  {
    id: 'FTPD-FILE-BINARY',
    severity: 'error',
    title: 'FTP.DATA is not text',
    description: 'The file contains NUL bytes or control characters, so it is not an FTP.DATA text file.',
    sources: [{ kind: 'inferred', ref: 'FTP.DATA is a text file of statements' }],
  },
  {
    id: 'FTPD-FILE-FORMAT',
    severity: 'warning',
    title: 'FTP.DATA layout z/OS may not accept',
    description: 'Lines longer than 80 columns (an MVS data set has LRECL 80), trailing blanks (z/OS rejects some values in a UNIX file with trailing blanks), tab characters or # comments (z/OS documents only blanks and ; comments).',
    sources: [{ kind: 'ibm', ref: FTP_DATA_PAGE }, { kind: 'ibm', ref: SAMPLE_PAGE }],
  },
  {
    id: 'FTPD-UNKNOWN-STATEMENT',
    severity: 'error',
    title: 'Unknown FTP.DATA statement',
    description: 'The keyword is not an FTP.DATA statement; z/OS ignores it, so the setting meant (often a typo) does not take effect.',
    sources: [{ kind: 'ibm', ref: SUMMARY_PAGE }],
  },
  {
    id: 'FTPD-MISSING-VALUE',
    severity: 'error',
    title: 'Statement without a value',
    description: 'The statement needs a value (`KEYWORD value`); without one z/OS ignores it and uses the default.',
    sources: [{ kind: 'ibm', ref: SAMPLE_PAGE }],
  },
  {
    id: 'FTPD-CLIENT-STATEMENT',
    severity: 'warning',
    title: 'Client statement in a server FTP.DATA',
    description: 'The statement configures the z/OS FTP client; the server ignores it. IBM advises separate FTP.DATA files for client and server.',
    sources: [{ kind: 'ibm', ref: SUMMARY_PAGE }],
  },
  {
    id: 'FTPD-ACK-NO-REASON',
    severity: 'warning',
    title: 'Acknowledgement without rule id or reason',
    description: 'A `; zftps-ack RULE-ID reason` comment must name a rule and give a reason; without them the acknowledgement is ignored.',
    sources: [{ kind: 'inferred', ref: 'zftps convention: every acknowledgement carries a reason' }],
  },
];

const CHECKS = new Map(FTP_DATA_PARSE_CHECKS.map((c) => [c.id, c]));

/** Finding for one of the parser's own checks (severity and source come from the table above). */
function finding(id: string, message: string, fix: string, location: SourceLocation, settings: readonly string[] = []): Finding {
  const check = CHECKS.get(id)!;
  return { ...parseFinding(id, check.severity, message, fix, location, settings), sources: check.sources };
}

const ACK_MARKER = /^zftps-ack\b\s*(.*)$/i;
const ACK_BODY = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)(?:\s+(.*))?$/;
const SEQUENCE_COLUMNS = /^\d{8}$/;
const HEADING = /^([-=*#_+~])\1{2,}/;

export function parseFtpData(text: string | Buffer, file: string): ParseResult<FtpDataConfig> {
  const at = (line: number, column?: number): SourceLocation => (column ? { file, line, column } : { file, line });
  const input = readTextInput(text);
  if (input.kind === 'binary') {
    return result(file, [], [], [
      finding('FTPD-FILE-BINARY', `${file} is not a text file (it contains NUL bytes or control characters, first on line ${input.line})`,
        'Give the FTP.DATA text file; if it came from MVS, transfer it in ASCII mode.', at(input.line)),
    ]);
  }
  if (input.kind === 'ebcdic') {
    return result(file, [], [], [
      finding('FTPD-FILE-EBCDIC', `${file} looks like EBCDIC (a binary transfer from MVS)`,
        `Transfer it in ASCII mode or convert it with iconv -f IBM-1047 -t UTF-8 ${file}`, at(1)),
    ]);
  }

  const source = input.text;
  const lines = source.split(/\r\n|\r|\n/);
  // A final newline leaves one empty string behind; it is not a line of the file.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  const findings: Finding[] = [];
  const statements: FtpDataStatement[] = [];
  const acknowledgements: Acknowledgement[] = [];
  let pendingComment: string[] = [];
  let hasContent = false;
  const trailingBlankLines: number[] = [];
  const tabLines: number[] = [];
  const hashLines: number[] = [];

  /** Returns the comment text to keep for humans, or undefined for an acknowledgement marker. */
  const readComment = (body: string, line: number): string | undefined => {
    const marker = ACK_MARKER.exec(body);
    if (!marker) return body;
    const ack = ACK_BODY.exec(marker[1].trim());
    const reason = ack?.[2]?.trim();
    if (ack && reason) {
      acknowledgements.push({ ruleId: ack[1].toUpperCase(), reason, location: at(line) });
    } else {
      findings.push(finding('FTPD-ACK-NO-REASON',
        ack ? `acknowledgement of ${ack[1].toUpperCase()} has no reason; it is ignored` : `acknowledgement "${body}" names no rule id; it is ignored`,
        'Write it as ; zftps-ack RULE-ID why this is acceptable here', at(line)));
    }
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i];
    let sequenced = false;
    if (raw.length === 80 && SEQUENCE_COLUMNS.test(raw.slice(72))) {
      raw = raw.slice(0, 72);
      sequenced = true;
    }
    if (raw.length > 80) {
      findings.push(finding('FTPD-FILE-FORMAT', `line ${lineNo} is ${raw.length} columns long; an MVS FTP.DATA data set has LRECL 80`,
        'Shorten the line to at most 80 columns (72 if the member carries sequence numbers).', at(lineNo, 81)));
    }
    // Blanks that pad an FB-80 record up to its sequence numbers are not trailing blanks.
    if (!sequenced && /[ \t]$/.test(raw)) trailingBlankLines.push(lineNo);
    if (raw.includes('\t')) tabLines.push(lineNo);

    const trimmed = raw.trim();
    if (trimmed === '') {
      pendingComment = [];
      continue;
    }
    hasContent = true;
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) {
      if (trimmed.startsWith('#')) hashLines.push(lineNo);
      const body = trimmed.slice(1).trim();
      // A rule or heading (`; ---- security ----`, `;*****`) titles what follows; it describes no one statement.
      if (HEADING.test(body)) {
        pendingComment = [];
        continue;
      }
      const kept = readComment(body, lineNo);
      if (kept) pendingComment.push(kept);
      continue;
    }

    const semicolon = raw.indexOf(';');
    const code = semicolon >= 0 ? raw.slice(0, semicolon) : raw;
    const trailing = semicolon >= 0 ? readComment(raw.slice(semicolon + 1).trim(), lineNo) : undefined;
    const tokens = code.split(/\s+/).filter((t) => t !== '');
    const column = code.search(/\S/) + 1;
    const written = tokens[0];
    const keyword = written.toUpperCase();
    const args = tokens.slice(1);
    const comment = trailing || (pendingComment.length ? pendingComment.join(' ') : undefined);
    pendingComment = [];
    const location = at(lineNo, column);
    statements.push(comment ? { keyword, args, location, comment } : { keyword, args, location });

    const info = FTP_DATA_STATEMENTS.get(keyword);
    if (!info) {
      findings.push(unknownStatement(written, location));
      continue;
    }
    if (info.appliesTo === 'client') {
      findings.push(finding('FTPD-CLIENT-STATEMENT', `${keyword} is an FTP client statement; the FTP server ignores it`,
        `Remove ${keyword} from the server's FTP.DATA, or keep client settings in a separate client FTP.DATA.`, location, [keyword]));
    }
    if (args.length === 0 && !info.valueOptional) {
      findings.push(finding('FTPD-MISSING-VALUE', `${keyword} has no value; z/OS ignores it and uses the default${info.zosDefault ? ` (${info.zosDefault})` : ''}`,
        `Code ${keyword} with a value, or remove the line.`, location, [keyword]));
    }
  }

  // A file of nothing but blanks is simply empty; its layout is not worth a second finding.
  if (trailingBlankLines.length && hasContent) {
    const [first] = trailingBlankLines;
    findings.push(finding('FTPD-FILE-FORMAT',
      `${countLines(trailingBlankLines)} trailing blanks (first at line ${first}); as a z/OS UNIX file (/etc/ftp.data) some values are rejected`,
      'Remove the trailing blanks (for example: sed -i "s/[ \\t]*$//" on the file).', at(first)));
  }
  if (tabLines.length) {
    findings.push(finding('FTPD-FILE-FORMAT',
      `${countLines(tabLines)} tab characters (first at line ${tabLines[0]}); z/OS documents only blanks as delimiters`,
      'Replace tabs with blanks (for example: expand -t 8).', at(tabLines[0])));
  }
  if (hashLines.length) {
    findings.push(finding('FTPD-FILE-FORMAT',
      `${countLines(hashLines)} # comments (first at line ${hashLines[0]}); z/OS documents only ; comments in FTP.DATA`,
      'Start comment lines with ; instead of #.', at(hashLines[0])));
  }
  if (statements.length === 0) {
    findings.push(hasContent
      ? finding('FTPD-FILE-ONLY-COMMENTS', `${file} has only comments: z/OS uses the default of every statement (TLS is off)`,
        'Nothing to fix if the defaults are meant; code EXTENSIONS AUTH_TLS and the TLS statements to enable TLS.', at(1))
      : finding('FTPD-FILE-EMPTY', `${file} is empty: no statements`,
        'Check that the right file was copied; to run with all defaults, say so in a ; comment.', at(1)));
  }
  return result(file, statements, acknowledgements, findings);
}

function countLines(lines: readonly number[]): string {
  return lines.length === 1 ? '1 line has' : `${lines.length} lines have`;
}

function unknownStatement(written: string, location: SourceLocation): Finding {
  // SITE syntax (KEYWORD=value) is a common slip: name the statement it meant.
  const [beforeEquals] = written.split('=');
  if (written.includes('=') && FTP_DATA_STATEMENTS.has(beforeEquals.toUpperCase())) {
    const keyword = beforeEquals.toUpperCase();
    return finding('FTPD-UNKNOWN-STATEMENT', `unknown statement ${written}: FTP.DATA takes "${keyword} value", not SITE syntax "${keyword}=value"`,
      `Write ${keyword} and its value separated by a blank.`, location, [keyword]);
  }
  const suggestion = suggestKeyword(written);
  return finding('FTPD-UNKNOWN-STATEMENT',
    `unknown statement ${written}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; z/OS ignores it`,
    suggestion ? `Change ${written} to ${suggestion}.` : 'Remove the line, or check the statement name in the z/OS IP Configuration Reference.',
    location, suggestion ? [suggestion] : []);
}

// ---- typed settings ----

function result(
  file: string,
  statements: readonly FtpDataStatement[],
  acknowledgements: readonly Acknowledgement[],
  findings: readonly Finding[],
): ParseResult<FtpDataConfig> {
  const byKeyword = new Map<string, FtpDataStatement[]>();
  for (const s of statements) {
    const list = byKeyword.get(s.keyword);
    if (list) list.push(s);
    else byKeyword.set(s.keyword, [s]);
  }
  const valid = (keyword: string): FtpDataStatement[] =>
    (byKeyword.get(keyword) ?? []).filter((s) => s.args.length > 0 && validateValue(keyword, s.args) === undefined);

  /** Last valid occurrence wins (an invalid statement is ignored, as z/OS ignores it); else the z/OS default. */
  function single<T>(keyword: string, convert: (args: readonly string[]) => T | undefined, fallback?: T): Setting<T> {
    const zosDefault = FTP_DATA_STATEMENTS.get(keyword)!.zosDefault;
    const defaultValue = fallback !== undefined || zosDefault === undefined ? fallback : convert([zosDefault]);
    const candidates = valid(keyword);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const value = convert(candidates[i].args);
      if (value !== undefined) return { value, explicit: true, location: candidates[i].location };
    }
    return { value: defaultValue as T, explicit: false };
  }
  const word = <T extends string>(args: readonly string[]) => args[0].toUpperCase() as T;
  const num = (args: readonly string[]) => Number(args[0]);
  const flag = (args: readonly string[]) => args[0].toUpperCase() === 'TRUE';
  const each = <T>(keyword: string, convert: (args: readonly string[]) => T): Setting<T>[] =>
    valid(keyword).map((s) => ({ value: convert(s.args), explicit: true, location: s.location }));

  const config: FtpDataConfig = {
    file,
    statements,
    extensions: each('EXTENSIONS', word<Extension>),
    tlsMechanism: single('TLSMECHANISM', word<TlsMechanismValue>),
    tlsRfcLevel: single('TLSRFCLEVEL', word<TlsRfcLevelValue>),
    keyring: single<string | undefined>('KEYRING', (args) => args[0]),
    secureFtp: single('SECURE_FTP', word<SecureFtpValue>),
    secureLogin: single('SECURE_LOGIN', word<SecureLoginValue>),
    verifyUser: single('VERIFYUSER', flag),
    securePassword: single('SECURE_PASSWORD', word<SecurePasswordValue>),
    cipherSuites: each('CIPHERSUITE', (args) => args[0].toUpperCase()),
    secureDataConn: single('SECURE_DATACONN', word<SecureDataConnValue>),
    secureCtrlConn: single('SECURE_CTRLCONN', word<SecureCtrlConnValue>),
    securePbsz: single('SECURE_PBSZ', num),
    // NONE is a client value; on the server it is a syntax error and z/OS uses ALLOWED.
    secureSessionReuse: single('SECURE_SESSION_REUSE', (args) => {
      const v = word<SessionReuseValue>(args);
      return v === 'NONE' ? undefined : v;
    }),
    tlsPort: single('TLSPORT', num),
    secureImplicitZos: single('SECUREIMPLICITZOS', flag),
    tlsTimeout: single('TLSTIMEOUT', num),
    sslv3: single('SSLV3', flag),
    passiveDataPorts: single<{ low: number; high: number } | undefined>('PASSIVEDATAPORTS', parsePortRange),
    inactive: single('INACTIVE', num),
    dataCtTime: single('DATACTTIME', num),
    acknowledgements,
  };
  return { value: config, findings };
}
