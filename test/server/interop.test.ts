/**
 * The SECURE_SESSION_REUSE REQUIRED interop matrix published in docs/server.md
 * ("Session reuse"): real clients on TLS 1.2 and 1.3, before and after CCC where the
 * client has CCC. Each cell is what the server saw on the client's data connections,
 * in order: R = resumed this control connection's session and transferred,
 * X = full handshake, refused with the reuse-failure reply. "Refused" cells are the
 * point of REQUIRED, not failures.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Client } from 'basic-ftp';
import { Writable } from 'node:stream';
import { startTestServer, run, python, PY_PRELUDE, tmp, type TestServer } from './support/harness';
import { RawFtp, login } from './support/raw';
import { testPki } from './support/pki';

type Version = '1.2' | '1.3';
const ca = () => testPki().caPath;

/** R/X per data connection, from the server's own log, in order. */
function dataOutcomes(t: TestServer, from: number): string {
  return t.logs
    .slice(from)
    .map((l) => (l.includes('"tls.established"') && l.includes('"channel":"data"') ? 'R' : l.includes('"tls.reuse_refused"') ? 'X' : ''))
    .join('');
}

async function observe(client: (t: TestServer, v: Version) => Promise<unknown>, v: Version): Promise<string> {
  const t = await startTestServer({ sessionReuse: 'REQUIRED' });
  try {
    const before = t.logs.length;
    await client(t, v);
    return dataOutcomes(t, before);
  } finally {
    await t.close();
  }
}

const curlTls = (v: Version) => ['--tls-max', v, ...(v === '1.3' ? ['--tlsv1.3'] : [])];
const lftpTls = (v: Version) => `set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS${v};`;

const pyTransfers = (cls: string, ccc: boolean) => `
f = ${cls}(context=ctx, timeout=10)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
${ccc ? 'f.ccc()' : ''}
for i in range(2):
    try:
        f.retrbinary('RETR hello.txt', lambda b: None)
    except Exception as e:
        print('ERR', type(e).__name__, e)
        break   # the refusal reply is still unread: this control connection is out of step
`;

