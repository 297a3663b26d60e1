import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../lib/diagnostics';
import type { PolicyStatement } from '../../lib/model/config';
import { ATTLS_PARSE_CHECKS, parsePolicy } from '../../lib/formats/attls';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/attls', name));
const ids = (fs: readonly Finding[]) => fs.map((f) => `${f.ruleId}@${f.location?.line}`);
const param = (s: PolicyStatement | undefined, key: string) => s?.params.find((p) => p.key.toLowerCase() === key.toLowerCase());

describe('parsePolicy: the seed sample', () => {
  const r = parsePolicy(fixture('seed-sample.conf'), 'seed-sample.conf');

  it('reads it without findings, statements in file order', () => {
    assert.deepEqual(r.findings, []);
    assert.deepEqual(
      r.value.statements.map((s) => [s.type, s.name, s.location.line]),
      [
        ['TTLSGroupAction', 'secure_ftp_server_group', 3],
        ['TTLSEnvironmentAction', 'secure_ftp_server_env', 7],
        ['TTLSCipherParms', 'ftp_server_ciphers', 23],
        ['TTLSRule', 'secure_ftp_server_rule', 30],
      ],
    );
  });

  it('keeps inline groups as blocks and references as values, ignoring comments', () => {
    const env = r.value.statements[1];
    assert.deepEqual(env.params.map((p) => p.key), ['TTLSKeyringParms', 'HandshakeRole', 'TTLSEnvironmentAdvancedParms', 'TTLSCipherParmsRef']);
    const ring = param(env, 'TTLSKeyringParms')!;
    assert.deepEqual(ring.values, []);
    assert.equal(ring.block?.type, 'TTLSKeyringParms');
    assert.equal(ring.block?.name, undefined);
    assert.deepEqual(param(ring.block, 'Keyring')?.values, ['server-keyring-database']);
    assert.deepEqual(param(env, 'HandshakeRole')?.values, ['Server']);
    assert.deepEqual(param(env, 'TTLSCipherParmsRef')?.values, ['ftp_server_ciphers']);
    assert.deepEqual(r.value.statements[2].params.map((p) => p.values[0]), [
      'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_RSA_WITH_NULL_SHA',
    ]);
    assert.deepEqual(param(r.value.statements[3], 'LocalPortRange')?.location, { file: 'seed-sample.conf', line: 32, column: 3 });
  });
});

describe('parsePolicy: a realistic hand-written file (CRLF, tabs, mixed case, `Name {`)', () => {
  const bytes = fixture('realistic.conf');
  const r = parsePolicy(bytes, 'realistic.conf');
  const [rule1, rule2, group, env, conn, ciphers] = r.value.statements;

  it('is really written with CRLF and tabs', () => {
    assert.ok(bytes.includes('\r\n') && bytes.includes('\t'));
  });

  it('reads it without findings and with the right line numbers', () => {
    assert.deepEqual(r.findings, []);
    assert.equal(r.value.statements.length, 8);
    assert.deepEqual([rule1.location.line, rule2.location.line, group.location.line, env.location.line], [4, 14, 23, 29]);
  });

  it('keeps names as written: statement case, user-defined names case-sensitive', () => {
    assert.equal(rule1.type, 'ttlsrule');
    assert.equal(rule1.name, 'ftpd_control_rule');
    assert.deepEqual(param(rule1, 'LocalPortRange')?.values, ['21']);
    assert.deepEqual(param(rule1, 'LocalPortRange')?.location, { file: 'realistic.conf', line: 5, column: 2 });
    assert.equal(param(rule1, 'jobname')?.key, 'jobname');
    assert.equal(param(env, 'HandshakeRole')?.key, 'HANDSHAKEROLE');
  });

  it('takes `}` right after a value and a one-line inline block', () => {
    assert.deepEqual(param(rule2, 'TTLSEnvironmentActionRef')?.values, ['env_ftp_server']);
    assert.equal(rule2.params.length, 6);
    const adv = param(conn, 'TTLSConnectionAdvancedParms')!.block!;
    assert.deepEqual(adv.params.map((p) => [p.key, p.values]), [['HandshakeTimeout', ['30']]]);
  });

  it("reads named inline groups, '#' inside a word, quoted values and repeated cipher lists", () => {
    const adv = param(env, 'TTLSEnvironmentAdvancedParms')!.block!;
    assert.equal(adv.name, 'env_adv');
    assert.deepEqual(param(adv, 'CertificateLabel')?.values, ['FTP Server Cert 2025']);
    assert.deepEqual(param(adv, 'TLSv1.3')?.values, ['On']);
    assert.deepEqual(param(param(env, 'TTLSKeyringParms')!.block, 'Keyring')?.values, ['FTPD/FTP#RING']);
    assert.deepEqual(ciphers.params.map((p) => p.values[0]), ['13021301', 'C030C02F', 'TLS_RSA_WITH_AES_256_GCM_SHA384', '9D9C3D3C352F']);
    const set = param(r.value.statements[7], 'IpAddrSet')!.block!;
    assert.deepEqual(set.params.map((p) => [p.key, p.values[0]]), [['Prefix', '10.1.0.0/16'], ['Range', '192.168.10.1-192.168.10.99']]);
  });

  it('collects acknowledgements from comments', () => {
    assert.deepEqual(r.value.acknowledgements, [
      { ruleId: 'ATTLS-CIPHER-NON-RSA', reason: 'ECDHE accepted by security (CHG0042)', location: { file: 'realistic.conf', line: 2, column: 1 } },
    ]);
  });

  it('gives the same result for a string and for bytes', () => {
    assert.deepEqual(parsePolicy(bytes.toString('utf8'), 'realistic.conf'), r);
  });
});

