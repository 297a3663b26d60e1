import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FTP_DATA_STATEMENTS, describeGrammar, statementTableMarkdown, suggestKeyword, validateValue } from '../../lib/formats/ftp-data';

describe('FTP_DATA_STATEMENTS', () => {
  it('holds the whole server catalogue, not only TLS', () => {
    const server = [...FTP_DATA_STATEMENTS.values()].filter((s) => s.appliesTo !== 'client');
    assert.ok(server.length >= 140, `${server.length} server statements`);
    for (const k of ['ADMINEMAILADDRESS', 'ANONYMOUS', 'AUTOMOUNT', 'BLKSIZE', 'CHKPTINT', 'CONDDISP', 'DATACTTIME', 'DB2', 'DEBUG',
      'EXTENSIONS', 'INACTIVE', 'JESINTERFACELEVEL', 'LRECL', 'PASSIVEDATAPORTS', 'PORTOFENTRY4', 'RECFM', 'SBDATACONN',
      'SMF', 'SMFSTOR', 'UMASK', 'VERIFYUSER', 'WLMCLUSTERNAME']) {
      assert.ok(FTP_DATA_STATEMENTS.has(k), k);
    }
    assert.ok(server.every((s) => s.keyword === s.keyword.toUpperCase() && s.summary.length > 0 && s.summary.length < 120));
  });

  it('marks the TLS statements, and the repeatable ones', () => {
    const tls = [...FTP_DATA_STATEMENTS.values()].filter((s) => s.tls).map((s) => s.keyword).sort();
    for (const k of ['CIPHERSUITE', 'EXTENSIONS', 'KEYRING', 'SECURE_CTRLCONN', 'SECURE_DATACONN', 'SECURE_FTP', 'SECURE_LOGIN',
      'SECURE_PASSWORD', 'SECURE_PBSZ', 'SECURE_SESSION_REUSE', 'SECUREIMPLICITZOS', 'SSLV3', 'TLSMECHANISM', 'TLSPORT',
      'TLSRFCLEVEL', 'TLSTIMEOUT']) {
      assert.ok(tls.includes(k), k);
    }
    assert.equal(FTP_DATA_STATEMENTS.get('CIPHERSUITE')!.repeatable, true);
    assert.equal(FTP_DATA_STATEMENTS.get('EXTENSIONS')!.repeatable, true);
    assert.equal(FTP_DATA_STATEMENTS.get('SECURE_FTP')!.repeatable, false);
    assert.equal(FTP_DATA_STATEMENTS.get('SECURE_LOGIN')!.appliesTo, 'server');
    assert.equal(FTP_DATA_STATEMENTS.get('SECURE_MECHANISM')!.appliesTo, 'client');
  });

  it('carries the z/OS defaults of zos-reference §2, with inferred ones marked', () => {
    const expected: [string, string, 'V' | 'I'][] = [
      ['TLSRFCLEVEL', 'DRAFT', 'V'], ['TLSMECHANISM', 'FTP', 'V'], ['SECURE_FTP', 'ALLOWED', 'V'],
      ['SECURE_LOGIN', 'NO_CLIENT_AUTH', 'V'], ['SECURE_PASSWORD', 'REQUIRED', 'V'], ['SECURE_DATACONN', 'CLEAR', 'V'],
      ['SECURE_CTRLCONN', 'CLEAR', 'V'], ['SECURE_SESSION_REUSE', 'ALLOWED', 'V'], ['SECURE_PBSZ', '16384', 'I'],
      ['TLSPORT', '990', 'V'], ['SECUREIMPLICITZOS', 'TRUE', 'V'], ['TLSTIMEOUT', '100', 'I'], ['SSLV3', 'FALSE', 'I'],
      ['VERIFYUSER', 'FALSE', 'I'], ['INACTIVE', '300', 'I'], ['DATACTTIME', '120', 'I'],
    ];
    for (const [keyword, zosDefault, evidence] of expected) {
      const info = FTP_DATA_STATEMENTS.get(keyword)!;
      assert.deepEqual([info.zosDefault, info.defaultEvidence], [zosDefault, evidence], keyword);
    }
  });

  it('is the table docs/ftp-data.md shows', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'ftp-data.md'), 'utf8');
    assert.ok(doc.includes(statementTableMarkdown()), 'regenerate the table in docs/ftp-data.md from statementTableMarkdown()');
  });

  it('every default fits its own grammar', () => {
    for (const info of FTP_DATA_STATEMENTS.values()) {
      if (info.zosDefault !== undefined) assert.equal(validateValue(info.keyword, [info.zosDefault]), undefined, info.keyword);
      assert.ok(describeGrammar(info.grammar).length > 0);
    }
  });
});

