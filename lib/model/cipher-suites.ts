/**
 * Every cipher suite zftps knows, in one table, with each of its names:
 * the FTP.DATA CIPHERSUITE name, the AT-TLS 2-char and 4-char codes, the IANA name
 * (which is also the AT-TLS constant) and the OpenSSL name Node's `ciphers` option takes.
 *
 * Evidence (docs/zos-reference.md §3): the ten FTP.DATA names and their codes are IBM-documented;
 * IANA code points are from the TLS registries; 2-char codes exist only for suites whose code
 * point fits one byte (4-char = 2-char zero-padded) [I]. `openssl` is undefined where Node 20's
 * OpenSSL 3 cannot offer the suite at all; test/formats/cipher-suites.test.ts proves each entry
 * with a real handshake.
 */

export type KeyExchange = 'RSA' | 'DHE' | 'ECDHE' | 'TLS13';
/** How the server authenticates: RSA or ECDSA certificate; TLS 1.3 suites do not fix it. */
export type Authentication = 'RSA' | 'ECDSA' | 'any';
export type TlsVersion = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface CipherSuite {
  /** FTP.DATA CIPHERSUITE name (only the ten native FTP suites have one). */
  readonly ftpName?: string;
  /** 2-hex code for V3CipherSuites' string form, e.g. '35'; undefined for 4-char-only suites. */
  readonly code2?: string;
  /** 4-hex code (the IANA code point), e.g. '0035', 'C02F', '1301'. Upper case. */
  readonly code4: string;
  /** IANA name, which AT-TLS accepts as a constant, e.g. TLS_RSA_WITH_AES_256_CBC_SHA. */
  readonly iana: string;
  /** OpenSSL name for Node's `ciphers` option; undefined when Node 20 (OpenSSL 3) cannot offer it. */
  readonly openssl?: string;
  readonly keyExchange: KeyExchange;
  readonly authentication: Authentication;
  /** Bulk cipher with key size, e.g. 'AES-256-GCM', '3DES-168', 'NULL'. */
  readonly bulk: string;
  /** Record MAC ('AEAD' for GCM and ChaCha20-Poly1305 suites). */
  readonly mac: 'MD5' | 'SHA1' | 'SHA256' | 'SHA384' | 'AEAD';
  /** No encryption at all. */
  readonly null: boolean;
  /** 40-bit export-grade suite. */
  readonly export: boolean;
  /** Broken or deprecated cryptography (export, RC4, RC2, DES, 3DES/SWEET32) — null suites are flagged by `null`. */
  readonly weak: boolean;
  /** Named by the seed (IBM) as subject to export regulation and possibly unavailable. */
  readonly exportRegulated: boolean;
  /** Protocol versions the suite can be negotiated with. */
  readonly versions: readonly TlsVersion[];
  /** OpenSSL offers it only at security level 0 (`@SECLEVEL=0`), which lowers the whole context. */
  readonly needsSecLevel0: boolean;
}

const SSL3_TO_12: readonly TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
const TLS10_TO_12: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
const EXPORT_ERA: readonly TlsVersion[] = ['SSLv3', 'TLSv1']; // TLS 1.1 forbids export suites (RFC 4346)
const DES_ERA: readonly TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1']; // TLS 1.2 dropped single DES (RFC 5246)
const TLS12: readonly TlsVersion[] = ['TLSv1.2'];
const TLS13: readonly TlsVersion[] = ['TLSv1.3'];

type Row = [
  code4: string,
  iana: string,
  openssl: string | undefined,
  keyExchange: KeyExchange,
  authentication: Authentication,
  bulk: string,
  mac: CipherSuite['mac'],
  versions: readonly TlsVersion[],
  extra?: { ftpName?: string; export?: true; weak?: true; exportRegulated?: true },
];