describe('parsePolicy: syntax findings say what and where', () => {
  it('finds the missing } and the stray one, and still reads every statement', () => {
    const r = parsePolicy(fixture('unbalanced.conf'), 'unbalanced.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-SYNTAX@13', 'ATTLS-SYNTAX@20']);
    assert.match(r.findings[0].message, /TTLSEnvironmentAction env \(line 6\) has no closing '}' before TTLSRule at line 13/);
    assert.match(r.findings[1].message, /line 20: '}' closes nothing/);
    assert.deepEqual(r.value.statements.map((s) => s.type), ['TTLSGroupAction', 'TTLSEnvironmentAction', 'TTLSRule']);
    assert.equal(r.value.statements[2].params.length, 4);
  });

  it('reports a block left open at the end of the file at its opening line', () => {
    const r = parsePolicy('TTLSRule r\n{\n  Direction Inbound\n  IpTimeCondition\n  {\n    TimeOfDayRange 08:00-18:00\n', 'open.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-SYNTAX@1', 'ATTLS-SYNTAX@4']);
    assert.match(r.findings[1].message, /IpTimeCondition \(line 4\) inside TTLSRule r \(line 1\) has no closing '}' before the end of open.conf/);
  });

  it('reports parameters outside statements, headers without { and unnamed top-level statements', () => {
    const r = parsePolicy(
      ['Direction Inbound', 'TTLSGroupAction g', '  TTLSEnabled On', 'TTLSKeyringParms', '{', '  Keyring R', '}', '{', '}'].join('\n'),
      'p.conf',
    );
    assert.deepEqual(ids(r.findings), ['ATTLS-SYNTAX@1', 'ATTLS-SYNTAX@2', 'ATTLS-SYNTAX@3', 'ATTLS-SYNTAX@4', 'ATTLS-SYNTAX@8']);
    assert.match(r.findings[0].message, /Direction Inbound is outside any statement/);
    assert.match(r.findings[1].message, /TTLSGroupAction g has no '\{' block after it/);
    assert.match(r.findings[3].message, /TTLSKeyringParms at top level has no name/);
    assert.match(r.findings[4].message, /'\{' has no statement type before it/);
  });

  it('reports a group written like a value and a value written like a group', () => {
    const r = parsePolicy('TTLSEnvironmentAction e\n{\n  TTLSKeyringParms ring1\n  HandshakeRole\n  {\n  }\n}\n', 'g.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-SYNTAX@3', 'ATTLS-SYNTAX@4']);
    assert.match(r.findings[0].message, /TTLSKeyringParms is a parameter group and needs a \{ \.\.\. \} block/);
    assert.match(r.findings[0].fix, /TTLSKeyringParmsRef name/);
    assert.match(r.findings[1].message, /HandshakeRole takes a value, not a \{ \.\.\. \} block/);
  });

  it('reports an unterminated quoted value', () => {
    const r = parsePolicy('TTLSEnvironmentAdvancedParms a\n{\n  CertificateLabel "FTP cert\n}\n', 'q.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-SYNTAX@3']);
    assert.equal(r.findings[0].location?.column, 20);
  });
});

describe('parsePolicy: unknown names with did-you-mean', () => {
  const r = parsePolicy(fixture('typo.conf'), 'typo.conf');

  it('names the statement or parameter, the line, and the likely intended name', () => {
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.location?.line]),
      [
        ['ATTLS-UNKNOWN-STATEMENT', 'error', 5],
        ['ATTLS-UNKNOWN-PARAMETER', 'error', 11],
        ['ATTLS-UNKNOWN-PARAMETER', 'error', 15],
        ['ATTLS-UNKNOWN-PARAMETER', 'error', 19],
        ['ATTLS-UNKNOWN-PARAMETER', 'warning', 20],
      ],
    );
    assert.match(r.findings[0].message, /TTLSEnviromentAction is not an AT-TLS policy statement; did you mean TTLSEnvironmentAction\?/);
    assert.match(r.findings[1].message, /HandshakeRol is not a parameter of TTLSEnvironmentAction; did you mean HandshakeRole\?/);
    assert.match(r.findings[2].message, /KeyringStashFil is not a parameter of TTLSKeyringParms; did you mean KeyringStashFile\?/);
    assert.match(r.findings[3].message, /did you mean ApplicationControlled\?/);
    assert.match(r.findings[4].message, /FancyNewOption is not a parameter of TTLSEnvironmentAdvancedParms$/);
    assert.deepEqual(r.findings[1].settings, ['HandshakeRol']);
  });

  it('accepts parameter names in any case (KeyRing)', () => {
    assert.ok(!r.findings.some((f) => f.message.includes('KeyRing ')));
  });

  it('does not check parameters of an unknown statement twice', () => {
    assert.ok(!r.findings.some((f) => f.location?.line === 7));
  });

  it('says when a known statement sits where it cannot', () => {
    const x = parsePolicy('TTLSRule r\n{\n  TTLSCipherParms\n  {\n  }\n}\n', 'x.conf');
    assert.deepEqual(ids(x.findings), ['ATTLS-UNKNOWN-PARAMETER@3']);
    assert.match(x.findings[0].message, /TTLSCipherParms cannot be coded inside TTLSRule/);
    assert.equal(x.findings[0].severity, 'error');
  });
});

