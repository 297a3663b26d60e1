import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as tls from 'node:tls';
import {
  CIPHER_SUITES,
  FTP_DATA_CIPHER_NAMES,
  cipherSuiteTableMarkdown,
  lookupCipher,
  parseV3CipherSuites,
  toOpenSslCipherString,
  type CipherSuite,
} from '../../lib/model/cipher-suites';

// The FTP.DATA table of docs/zos-reference.md §3.1, written out independently of the library's table.
const FTP_TABLE: [ftpName: string, code2: string, iana: string][] = [
  ['SSL_NULL_MD5', '01', 'TLS_RSA_WITH_NULL_MD5'],
  ['SSL_NULL_SHA', '02', 'TLS_RSA_WITH_NULL_SHA'],
  ['SSL_RC4_MD5_EX', '03', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5'],
  ['SSL_RC4_MD5', '04', 'TLS_RSA_WITH_RC4_128_MD5'],
  ['SSL_RC4_SHA', '05', 'TLS_RSA_WITH_RC4_128_SHA'],
  ['SSL_RC2_MD5_EX', '06', 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5'],
  ['SSL_DES_SHA', '09', 'TLS_RSA_WITH_DES_CBC_SHA'],
  ['SSL_3DES_SHA', '0A', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'],
  ['SSL_AES_128_SHA', '2F', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
  ['SSL_AES_256_SHA', '35', 'TLS_RSA_WITH_AES_256_CBC_SHA'],
];

// What OpenSSL historically called the suites the table marks unsupported; OpenSSL 3 must reject each.
const LEGACY_OPENSSL_NAMES: Record<string, string> = {
  '0003': 'EXP-RC4-MD5',
  '0004': 'RC4-MD5',
  '0005': 'RC4-SHA',
  '0006': 'EXP-RC2-CBC-MD5',
  '0009': 'DES-CBC-SHA',
  '000A': 'DES-CBC3-SHA',
  '0016': 'EDH-RSA-DES-CBC3-SHA',
  C008: 'ECDHE-ECDSA-DES-CBC3-SHA',
  C012: 'ECDHE-RSA-DES-CBC3-SHA',
};

describe('cipher suite table: names and codes agree', () => {
  it('has exactly the ten FTP.DATA CIPHERSUITE names with IBM codes and AT-TLS constants', () => {
    assert.deepEqual(FTP_DATA_CIPHER_NAMES, FTP_TABLE.map(([n]) => n));
    for (const [ftpName, code2, iana] of FTP_TABLE) {
      const s = lookupCipher(ftpName)!;
      assert.equal(s.code2, code2, ftpName);
      assert.equal(s.code4, '00' + code2, ftpName);
      assert.equal(s.iana, iana, ftpName);
      assert.equal(s.keyExchange, 'RSA', `${ftpName}: every FTP.DATA suite is RSA key exchange`);
    }
  });

  it('finds every suite by each of its names and codes, in any case', () => {
    const codes = new Set<string>();
    for (const s of CIPHER_SUITES) {
      assert.ok(!codes.has(s.code4), `duplicate code ${s.code4}`);
      codes.add(s.code4);
      assert.match(s.code4, /^[0-9A-F]{4}$/);
      for (const key of [s.code4, s.code4.toLowerCase(), s.iana, s.iana.toLowerCase(), s.ftpName, s.code2, s.openssl]) {
        if (key) assert.equal(lookupCipher(key), s, `${key} → ${s.iana}`);
      }
      assert.equal(s.code2 !== undefined, s.code4.startsWith('00'), `${s.iana}: 2-char code iff the code point fits one byte`);
    }
    assert.equal(lookupCipher('TLS_RSA_WITH_AES_512_SHA'), undefined);
    assert.equal(lookupCipher('C0'), undefined);
  });

  it('agrees with OpenSSL on code point, IANA name, OpenSSL name, key exchange and authentication', () => {
    // `openssl ciphers -V -stdname` prints: 0xC0,0x2F - IANA - OPENSSL VERSION Kx=.. Au=.. Enc=.. Mac=..
    const out = execFileSync('openssl', ['ciphers', '-V', '-stdname', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], { encoding: 'utf8' });
    const known = new Map<string, { iana: string; openssl: string; kx: string; au: string; mac: string }>();
    for (const line of out.split('\n')) {
      const m = /0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)\s+- (\S+)\s+\S+\s+Kx=(\S+)\s+Au=(\S+)\s+Enc=\S+\s+Mac=(\S+)/.exec(line);
      if (m) known.set(m[1] + m[2], { iana: m[3], openssl: m[4], kx: m[5], au: m[6], mac: m[7] });
    }
    const kx: Record<string, string> = { RSA: 'RSA', DHE: 'DH', ECDHE: 'ECDH', TLS13: 'any' };
    for (const s of CIPHER_SUITES.filter((x) => x.openssl)) {
      const o = known.get(s.code4);
      assert.ok(o, `${s.code4} ${s.iana} is not offered by this OpenSSL`);
      assert.equal(o.iana, s.iana, s.code4);
      assert.equal(o.openssl, s.openssl, s.code4);
      assert.equal(o.kx, kx[s.keyExchange], `${s.iana} key exchange`);
      assert.equal(o.au, s.authentication, `${s.iana} authentication`);
      assert.equal(o.mac, s.mac, `${s.iana} MAC`);
    }
  });

  it('flags null, export and weak suites consistently', () => {
    for (const s of CIPHER_SUITES) {
      assert.equal(s.null, s.bulk === 'NULL', s.iana);
      assert.equal(s.export, /EXPORT/.test(s.iana), s.iana);
      assert.equal(s.weak, /RC4|RC2|DES/.test(s.iana), s.iana);
      if (s.keyExchange === 'TLS13') assert.deepEqual(s.versions, ['TLSv1.3']);
      if (/SHA256|SHA384/.test(s.iana) && s.keyExchange !== 'TLS13') assert.deepEqual(s.versions, ['TLSv1.2'], s.iana);
    }
    assert.deepEqual(
      CIPHER_SUITES.filter((s) => s.exportRegulated).map((s) => s.ftpName),
      ['SSL_RC4_MD5', 'SSL_RC4_SHA', 'SSL_3DES_SHA', 'SSL_AES_128_SHA', 'SSL_AES_256_SHA'],
    );
  });

  it('docs/attls.md shows the table exactly as the code has it', () => {
    const doc = readFileSync(join(__dirname, '../../docs/attls.md'), 'utf8');
    assert.ok(doc.includes(cipherSuiteTableMarkdown()), 'regenerate the table in docs/attls.md from cipherSuiteTableMarkdown()');
  });
});

describe('parseV3CipherSuites', () => {
  it('reads constants and 2-hex strings in order, keeping the first of duplicates', () => {
    const r = parseV3CipherSuites(['TLS_RSA_WITH_AES_256_CBC_SHA', '352F0a', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'], false);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.suites.map((s) => s.code4), ['0035', '002F', '000A', 'C02F']);
  });

  it('reads 4-hex strings', () => {
    const r = parseV3CipherSuites(['C030C02F0035', '1301'], true);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.suites.map((s) => s.code4), ['C030', 'C02F', '0035', '1301']);
  });

  it('rejects a 4-char code in the 2-char string form without misreading it', () => {
    const r = parseV3CipherSuites(['C02F'], false);
    assert.deepEqual(r.suites, []);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].reason, /"C0" is not a known 2-char cipher code; these are 4-char codes, which belong in V3CipherSuites4Char/);
  });

  it('explains odd lengths, unknown codes, unknown constants and non-AT-TLS names', () => {
    const r = parseV3CipherSuites(['35F', 'C0FF', 'TLS_RSA_WITH_AES_512_SHA', 'AES256-SHA', 'SSL_AES_256_SHA'], true);
    assert.deepEqual(r.suites, []);
    assert.deepEqual(r.errors.map((e) => e.index), [0, 1, 2, 3, 4]);
    assert.match(r.errors[0].reason, /3 digits; it must be a multiple of 4/);
    assert.match(r.errors[1].reason, /"C0FF" is not a known 4-char cipher code/);
    assert.match(r.errors[2].reason, /neither a known cipher constant/);
    assert.match(r.errors[3].reason, /not an AT-TLS constant; write TLS_RSA_WITH_AES_256_CBC_SHA/);
    assert.match(r.errors[4].reason, /not an AT-TLS constant; write TLS_RSA_WITH_AES_256_CBC_SHA/);
  });
});

describe('toOpenSslCipherString', () => {
  it('keeps order, includes TLS 1.3 names and lists what Node cannot offer', () => {
    const suites = ['1302', '0035', '000A', 'C02F', '0004'].map((c) => lookupCipher(c)!);
    const r = toOpenSslCipherString(suites);
    assert.equal(r.ciphers, 'TLS_AES_256_GCM_SHA384:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256');
    assert.deepEqual(r.unsupported.map((s) => s.iana), ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_MD5']);
    assert.equal(r.secLevel0, false);
    assert.doesNotThrow(() => tls.createSecureContext({ ciphers: r.ciphers }));
  });

  it('adds @SECLEVEL=0 only when a null suite is listed', () => {
    const r = toOpenSslCipherString([lookupCipher('35')!, lookupCipher('02')!]);
    assert.equal(r.ciphers, 'AES256-SHA:NULL-SHA:@SECLEVEL=0');
    assert.equal(r.secLevel0, true);
  });
});

describe('Node really offers what the table says (real handshakes)', () => {
  let dir: string;
  const creds: Record<'RSA' | 'ECDSA', { key: Buffer; cert: Buffer }> = {} as never;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zftps-cipher-'));
    const make = (name: string, keyArgs: string[]) => {
      execFileSync('openssl', ['req', '-x509', '-nodes', '-days', '1', '-subj', '/CN=localhost', ...keyArgs,
        '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { stdio: 'ignore' });
      return { key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.crt`)) };
    };
    creds.RSA = make('rsa', ['-newkey', 'rsa:2048']);
    creds.ECDSA = make('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function negotiate(s: CipherSuite): Promise<tls.CipherNameAndProtocol> {
    const { ciphers } = toOpenSslCipherString([s]);
    const version: tls.SecureVersion = s.keyExchange === 'TLS13' ? 'TLSv1.3' : 'TLSv1.2';
    const server = tls.createServer({
      ...creds[s.authentication === 'ECDSA' ? 'ECDSA' : 'RSA'],
      ciphers,
      dhparam: 'auto',
      honorCipherOrder: true,
      minVersion: version,
      maxVersion: version,
    });
    server.on('secureConnection', (sock) => sock.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      return await new Promise((resolve, reject) => {
        const client = tls.connect({ port, host: '127.0.0.1', ciphers, rejectUnauthorized: false, minVersion: version, maxVersion: version });
        client.on('secureConnect', () => {
          resolve(client.getCipher());
          client.destroy();
        });
        client.on('error', reject);
      });
    } finally {
      server.close();
    }
  }

  for (const s of CIPHER_SUITES.filter((x) => x.openssl)) {
    it(`negotiates ${s.iana} as ${s.openssl}`, async () => {
      const got = await negotiate(s);
      assert.equal(got.standardName, s.iana);
      assert.equal(got.name, s.openssl);
    });
  }

  it('has no usable OpenSSL name for the suites marked unsupported', () => {
    const unsupported = CIPHER_SUITES.filter((s) => !s.openssl);
    assert.deepEqual(unsupported.map((s) => s.code4).sort(), Object.keys(LEGACY_OPENSSL_NAMES).sort());
    for (const s of unsupported) {
      const legacy = LEGACY_OPENSSL_NAMES[s.code4];
      for (const ciphers of [legacy, `${legacy}:@SECLEVEL=0`]) {
        assert.throws(() => tls.createSecureContext({ ciphers }), { code: 'ERR_SSL_NO_CIPHER_MATCH' }, ciphers);
      }
    }
  });

  it('null suites need @SECLEVEL=0: without it the handshake finds no shared cipher', async () => {
    const nullSha = lookupCipher('SSL_NULL_SHA')!;
    const server = tls.createServer({ ...creds.RSA, ciphers: 'NULL-SHA', maxVersion: 'TLSv1.2' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await assert.rejects(
        new Promise((resolve, reject) => {
          const c = tls.connect({ port, host: '127.0.0.1', ciphers: 'NULL-SHA:@SECLEVEL=0', rejectUnauthorized: false, maxVersion: 'TLSv1.2' });
          c.on('secureConnect', () => resolve(c.destroy()));
          c.on('error', reject);
        }),
      );
    } finally {
      server.close();
    }
    assert.equal(nullSha.needsSecLevel0, true);
  });
});