describe('validateValue', () => {
  const table: [keyword: string, args: string[], ok: boolean][] = [
    ['SECURE_FTP', ['REQUIRED'], true],
    ['secure_ftp', ['required'], true],
    ['SECURE_FTP', ['MANDATORY'], false],
    ['SECURE_FTP', ['REQUIRED', 'ALWAYS'], false],
    ['SECURE_FTP', [], false],
    ['SSLV3', ['true'], true],
    ['SSLV3', ['YES'], false],
    ['TLSPORT', ['0'], true],
    ['TLSPORT', ['65536'], false],
    ['TLSPORT', ['99x'], false],
    ['SECURE_PBSZ', ['512'], true],
    ['SECURE_PBSZ', ['511'], false],
    ['DATAKEEPALIVE', ['0'], true],
    ['DATAKEEPALIVE', ['30'], false],
    ['DATAKEEPALIVE', ['60'], true],
    ['UMASK', ['027'], true],
    ['UMASK', ['089'], false],
    ['CIPHERSUITE', ['SSL_AES_256_SHA'], true],
    ['CIPHERSUITE', ['TLS_RSA_WITH_AES_256_CBC_SHA'], false],
    ['EXTENSIONS', ['AUTH_TLS'], true],
    ['EXTENSIONS', ['AUTH_SSL'], false],
    ['KEYRING', ['FTPD/FTPRING'], true],
    ['KEYRING', ['/etc/ftp/key.kdb'], true],
    ['PASSIVEDATAPORTS', ['(5000,5100)'], true],
    ['PASSIVEDATAPORTS', ['(', '5000', ',', '5100', ')'], true],
    ['PASSIVEDATAPORTS', ['5000-5100'], false],
    ['PASSIVEDATAPORTS', ['(0,10)'], false],
    ['ANONYMOUS', [], true],
    ['ANONYMOUS', ['ANONFTP/SURROGATE'], true],
    ['SMFEXIT', [], true],
    ['SMFEXIT', ['TRUE'], false],
    ['DEBUG', ['BAS', 'SEC', 'FSC(1)'], true],
    ['RECFM', ['FB'], true],
    ['RECFM', ['XYZ'], false],
  ];
  for (const [keyword, args, ok] of table) {
    it(`${keyword} ${args.join(' ') || '(no value)'} is ${ok ? 'valid' : 'invalid'}`, () => {
      const message = validateValue(keyword, args);
      if (ok) assert.equal(message, undefined);
      else assert.match(message ?? '', new RegExp(keyword.toUpperCase()));
    });
  }

  it('says what it expected', () => {
    assert.equal(validateValue('SECURE_FTP', ['MANDATORY']), 'SECURE_FTP MANDATORY is not valid: expected ALLOWED | REQUIRED');
    assert.equal(validateValue('TLSPORT', []), 'TLSPORT needs a value: an integer 0-65535');
  });

  it('leaves unknown keywords to the parser', () => {
    assert.equal(validateValue('NOSUCHTHING', ['1']), undefined);
  });
});

describe('suggestKeyword', () => {
  const table: [typed: string, meant: string | undefined][] = [
    ['TLSMECHANSIM', 'TLSMECHANISM'],
    ['secure_logon', 'SECURE_LOGIN'],
    ['SECUREFTP', 'SECURE_FTP'],
    ['EXTENSION', 'EXTENSIONS'],
    ['CIPHERSUITES', 'CIPHERSUITE'],
    ['KEYRNG', 'KEYRING'],
    ['SECURE_DATACON', 'SECURE_DATACONN'],
    ['PASSIVEDATAPORT', 'PASSIVEDATAPORTS'],
    ['FOOBAR', undefined],
    ['XY', undefined],
  ];
  for (const [typed, meant] of table) {
    it(`${typed} → ${meant ?? 'no suggestion'}`, () => assert.equal(suggestKeyword(typed), meant));
  }
});