describe('parsePolicy: unusable files', () => {
  it('reports empty files and comment-only files', () => {
    for (const text of ['', '  \n\n', '# nothing yet\n']) {
      const r = parsePolicy(text, 'e.conf');
      assert.deepEqual(ids(r.findings), ['ATTLS-FILE-EMPTY@1'], JSON.stringify(text));
    }
  });

  it('recognises EBCDIC bytes', () => {
    const ebcdic = Buffer.from(
      [...'TTLSGroupAction grp\n{\n  TTLSEnabled On\n}\n'].map((c) => {
        const ranges: [string, number][] = [['ABCDEFGHI', 0xc1], ['JKLMNOPQR', 0xd1], ['STUVWXYZ', 0xe2], ['abcdefghi', 0x81], ['jklmnopqr', 0x91], ['stuvwxyz', 0xa2], ['0123456789', 0xf0]];
        for (const [set, base] of ranges) if (set.includes(c)) return base + set.indexOf(c);
        return ({ ' ': 0x40, '\n': 0x15, '{': 0xc0, '}': 0xd0 } as Record<string, number>)[c];
      }),
    );
    const r = parsePolicy(ebcdic, 'ebcdic.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-FILE-EBCDIC@1']);
    assert.match(r.findings[0].fix, /iconv -f IBM-1047/);
  });

  it('recognises binary files', () => {
    const r = parsePolicy(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0x49]), 'policy.gz');
    assert.deepEqual(ids(r.findings), ['ATTLS-FILE-BINARY@1']);
  });

  it('reads a Latin-1 comment instead of calling the file binary', () => {
    const r = parsePolicy(Buffer.from('# Richtlinie f\xfcr FTP\nTTLSGroupAction g\n{\n  TTLSEnabled On\n}\n', 'latin1'), 'l.conf');
    assert.deepEqual(r.findings, []);
  });

  it('ignores ISPF sequence numbers in columns 73-80 and warns about them', () => {
    const r = parsePolicy(fixture('ispf-numbered.conf'), 'ispf.conf');
    assert.deepEqual(ids(r.findings), ['ATTLS-SEQUENCE-NUMBERS@1']);
    assert.deepEqual(r.value.statements[0].params[0].values, ['On']);
  });
});

describe('parsePolicy: acknowledgements', () => {
  it('takes trailing and whole-line acks and reports malformed ones', () => {
    const r = parsePolicy(
      ['# zftps-ack ATTLS-CIPHER-DEFAULT System SSL defaults reviewed', 'TTLSGroupAction g  # zftps-ack attls-trace tracing on purpose', '{', '  TTLSEnabled On', '}', '# zftps-ack ATTLS-X'].join('\n'),
      'a.conf',
    );
    assert.deepEqual(r.value.acknowledgements.map((a) => [a.ruleId, a.reason, a.location?.line]), [
      ['ATTLS-CIPHER-DEFAULT', 'System SSL defaults reviewed', 1],
      ['ATTLS-TRACE', 'tracing on purpose', 2],
    ]);
    assert.deepEqual(ids(r.findings), ['ATTLS-ACK-INVALID@6']);
  });
});

describe('parsePolicy never throws and always says where', () => {
  const known = new Set(ATTLS_PARSE_CHECKS.map((c) => c.id));
  const check = (input: string | Buffer) => {
    const r = parsePolicy(input, 'fuzz.conf');
    for (const f of r.findings) {
      assert.ok(known.has(f.ruleId), f.ruleId);
      assert.equal(f.location?.file, 'fuzz.conf');
      assert.ok((f.location?.line ?? 0) >= 1);
    }
  };

  it('on arbitrary policy-like text', () => {
    const piece = fc.constantFrom('{', '}', '\n', '\r\n', ' ', '\t', '#', '"', 'TTLSRule', 'Keyring', 'x', 'On', 'TTLSKeyringParms', 'zftps-ack');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (parts) => check(parts.join(''))), { numRuns: 300 });
  });

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => check(Buffer.from(bytes))), { numRuns: 200 });
  });

  it('publishes metadata for every check it reports', () => {
    for (const c of ATTLS_PARSE_CHECKS) {
      assert.match(c.id, /^ATTLS-[A-Z-]+$/);
      assert.ok(c.title && c.description && c.sources.length > 0, c.id);
    }
  });
});