// Order: the ten FTP.DATA suites, then TLS 1.2 RSA, DHE, ECDHE, TLS 1.3.
const ROWS: readonly Row[] = [
  ['0001', 'TLS_RSA_WITH_NULL_MD5', 'NULL-MD5', 'RSA', 'RSA', 'NULL', 'MD5', SSL3_TO_12, { ftpName: 'SSL_NULL_MD5' }],
  ['0002', 'TLS_RSA_WITH_NULL_SHA', 'NULL-SHA', 'RSA', 'RSA', 'NULL', 'SHA1', SSL3_TO_12, { ftpName: 'SSL_NULL_SHA' }],
  ['0003', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', undefined, 'RSA', 'RSA', 'RC4-40', 'MD5', EXPORT_ERA,
    { ftpName: 'SSL_RC4_MD5_EX', export: true, weak: true }],
  ['0004', 'TLS_RSA_WITH_RC4_128_MD5', undefined, 'RSA', 'RSA', 'RC4-128', 'MD5', SSL3_TO_12,
    { ftpName: 'SSL_RC4_MD5', weak: true, exportRegulated: true }],
  ['0005', 'TLS_RSA_WITH_RC4_128_SHA', undefined, 'RSA', 'RSA', 'RC4-128', 'SHA1', SSL3_TO_12,
    { ftpName: 'SSL_RC4_SHA', weak: true, exportRegulated: true }],
  ['0006', 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', undefined, 'RSA', 'RSA', 'RC2-40', 'MD5', EXPORT_ERA,
    { ftpName: 'SSL_RC2_MD5_EX', export: true, weak: true }],
  ['0009', 'TLS_RSA_WITH_DES_CBC_SHA', undefined, 'RSA', 'RSA', 'DES-56', 'SHA1', DES_ERA,
    { ftpName: 'SSL_DES_SHA', weak: true }],
  ['000A', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', undefined, 'RSA', 'RSA', '3DES-168', 'SHA1', SSL3_TO_12,
    { ftpName: 'SSL_3DES_SHA', weak: true, exportRegulated: true }],
  ['002F', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'AES128-SHA', 'RSA', 'RSA', 'AES-128-CBC', 'SHA1', SSL3_TO_12,
    { ftpName: 'SSL_AES_128_SHA', exportRegulated: true }],
  ['0035', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'AES256-SHA', 'RSA', 'RSA', 'AES-256-CBC', 'SHA1', SSL3_TO_12,
    { ftpName: 'SSL_AES_256_SHA', exportRegulated: true }],

  ['003B', 'TLS_RSA_WITH_NULL_SHA256', 'NULL-SHA256', 'RSA', 'RSA', 'NULL', 'SHA256', TLS12],
  ['003C', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'AES128-SHA256', 'RSA', 'RSA', 'AES-128-CBC', 'SHA256', TLS12],
  ['003D', 'TLS_RSA_WITH_AES_256_CBC_SHA256', 'AES256-SHA256', 'RSA', 'RSA', 'AES-256-CBC', 'SHA256', TLS12],
  ['009C', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256', 'RSA', 'RSA', 'AES-128-GCM', 'AEAD', TLS12],
  ['009D', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'AES256-GCM-SHA384', 'RSA', 'RSA', 'AES-256-GCM', 'AEAD', TLS12],

  ['0016', 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', undefined, 'DHE', 'RSA', '3DES-168', 'SHA1', SSL3_TO_12, { weak: true }],
  ['0033', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'DHE-RSA-AES128-SHA', 'DHE', 'RSA', 'AES-128-CBC', 'SHA1', SSL3_TO_12],
  ['0039', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'DHE-RSA-AES256-SHA', 'DHE', 'RSA', 'AES-256-CBC', 'SHA1', SSL3_TO_12],
  ['0067', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 'DHE-RSA-AES128-SHA256', 'DHE', 'RSA', 'AES-128-CBC', 'SHA256', TLS12],
  ['006B', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256', 'DHE-RSA-AES256-SHA256', 'DHE', 'RSA', 'AES-256-CBC', 'SHA256', TLS12],
  ['009E', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'DHE-RSA-AES128-GCM-SHA256', 'DHE', 'RSA', 'AES-128-GCM', 'AEAD', TLS12],
  ['009F', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'DHE-RSA-AES256-GCM-SHA384', 'DHE', 'RSA', 'AES-256-GCM', 'AEAD', TLS12],

  ['C006', 'TLS_ECDHE_ECDSA_WITH_NULL_SHA', 'ECDHE-ECDSA-NULL-SHA', 'ECDHE', 'ECDSA', 'NULL', 'SHA1', TLS10_TO_12],
  ['C008', 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', undefined, 'ECDHE', 'ECDSA', '3DES-168', 'SHA1', TLS10_TO_12, { weak: true }],
  ['C009', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE', 'ECDSA', 'AES-128-CBC', 'SHA1', TLS10_TO_12],
  ['C00A', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE', 'ECDSA', 'AES-256-CBC', 'SHA1', TLS10_TO_12],
  ['C010', 'TLS_ECDHE_RSA_WITH_NULL_SHA', 'ECDHE-RSA-NULL-SHA', 'ECDHE', 'RSA', 'NULL', 'SHA1', TLS10_TO_12],
  ['C012', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', undefined, 'ECDHE', 'RSA', '3DES-168', 'SHA1', TLS10_TO_12, { weak: true }],
  ['C013', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE', 'RSA', 'AES-128-CBC', 'SHA1', TLS10_TO_12],
  ['C014', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'ECDHE-RSA-AES256-SHA', 'ECDHE', 'RSA', 'AES-256-CBC', 'SHA1', TLS10_TO_12],
  ['C023', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE', 'ECDSA', 'AES-128-CBC', 'SHA256', TLS12],
  ['C024', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE', 'ECDSA', 'AES-256-CBC', 'SHA384', TLS12],
  ['C027', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'ECDHE-RSA-AES128-SHA256', 'ECDHE', 'RSA', 'AES-128-CBC', 'SHA256', TLS12],
  ['C028', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'ECDHE-RSA-AES256-SHA384', 'ECDHE', 'RSA', 'AES-256-CBC', 'SHA384', TLS12],
  ['C02B', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE', 'ECDSA', 'AES-128-GCM', 'AEAD', TLS12],
  ['C02C', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE', 'ECDSA', 'AES-256-GCM', 'AEAD', TLS12],
  ['C02F', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE', 'RSA', 'AES-128-GCM', 'AEAD', TLS12],
  ['C030', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE', 'RSA', 'AES-256-GCM', 'AEAD', TLS12],

  ['1301', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS13', 'any', 'AES-128-GCM', 'AEAD', TLS13],
  ['1302', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384', 'TLS13', 'any', 'AES-256-GCM', 'AEAD', TLS13],
  ['1303', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS13', 'any', 'CHACHA20-POLY1305', 'AEAD', TLS13],
];

/** Every known suite, FTP.DATA suites first, then by key exchange and code. */
export const CIPHER_SUITES: readonly CipherSuite[] = ROWS.map(
  ([code4, iana, openssl, keyExchange, authentication, bulk, mac, versions, extra = {}]): CipherSuite => {
    const isNull = bulk === 'NULL';
    return Object.freeze({
      ftpName: extra.ftpName,
      code2: code4.startsWith('00') ? code4.slice(2) : undefined,
      code4,
      iana,
      openssl,
      keyExchange,
      authentication,
      bulk,
      mac,
      null: isNull,
      export: extra.export ?? false,
      weak: extra.weak ?? false,
      exportRegulated: extra.exportRegulated ?? false,
      versions,
      // OpenSSL 3 puts null encryption below every security level but 0.
      needsSecLevel0: isNull && openssl !== undefined,
    });
  },
);

/** The ten names FTP.DATA's CIPHERSUITE statement accepts, in IBM's order. */
export const FTP_DATA_CIPHER_NAMES: readonly string[] = CIPHER_SUITES.flatMap((s) => (s.ftpName ? [s.ftpName] : []));

const byName = new Map<string, CipherSuite>();
const byCode2 = new Map<string, CipherSuite>();
const byCode4 = new Map<string, CipherSuite>();
for (const s of CIPHER_SUITES) {
  for (const name of [s.iana, s.ftpName, s.openssl]) if (name) byName.set(name.toUpperCase(), s);
  if (s.code2) byCode2.set(s.code2, s);
  byCode4.set(s.code4, s);
}

const HEX = /^[0-9A-F]+$/i;

/**
 * Finds a suite by any of its names (IANA/AT-TLS constant, FTP.DATA name, OpenSSL name;
 * case-insensitive) or by its 2-hex or 4-hex code.
 */
export function lookupCipher(nameOrCode: string): CipherSuite | undefined {
  const key = nameOrCode.trim().toUpperCase();
  const named = byName.get(key);
  if (named) return named;
  if (!HEX.test(key)) return undefined;
  if (key.length === 2) return byCode2.get(key);
  if (key.length === 4) return byCode4.get(key);
  return undefined;
}

/** A V3CipherSuites / V3CipherSuites4Char value the table cannot take, and why. */
export interface CipherValueError {
  /** The value as written (a constant, or the whole hex string). */
  readonly value: string;
  /** Index of the value in the list that was passed in. */
  readonly index: number;
  readonly reason: string;
}

export interface ParsedCipherList {
  /** Suites in preference order; a repeated suite keeps its first position. */
  readonly suites: readonly CipherSuite[];
  readonly errors: readonly CipherValueError[];
}

/**
 * Reads the values of V3CipherSuites (fourChar false) or V3CipherSuites4Char (fourChar true).
 * Each value is one constant name, or a string of 2-hex (resp. 4-hex) codes without blanks.
 * Suites with a 4-char code only (ECDHE, TLS 1.3, ...) cannot appear in the 2-hex string form.
 */
export function parseV3CipherSuites(values: readonly string[], fourChar: boolean): ParsedCipherList {
  const keyword = fourChar ? 'V3CipherSuites4Char' : 'V3CipherSuites';
  const width = fourChar ? 4 : 2;
  const suites: CipherSuite[] = [];
  const errors: CipherValueError[] = [];
  const seen = new Set<string>();
  const add = (s: CipherSuite) => {
    if (seen.has(s.code4)) return;
    seen.add(s.code4);
    suites.push(s);
  };

  values.forEach((value, index) => {
    const fail = (reason: string) => errors.push({ value, index, reason });
    if (HEX.test(value)) {
      if (value.length % width !== 0) {
        fail(`${keyword} hex string "${value}" has ${value.length} digits; it must be a multiple of ${width}`);
        return;
      }
      const codes = splitCodes(value, width);
      const unknown = codes.filter((c) => !(fourChar ? byCode4 : byCode2).has(c));
      if (unknown.length === 0) {
        for (const c of codes) add((fourChar ? byCode4 : byCode2).get(c)!);
        return;
      }
      // Reject the whole string: reading "C02F" as "C0" + "2F" would silently pick another suite.
      const as4 = !fourChar && value.length % 4 === 0 && splitCodes(value, 4).every((c) => byCode4.has(c));
      fail(
        `${keyword} "${value}": ${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not ` +
          `a known ${width}-char cipher code` +
          (as4 ? '; these are 4-char codes, which belong in V3CipherSuites4Char' : ''),
      );
      return;
    }
    const suite = byName.get(value.toUpperCase());
    if (suite && value.toUpperCase() === suite.iana) add(suite);
    else if (suite) fail(`"${value}" is not an AT-TLS constant; write ${suite.iana}`);
    else if (/\s/.test(value)) fail(`${keyword} "${value}" contains blanks; code one constant or one hex string per value`);
    else fail(`"${value}" is neither a known cipher constant nor a ${width}-hex code string`);
  });
  return { suites, errors };
}

function splitCodes(hex: string, width: number): string[] {
  const codes: string[] = [];
  for (let i = 0; i < hex.length; i += width) codes.push(hex.slice(i, i + width).toUpperCase());
  return codes;
}

export interface OpenSslCipherList {
  /** For Node's `ciphers` option, in the given order; TLS 1.3 names included (Node splits them off). */
  readonly ciphers: string;
  /** Suites Node 20's OpenSSL cannot offer, in the given order. */
  readonly unsupported: readonly CipherSuite[];
  /** True when `ciphers` ends in `@SECLEVEL=0` because a null suite needs it (this lowers the whole context). */
  readonly secLevel0: boolean;
}

/**
 * Maps a preference-ordered suite list to Node's `ciphers` string. Use it with
 * `honorCipherOrder: true` so the order means what it does on z/OS. If no TLS 1.3 suite is listed,
 * Node keeps its default TLS 1.3 suites: cap `maxVersion` to keep TLS 1.3 off.
 */
export function toOpenSslCipherString(suites: readonly CipherSuite[]): OpenSslCipherList {
  const names: string[] = [];
  const unsupported: CipherSuite[] = [];
  let secLevel0 = false;
  for (const s of suites) {
    if (!s.openssl) unsupported.push(s);
    else if (!names.includes(s.openssl)) {
      names.push(s.openssl);
      secLevel0 ||= s.needsSecLevel0;
    }
  }
  if (secLevel0) names.push('@SECLEVEL=0');
  return { ciphers: names.join(':'), unsupported, secLevel0 };
}

/** The table as Markdown, as docs/attls.md shows it (a test keeps the two identical). */
export function cipherSuiteTableMarkdown(): string {
  const yes = (b: boolean, word: string) => (b ? word : '');
  const lines = [
    '| 4-char | 2-char | IANA name / AT-TLS constant | FTP.DATA name | OpenSSL name (Node) | kx | auth | bulk | MAC | versions | flags |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of CIPHER_SUITES) {
    const flags = [yes(s.null, 'null'), yes(s.export, 'export'), yes(s.weak, 'weak'), yes(s.exportRegulated, 'export-regulated'),
      yes(s.needsSecLevel0, '@SECLEVEL=0')].filter(Boolean).join(', ');
    lines.push(
      `| ${s.code4} | ${s.code2 ?? ''} | ${s.iana} | ${s.ftpName ?? ''} | ${s.openssl ?? '(not in Node 20)'} | ${s.keyExchange} | ` +
        `${s.authentication} | ${s.bulk} | ${s.mac} | ${s.versions.join(' ')} | ${flags} |`,
    );
  }
  return lines.join('\n') + '\n';
}
