/**
 * Arbitrary command lines against a real server (in-process, loopback): every
 * byte the server sends back parses as FTP replies (`^\d{3}[ -]`, multi-line
 * replies closed), the server never crashes, and a NOOP afterwards still gets
 * 200 — on the same connection when the server kept it, always on a new one.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { RawFtp, type Reply } from '../server/support/raw';
import { startTestServer, type TestServer } from '../server/support/harness';
import { fuzzParams } from './support/params';

const VERBS = [
  'USER', 'PASS', 'ACCT', 'CWD', 'CDUP', 'PWD', 'TYPE', 'MODE', 'STRU', 'PASV', 'EPSV', 'PORT', 'EPRT', 'LIST', 'NLST', 'MLSD',
  'MLST', 'RETR', 'STOR', 'STOU', 'APPE', 'DELE', 'RMD', 'MKD', 'RNFR', 'RNTO', 'REST', 'ABOR', 'STAT', 'SYST', 'HELP',
  'REIN', 'ALLO', 'FEAT', 'OPTS', 'SIZE', 'MDTM', 'PBSZ', 'PROT', 'CCC', 'SITE', 'ADAT', 'XCWD', 'XPWD', 'XMKD', 'XRMD',
];
const ARGS = ['', 'alice', 'secret', 'hello.txt', '..', '../..', '/', 'A', 'I', 'L 8', 'E', 'P', 'C', 'S', '0', '-1', '99999999999999999999',
  '127,0,0,1,4,1', '127,0,0,1,0,21', '10,0,0,1,200,10', '|1|127.0.0.1|2000|', '|2|::1|2000|', '|x|', 'ALL', '2', 'UTF8 ON', 'MLST type;size;',
  '-la', 'dir/../../etc/passwd', 'a\u0000b', 'x\u00e9', '\u00ff\u00fe', '%s%n', '"quoted"', 'name with spaces'];

/** Text for one command line; never a line feed (the line ends after it) and never AUTH (TLS needs its own client). */
const line: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...VERBS), fc.constantFrom(...ARGS), fc.boolean()).map(([v, a, lower]) => `${lower ? v.toLowerCase() : v}${a ? ' ' + a : ''}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...VERBS), fc.string({ maxLength: 40 })).map(([v, a]) => `${v} ${a}`) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')) },
    // Telnet IAC sequences around commands (some clients send IP/DM before ABOR)
    { weight: 1, arbitrary: fc.constantFrom('\u00ff\u00f4\u00ff\u00f2ABOR', '\u00ff\u00ffSTAT', 'NO\u00ffOP x', '\u00ff') },
    // over-long lines (the limit is 512 on this server)
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 3000 }).map((n) => 'STAT ' + 'x'.repeat(n)) },
  )
  .map((l) => l.replace(/\n/g, ' '))
  .filter((l) => !/^\s*(AUTH|NOOP)\b/i.test(l));

let srv: TestServer;
before(async () => {
  srv = await startTestServer({
    logLevel: 'silent',
    limits: { maxCommandLength: 512, maxLoginFailures: 1_000_000, failedLoginDelayMs: 1, dataTimeoutSeconds: 1 },
  });
});
after(() => srv.close());

/** Writes one line and NOOP, then reads replies (each must parse) until the NOOP's 200. */
async function exchange(c: RawFtp, text: string, seen: Reply[]): Promise<'open' | 'closed'> {
  c.write(Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from('\r\nNOOP\r\n')]));
  for (;;) {
    let r: Reply;
    try {
      r = await c.read(5000);
    } catch (e) {
      if (c.closed) return 'closed'; // the server may close (QUIT, 421 after abuse, a TLS record on plaintext)
      throw e;
    }
    seen.push(r);
    for (const l of r.lines) assert.ok(/^\d{3}[ -]/.test(l) || (r.lines.length > 1 && l !== r.lines[r.lines.length - 1]), `bad reply line ${JSON.stringify(l)}`);
    assert.ok(r.code >= 100 && r.code <= 599, `reply code ${r.code}`);
    if (r.code === 200 && r.text === '200 NOOP command successful.') return 'open';
  }
}

describe('arbitrary command lines against a real server', () => {
  it('always get well-formed replies, and the server keeps answering NOOP', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), async (lines, loginFirst) => {
        const c = await RawFtp.connect(srv.port);
        try {
          assert.equal((await c.read()).code, 220);
          if (loginFirst) {
            assert.equal((await c.cmd('USER alice')).code, 331);
            assert.equal((await c.cmd('PASS secret')).code, 230);
          }
          const seen: Reply[] = [];
          for (const l of lines) {
            if ((await exchange(c, l, seen)) === 'closed') break;
          }
        } finally {
          c.close();
        }
        const fresh = await RawFtp.connect(srv.port);
        try {
          assert.equal((await fresh.read()).code, 220);
          assert.equal((await fresh.cmd('NOOP')).code, 200);
        } finally {
          fresh.close();
        }
      }),
      fuzzParams('command lines', 40),
    );
  });
});
