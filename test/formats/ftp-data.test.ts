import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../lib/diagnostics';
import { FTP_DATA_PARSE_CHECKS, parseFtpData } from '../../lib/formats/ftp-data';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ftp-data');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.location?.line}:${f.ruleId}`);
const argsOf = (text: string | Buffer, keyword: string) =>
  parseFtpData(text, 'x').value.statements.filter((s) => s.keyword === keyword).map((s) => s.args.join(' '));

describe('parseFtpData: FB-80 member with sequence numbers', () => {
  const { value, findings } = parseFtpData(fixture('sequence-numbers.ftpdata'), 'FTPD.TCPPARMS(FTPSDATA)');

  it('strips columns 73-80 and reports no layout problem for the record padding', () => {
    assert.deepEqual(findings, []);
    assert.ok(value.statements.every((s) => s.args.every((a) => !/^\d{8}$/.test(a))));
  });

  it('reads statements with their lines, values and trailing comments', () => {
    const banner = value.statements[0];
    assert.deepEqual(banner, {
      keyword: 'BANNER',
      args: ['/etc/ftpbanner'],
      location: { file: 'FTPD.TCPPARMS(FTPSDATA)', line: 5, column: 1 },
      comment: 'greeting text',
    });
    assert.equal(value.statements.length, 15);
  });

  it('fills the typed settings from the coded values', () => {
    assert.deepEqual(value.extensions.map((e) => e.value), ['AUTH_TLS']);
    assert.deepEqual(value.keyring, { value: 'FTPD/FTPRING', explicit: true, location: { file: 'FTPD.TCPPARMS(FTPSDATA)', line: 14, column: 1 } });
    assert.deepEqual(value.cipherSuites.map((c) => c.value), ['SSL_AES_256_SHA', 'SSL_AES_128_SHA']);
    assert.equal(value.secureFtp.value, 'REQUIRED');
    assert.equal(value.secureDataConn.value, 'PRIVATE');
    assert.equal(value.tlsRfcLevel.value, 'RFC4217');
    assert.deepEqual([value.tlsPort.value, value.tlsPort.explicit], [0, true]);
    assert.deepEqual(value.passiveDataPorts.value, { low: 50000, high: 50099 });
    assert.deepEqual([value.inactive.value, value.inactive.explicit], [600, true]);
  });

  it('leaves what is not coded at the z/OS default, not explicit', () => {
    assert.deepEqual(value.secureLogin, { value: 'NO_CLIENT_AUTH', explicit: false });
    assert.deepEqual(value.securePassword, { value: 'REQUIRED', explicit: false });
    assert.deepEqual(value.secureCtrlConn, { value: 'CLEAR', explicit: false });
    assert.deepEqual(value.secureSessionReuse, { value: 'ALLOWED', explicit: false });
    assert.deepEqual(value.securePbsz, { value: 16384, explicit: false });
    assert.deepEqual(value.secureImplicitZos, { value: true, explicit: false });
    assert.deepEqual(value.tlsTimeout, { value: 100, explicit: false });
    assert.deepEqual(value.sslv3, { value: false, explicit: false });
    assert.deepEqual(value.verifyUser, { value: false, explicit: false });
    assert.deepEqual(value.dataCtTime, { value: 120, explicit: false });
  });

  it('does not strip digits that are not in columns 73-80 of an 80-column line', () => {
    const line = 'LRECL 256'.padEnd(70) + '12345678'; // 78 columns: the digits are a value
    assert.deepEqual(argsOf(line, 'LRECL'), ['256 12345678']);
  });
});