const clients: Record<string, { before: (t: TestServer, v: Version) => Promise<unknown>; afterCcc?: (t: TestServer, v: Version) => Promise<unknown> }> = {
  'curl --ssl-reqd, one URL': {
    before: (t, v) => run('curl', ['-sS', '--ssl-reqd', ...curlTls(v), '--cacert', ca(), `ftp://alice:secret@127.0.0.1:${t.port}/hello.txt`]),
    afterCcc: (t, v) => run('curl', ['-sS', '--ssl-reqd', '--ftp-ssl-ccc', ...curlTls(v), '--cacert', ca(), `ftp://alice:secret@127.0.0.1:${t.port}/hello.txt`]),
  },
  'curl --ssl-reqd, two URLs on one control connection': {
    before: (t, v) => {
      const url = `ftp://alice:secret@127.0.0.1:${t.port}/hello.txt`;
      return run('curl', ['-sS', '--ssl-reqd', ...curlTls(v), '--cacert', ca(), url, url]);
    },
  },
  'stock Python ftplib.FTP_TLS': {
    before: (t, v) => python(PY_PRELUDE + pyTransfers('ftplib.FTP_TLS', false), { CA: ca(), PORT: String(t.port), TLSMAX: v }),
    afterCcc: (t, v) => python(PY_PRELUDE + pyTransfers('ftplib.FTP_TLS', true), { CA: ca(), PORT: String(t.port), TLSMAX: v }),
  },
  'Python passing session=self.sock.session': {
    before: (t, v) => python(PY_PRELUDE + pyTransfers('ReuseFTP', false), { CA: ca(), PORT: String(t.port), TLSMAX: v }),
    afterCcc: (t, v) => python(PY_PRELUDE + pyTransfers('ReuseFTP', true), { CA: ca(), PORT: String(t.port), TLSMAX: v }),
  },
  'lftp (ftp:ssl-protect-data)': {
    before: (t, v) =>
      run('lftp', ['-c', `set ssl:ca-file ${ca()}; ${lftpTls(v)} set ftp:ssl-force true; set ftp:ssl-protect-data true; set net:max-retries 1; set net:timeout 5; open -u alice,secret ftp://127.0.0.1:${t.port}; cat hello.txt; cls`]),
    afterCcc: (t, v) =>
      run('lftp', ['-c', `set ssl:ca-file ${ca()}; ${lftpTls(v)} set ftp:ssl-force true; set ftp:ssl-protect-data true; set ftp:ssl-use-ccc true; set net:max-retries 1; set net:timeout 5; open -u alice,secret ftp://127.0.0.1:${t.port}; cat hello.txt`]),
  },
  'basic-ftp (npm)': {
    before: async (t, v) => {
      const c = new Client(10000);
      try {
        const tlsVersion = v === '1.2' ? 'TLSv1.2' : 'TLSv1.3';
        await c.access({ host: '127.0.0.1', port: t.port, user: 'alice', password: 'secret', secure: true, secureOptions: { ca: testPki().caCert, servername: 'localhost', maxVersion: tlsVersion, minVersion: tlsVersion } });
        for (let i = 0; i < 2; i++) await c.downloadTo(new Writable({ write: (_c, _e, cb) => cb() }), 'hello.txt').catch(() => undefined);
      } finally {
        c.close();
      }
    },
  },
  "openssl s_client -sess_in with another control connection's session": {
    before: async (t, v) => {
      // Control connection A: its session (a TLS 1.3 ticket arrives after the handshake) as PEM.
      const sess = join(tmp(), 'a.sess');
      const flag = v === '1.2' ? '-tls1_2' : '-tls1_3';
      const a = await RawFtp.connect(t.port);
      let session: Buffer | undefined;
      try {
        await a.read();
        const s = await a.authTls({ maxVersion: v === '1.2' ? 'TLSv1.2' : 'TLSv1.3' });
        s.on('session', (der: Buffer) => (session = der));
        await login(a);
        session ??= s.getSession();
      } finally {
        a.close();
      }
      writeFileSync(sess, `-----BEGIN SSL SESSION PARAMETERS-----\n${session!.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END SSL SESSION PARAMETERS-----\n`);
      // Control connection B: A's session offered on B's data port.
      const b = await RawFtp.connect(t.port);
      try {
        await b.read();
        await b.authTls({ maxVersion: v === '1.2' ? 'TLSv1.2' : 'TLSv1.3' });
        await login(b);
        await b.cmd('PBSZ 0');
        await b.cmd('PROT P');
        const port = Number(/\|\|\|(\d+)\|/.exec((await b.cmd('EPSV')).text)![1]);
        b.write('RETR hello.txt\r\n');
        const sc = run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, flag, '-CAfile', ca(), '-sess_in', sess], { input: '', timeoutMs: 10000 });
        await b.read(); // 150
        await b.read(10000); // 226 or the refusal
        const out = await sc;
        assert.doesNotMatch(out.stdout + out.stderr, /session file|unable to load|PEM/i, 'the PEM session loaded');
        assert.doesNotMatch(out.stdout, /^Reused/m);
      } finally {
        b.close();
      }
    },
  },
};

/** What the matrix shows; docs/server.md's table says the same in words. */
const expected: Record<string, Record<Version, { before: string; afterCcc?: string }>> = {
  'curl --ssl-reqd, one URL': { '1.2': { before: 'R', afterCcc: 'X' }, '1.3': { before: 'R', afterCcc: 'X' } },
  'curl --ssl-reqd, two URLs on one control connection': { '1.2': { before: 'RR' }, '1.3': { before: 'RR' } },
  'stock Python ftplib.FTP_TLS': { '1.2': { before: 'X', afterCcc: 'X' }, '1.3': { before: 'X', afterCcc: 'X' } },
  'Python passing session=self.sock.session': { '1.2': { before: 'RR', afterCcc: 'X' }, '1.3': { before: 'RR', afterCcc: 'X' } },
  'lftp (ftp:ssl-protect-data)': { '1.2': { before: 'RR', afterCcc: 'X' }, '1.3': { before: 'RR', afterCcc: 'X' } },
  'basic-ftp (npm)': { '1.2': { before: 'RR' }, '1.3': { before: 'RR' } },
  "openssl s_client -sess_in with another control connection's session": { '1.2': { before: 'X' }, '1.3': { before: 'X' } },
};

describe('interop matrix, SECURE_SESSION_REUSE REQUIRED', { timeout: 240000 }, () => {
  for (const [name, client] of Object.entries(clients)) {
    for (const v of ['1.2', '1.3'] as const) {
      it(`${name}, TLS ${v}`, async (ctx) => {
        const want = expected[name][v];
        const before = await observe(client.before, v);
        ctx.diagnostic(`${name} | TLS ${v} | before CCC: ${before}`);
        assert.equal(before, want.before);
        if (client.afterCcc) {
          const after = await observe(client.afterCcc, v);
          ctx.diagnostic(`${name} | TLS ${v} | after CCC: ${after}`);
          assert.equal(after, want.afterCcc);
        }
      });
    }
  }
});