describe('parseFtpData: CRLF, tabs, mixed case', () => {
  const { value, findings } = parseFtpData(fixture('crlf-tabs-mixed.ftpdata'), 'ftp.data');

  it('takes any keyword and value case and keeps the values as written', () => {
    assert.deepEqual(
      value.statements.slice(0, 4).map((s) => [s.keyword, ...s.args]),
      [['EXTENSIONS', 'AUTH_TLS'], ['EXTENSIONS', 'SIZE'], ['TLSMECHANISM', 'ATTLS'], ['SECURE_FTP', 'Required']],
    );
    assert.equal(value.statements[2].comment, 'AT-TLS does the handshake');
    assert.equal(value.statements[0].location.line, 3);
  });

  it('types values case-insensitively', () => {
    assert.equal(value.tlsMechanism.value, 'ATTLS');
    assert.equal(value.secureLogin.value, 'VERIFY_USER');
    assert.equal(value.securePassword.value, 'OPTIONAL');
    assert.equal(value.verifyUser.value, true);
    assert.equal(value.secureCtrlConn.value, 'PRIVATE');
    assert.equal(value.tlsRfcLevel.value, 'CCCNONOTIFY');
    assert.equal(value.secureImplicitZos.value, false);
    assert.equal(value.dataCtTime.value, 300);
  });

  it('warns once about the tabs, naming the first line; CR is not a trailing blank', () => {
    assert.deepEqual(ids(findings), ['3:FTPD-FILE-FORMAT']);
    assert.match(findings[0].message, /9 lines have tab characters \(first at line 3\)/);
  });
});

describe('parseFtpData: comments everywhere, non-TLS statements, acknowledgements', () => {
  const { value, findings } = parseFtpData(fixture('commented.ftpdata'), '/etc/ftp.data');
  const stmt = (keyword: string) => value.statements.find((s) => s.keyword === keyword)!;

  it('reads every statement, TLS or not', () => {
    assert.equal(value.statements.length, 32);
    assert.deepEqual(stmt('JESINTERFACELEVEL').args, ['2']);
    assert.deepEqual(stmt('DB2').args, ['DB2P']);
    assert.deepEqual(argsOf(fixture('commented.ftpdata'), 'DEBUG'), ['BAS', 'SEC']);
  });

  it('attaches trailing comments and the comment block directly above', () => {
    assert.equal(stmt('CONDDISP').comment, "don't keep half-written data sets");
    assert.equal(stmt('TLSRFCLEVEL').comment, "The default DRAFT level refuses CCC, and our partners' clients need it.");
    assert.equal(stmt('EXTENSIONS').comment, 'AUTH TLS on, everything else follows');
    // a blank line separates the header and the section titles from what follows
    assert.equal(stmt('LRECL').comment, 'new data sets');
    assert.equal(stmt('RECFM').comment, undefined);
    assert.equal(stmt('INACTIVE').comment, 'timers (hash comments work in our editor macro)');
  });

  it('collects acknowledgements, whole-line and trailing, and keeps them out of comments', () => {
    assert.deepEqual(value.acknowledgements, [
      { ruleId: 'FTPD-DATACONN-PRIVATE-ALLOWED', reason: 'every partner logs in with TLS', location: { file: '/etc/ftp.data', line: 38 } },
      { ruleId: 'FTPD-REUSE-REQUIRED', reason: 'clients resume', location: { file: '/etc/ftp.data', line: 39 } },
    ]);
    assert.equal(stmt('SECURE_SESSION_REUSE').comment, undefined);
  });

  it('types the TLS settings', () => {
    assert.deepEqual(value.extensions.map((e) => e.value), ['AUTH_TLS', 'UTF8']);
    assert.equal(value.secureSessionReuse.value, 'REQUIRED');
    assert.deepEqual(value.passiveDataPorts.value, { low: 40000, high: 40199 });
    assert.equal(value.inactive.value, 900);
    assert.deepEqual(value.keyring, { value: undefined, explicit: false });
  });

  it('reports only the # comment style', () => {
    assert.deepEqual(ids(findings), ['21:FTPD-FILE-FORMAT']);
    assert.match(findings[0].message, /# comments/);
  });
});

describe('parseFtpData: unusable files', () => {
  it('recognises an EBCDIC binary transfer, as bytes or as mis-decoded text', () => {
    const bytes = fixture('ebcdic.ftpdata');
    for (const input of [bytes, bytes.toString('latin1'), bytes.toString('utf8')]) {
      const { value, findings } = parseFtpData(input, 'FTPSDATA.bin');
      assert.deepEqual(ids(findings), ['1:FTPD-FILE-EBCDIC']);
      assert.match(findings[0].message, /looks like EBCDIC \(a binary transfer from MVS\)/);
      assert.match(findings[0].fix, /ASCII mode or convert it with iconv -f IBM-1047/);
      assert.equal(value.statements.length, 0);
      assert.equal(value.secureFtp.value, 'ALLOWED');
    }
  });

  it('reports binary content', () => {
    const { findings } = parseFtpData(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), 'ftp.zip');
    assert.deepEqual(ids(findings), ['1:FTPD-FILE-BINARY']);
  });

  it('an empty file is an error, a comment-only file means all defaults', () => {
    assert.deepEqual(ids(parseFtpData(fixture('empty.ftpdata'), 'e').findings), ['1:FTPD-FILE-EMPTY']);
    assert.deepEqual(ids(parseFtpData('  \n\n', 'e').findings), ['1:FTPD-FILE-EMPTY']);
    const onlyComments = parseFtpData(fixture('only-comments.ftpdata'), 'c');
    assert.deepEqual(ids(onlyComments.findings), ['1:FTPD-FILE-ONLY-COMMENTS']);
    assert.equal(onlyComments.findings[0].severity, 'info');
    assert.equal(onlyComments.value.tlsMechanism.value, 'FTP');
  });
});

describe('parseFtpData: typos and misplaced statements', () => {
  const { value, findings } = parseFtpData(fixture('typos.ftpdata'), 'typos.ftpdata');
  const at = (line: number) => findings.filter((f) => f.location?.line === line);

  it('names the statement meant', () => {
    assert.match(at(2)[0].message, /unknown statement EXTENSION \(did you mean EXTENSIONS\?\)/);
    assert.match(at(3)[0].message, /did you mean TLSMECHANISM\?/);
    assert.match(at(4)[0].message, /did you mean SECURE_LOGIN\?/);
    assert.match(at(5)[0].message, /not SITE syntax "SECURE_FTP=value"/);
    assert.match(at(6)[0].message, /did you mean SECURE_FTP\?/);
    assert.match(at(9)[0].message, /^unknown statement FOOBAR; z\/OS ignores it$/);
    assert.deepEqual(at(2)[0].settings, ['EXTENSIONS']);
  });

  it('reports a missing value, a client statement and an acknowledgement without reason', () => {
    assert.deepEqual(ids(findings), [
      '2:FTPD-UNKNOWN-STATEMENT', '3:FTPD-UNKNOWN-STATEMENT', '4:FTPD-UNKNOWN-STATEMENT', '5:FTPD-UNKNOWN-STATEMENT',
      '6:FTPD-UNKNOWN-STATEMENT', '7:FTPD-MISSING-VALUE', '8:FTPD-CLIENT-STATEMENT', '9:FTPD-UNKNOWN-STATEMENT',
      '10:FTPD-ACK-NO-REASON',
    ]);
    assert.ok(findings.every((f) => f.location?.file === 'typos.ftpdata'));
  });

  it('does not judge values (the rule catalogue does) but types only valid ones', () => {
    assert.equal(findings.some((f) => f.location?.line === 11), false);
    assert.deepEqual(value.tlsPort, { value: 990, explicit: false });
    assert.equal(value.extensions.length, 0);
    assert.equal(value.acknowledgements.length, 0);
  });

  it('keeps every statement, unknown ones included', () => {
    assert.deepEqual(value.statements.map((s) => s.keyword).slice(0, 3), ['EXTENSION', 'TLSMECHANSIM', 'SECURE_LOGON']);
  });
});

describe('parseFtpData: statement semantics', () => {
  it('lets the last valid occurrence of a single-valued statement win', () => {
    const { value } = parseFtpData('SECURE_FTP ALLOWED\nSECURE_FTP REQUIRED\nSECURE_FTP MAYBE\n', 'f');
    assert.deepEqual(value.secureFtp, { value: 'REQUIRED', explicit: true, location: { file: 'f', line: 2, column: 1 } });
  });

  it('an invalid value leaves the default', () => {
    const { value } = parseFtpData('TLSTIMEOUT never\nSECURE_PBSZ 99\nINACTIVE -1\n', 'f');
    assert.deepEqual(value.tlsTimeout, { value: 100, explicit: false });
    assert.deepEqual(value.securePbsz, { value: 16384, explicit: false });
    assert.deepEqual(value.inactive, { value: 300, explicit: false });
  });

  it('SECURE_SESSION_REUSE NONE is a client value: the server uses ALLOWED', () => {
    const { value } = parseFtpData('SECURE_SESSION_REUSE NONE\n', 'f');
    assert.deepEqual(value.secureSessionReuse, { value: 'ALLOWED', explicit: false });
    assert.deepEqual(value.statements[0].args, ['NONE']);
  });

  it('reads PASSIVEDATAPORTS with blanks inside the parentheses', () => {
    assert.deepEqual(parseFtpData('PASSIVEDATAPORTS ( 1024 , 1124 )\n', 'f').value.passiveDataPorts.value, { low: 1024, high: 1124 });
    assert.deepEqual(parseFtpData('PASSIVEDATAPORTS (2000,1000)\n', 'f').value.passiveDataPorts, { value: undefined, explicit: false });
  });

  it('reports trailing blanks once, with the count and first line', () => {
    const { findings } = parseFtpData('LRECL 80  \nRECFM FB\nBLKSIZE 3120 \n', 'f');
    assert.deepEqual(ids(findings), ['1:FTPD-FILE-FORMAT']);
    assert.match(findings[0].message, /2 lines have trailing blanks \(first at line 1\)/);
  });

  it('reports a line longer than 80 columns at that line', () => {
    const { findings } = parseFtpData(`BANNER /u/${'x'.repeat(80)}\nLRECL 80\n`, 'f');
    assert.deepEqual(ids(findings), ['1:FTPD-FILE-FORMAT']);
    assert.equal(findings[0].location?.column, 81);
  });

  it('takes statements that need no value, and a keyword indented with a column', () => {
    const { value, findings } = parseFtpData('ANONYMOUS\n   SMFEXIT ; exit on\n', 'f');
    assert.deepEqual(findings, []);
    assert.deepEqual(value.statements[1].location, { file: 'f', line: 2, column: 4 });
    assert.equal(value.statements[1].comment, 'exit on');
  });

  it('ignores a UTF-8 byte-order mark', () => {
    const { value, findings } = parseFtpData(Buffer.from('\uFEFFEXTENSIONS AUTH_TLS\n', 'utf8'), 'f');
    assert.deepEqual(findings, []);
    assert.equal(value.extensions[0].value, 'AUTH_TLS');
  });

  it('never throws on arbitrary content', () => {
    for (const text of ['\r\r\n\n', ';', 'ZFTPS-ACK', '; zftps-ack', '\t\t', '(', 'KEYRING ;', '\u0001'.repeat(50), 'é'.repeat(300)]) {
      assert.doesNotThrow(() => parseFtpData(text, 'f'));
    }
  });

  // Speed is measured by scripts/bench-synth-lint.ts (docs/performance.md), never asserted here.
  it('parses a 100,000-line file completely, last line included', () => {
    const block = 'EXTENSIONS AUTH_TLS   ; on\n; comment\nSECURE_FTP REQUIRED\nKEYRING FTPRING\n\n';
    const text = block.repeat(20000);
    const { value } = parseFtpData(text, 'big');
    assert.equal(value.statements.length, 60000);
    assert.equal(value.statements.at(-1)!.location.line, 99999);
  });
});

describe('FTP_DATA_PARSE_CHECKS', () => {
  it('lists every id the parser reports, with a source', () => {
    const listed = FTP_DATA_PARSE_CHECKS.map((c) => c.id);
    for (const id of ['FTPD-FILE-EMPTY', 'FTPD-FILE-ONLY-COMMENTS', 'FTPD-FILE-EBCDIC', 'FTPD-FILE-BINARY', 'FTPD-FILE-FORMAT',
      'FTPD-UNKNOWN-STATEMENT', 'FTPD-MISSING-VALUE', 'FTPD-CLIENT-STATEMENT', 'FTPD-ACK-NO-REASON']) {
      assert.ok(listed.includes(id), id);
    }
    assert.equal(new Set(listed).size, listed.length);
    assert.ok(FTP_DATA_PARSE_CHECKS.every((c) => c.sources.length > 0 && c.title && c.description));
  });
});
