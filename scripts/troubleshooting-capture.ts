/**
 * Reproduces the client outputs quoted in docs/troubleshooting.md: synthesizes one
 * configuration, then for each common misconfiguration starts a zftps server on
 * loopback with that setting and runs curl, lftp and Python's ftplib against it,
 * printing the lines the document uses.
 *
 *   npx tsx scripts/troubleshooting-capture.ts [scenario-id ...]
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtpsApp, KeyRing, KeyRingName, SecureFtpServer, ClientAuthLevel, ClientCertificate, CertificateAuthority, Password } from '../lib/constructs';
import { synthesize } from '../lib/synth';
import { artifactPath, manifestServer, readManifest } from '../lib/manifest';
import { loadServerConfig, startServer, type EffectiveSettings } from '../lib/server';

interface Ctx {
  port: number;
  implicitPort?: number;
  ca: string;
  aliceCert: string;
  aliceKey: string;
}
type Client = { name: string; cmd: (c: Ctx) => [string, string[]] };
interface Scenario {
  id: string;
  patch: (s: EffectiveSettings, other: { cert: string; key: string }) => EffectiveSettings;
  clients: Client[];
}

const url = (c: Ctx, path = '') => `ftp://127.0.0.1:${c.port}/${path}`;
const curl = (name: string, args: (c: Ctx) => string[]): Client => ({ name: `curl ${name}`, cmd: (c) => ['curl', ['-sS', '--max-time', '8', ...args(c)]] });
const lftp = (name: string, settings: string, commands = 'ls'): Client => ({
  name: `lftp ${name}`,
  cmd: (c) => ['lftp', ['-c', `set net:max-retries 1; set net:timeout 5; set cmd:trace no; set ssl:ca-file ${c.ca}; ${settings}; open -u alice,secret -p ${c.port} 127.0.0.1; ${commands}`]],
});
const py = (name: string, body: string): Client => ({
  name: `python ${name}`,
  cmd: (c) => [
    'python3',
    ['-c', `import ftplib, ssl, sys\nctx = ssl.create_default_context(cafile=${JSON.stringify(c.ca)})\ntry:\n${body.split('\n').map((l) => '    ' + l).join('\n')}\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n`.replace(/PORT/g, String(c.port))],
  ],
});
const ftpsLogin = 'f = ftplib.FTP_TLS(context=ctx, timeout=8)\nf.connect("127.0.0.1", PORT)\nf.login("alice", "secret")';

const SCENARIOS: Scenario[] = [
  {
    id: 'secure-ftp-required-plain-client',
    patch: (s) => s,
    clients: [
      curl('without --ssl-reqd', (c) => ['--user', 'alice:secret', url(c)]),
      lftp('ftp:ssl-allow no', 'set ftp:ssl-allow no'),
      py('ftplib.FTP', 'f = ftplib.FTP(timeout=8)\nf.connect("127.0.0.1", PORT)\nf.login("alice", "secret")'),
    ],
  },
  {
    id: 'prot-c-under-private',
    patch: (s) => s,
    clients: [
      curl('--ftp-ssl-control', (c) => ['--ftp-ssl-control', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      lftp('ftp:ssl-protect-data no', 'set ftp:ssl-protect-data no'),
      py('FTP_TLS without prot_p()', `${ftpsLogin}\nprint(f.nlst())`),
      py('FTP_TLS prot_c()', `${ftpsLogin}\nprint(f.prot_c())`),
    ],
  },
  {
    id: 'session-reuse-required',
    patch: (s) => s,
    clients: [
      py('stock FTP_TLS prot_p()', `${ftpsLogin}\nf.prot_p()\nprint(f.nlst())`),
      curl('TLS 1.3, two transfers', (c) => ['--ssl-reqd', '--tlsv1.3', '--cacert', c.ca, '--user', 'alice:secret', '-o', '/dev/null', '-o', '/dev/null', url(c, 'hello.txt'), url(c, 'hello.txt')]),
      lftp('defaults', ''),
    ],
  },
  {
    id: 'level1-without-certificate',
    patch: (s) => ({ ...s, secureLogin: 'REQUIRED', tls: { ...s.tls!, clientCert: 'request' } }),
    clients: [curl('no --cert', (c) => ['--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', url(c)]), lftp('no ssl:cert-file', ''), py('no certificate', `${ftpsLogin}`)],
  },
  {
    id: 'level1-without-certificate-attls-required',
    patch: (s) => ({ ...s, secureLogin: 'REQUIRED', tls: { ...s.tls!, clientCert: 'require' } }),
    clients: [curl('no --cert', (c) => ['--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', url(c)]), lftp('no ssl:cert-file', ''), py('no certificate', `${ftpsLogin}`)],
  },
  {
    id: 'level2-certificate-of-another-user',
    patch: (s) => s,
    clients: [
      curl('alice cert, USER bob', (c) => ['--ssl-reqd', '--cacert', c.ca, '--cert', c.aliceCert, '--key', c.aliceKey, '--user', 'bob:bobpw', url(c)]),
      { name: 'lftp alice cert, USER bob', cmd: (c) => ['lftp', ['-c', `set net:max-retries 1; set net:timeout 5; set ssl:ca-file ${c.ca}; set ssl:cert-file ${c.aliceCert}; set ssl:key-file ${c.aliceKey}; open -u bob,bobpw -p ${c.port} 127.0.0.1; ls`]] },
      { name: 'python alice cert, USER bob', cmd: (c) => ['python3', ['-c', `import ftplib, ssl\nctx = ssl.create_default_context(cafile=${JSON.stringify(c.ca)})\nctx.load_cert_chain(${JSON.stringify(c.aliceCert)}, ${JSON.stringify(c.aliceKey)})\nf = ftplib.FTP_TLS(context=ctx, timeout=8)\nf.connect("127.0.0.1", ${c.port})\ntry:\n    f.login("bob", "bobpw")\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))`]] },
    ],
  },
  {
    id: 'untrusted-ca-signed-server-certificate',
    patch: (s) => s,
    clients: [
      curl('system trust store only', (c) => ['--ssl-reqd', '--user', 'alice:secret', url(c)]),
      { name: 'lftp system trust store only', cmd: (c) => ['lftp', ['-c', `set net:max-retries 1; set net:timeout 5; open -u alice,secret -p ${c.port} 127.0.0.1; ls`]] },
      { name: 'python default context', cmd: (c) => ['python3', ['-c', `import ftplib, ssl\nf = ftplib.FTP_TLS(context=ssl.create_default_context(), timeout=8)\nf.connect("127.0.0.1", ${c.port})\ntry:\n    f.login("alice", "secret")\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))`]] },
    ],
  },
  {
    id: 'untrusted-self-signed-server-certificate',
    patch: (s, other) => ({ ...s, tls: { ...s.tls!, ...other } }),
    clients: [
      curl('--cacert <the synth CA>', (c) => ['--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      lftp('ssl:ca-file <the synth CA>', ''),
      py('cafile=<the synth CA>', `${ftpsLogin}`),
    ],
  },
  {
    id: 'no-shared-cipher',
    patch: (s) => s,
    clients: [
      curl('--ciphers ECDHE-RSA-AES128-GCM-SHA256 --tls-max 1.2', (c) => ['--ssl-reqd', '--cacert', c.ca, '--ciphers', 'ECDHE-RSA-AES128-GCM-SHA256', '--tls-max', '1.2', '--user', 'alice:secret', url(c)]),
      lftp('ssl:priority TLS1.2 + ECDHE only', 'set ssl:priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-RSA"'),
      py('set_ciphers(ECDHE-RSA-AES128-GCM-SHA256), TLS 1.2', 'ctx.maximum_version = ssl.TLSVersion.TLSv1_2\nctx.set_ciphers("ECDHE-RSA-AES128-GCM-SHA256")\n' + ftpsLogin),
    ],
  },
  {
    id: 'tls-version-mismatch-attls-default-off',
    // TLSv1.2/TLSv1.3 not coded: IBM's defaults leave only TLSv1 and TLSv1.1 on.
    patch: (s) => ({ ...s, tls: { ...s.tls!, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'AES256-SHA:AES128-SHA:@SECLEVEL=0' } }),
    clients: [curl('defaults', (c) => ['--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', url(c)]), lftp('defaults', ''), py('defaults', `${ftpsLogin}`)],
  },
  {
    id: 'ccc-under-ctrlconn-private',
    patch: (s) => s,
    clients: [
      curl('--ftp-ssl-ccc', (c) => ['--ssl-reqd', '--ftp-ssl-ccc', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      lftp('ftp:ssl-use-ccc yes', 'set ftp:ssl-use-ccc yes'),
      py('ccc()', `${ftpsLogin}\nprint(f.ccc())`),
    ],
  },
  {
    id: 'cccnonotify',
    patch: (s) => ({ ...s, rfcLevel: 'CCCNONOTIFY', secureCtrlConn: 'CLEAR', secureDataConn: 'CLEAR', sessionReuse: 'ALLOWED' }),
    clients: [
      curl('--ftp-ssl-ccc-mode active', (c) => ['--ssl-reqd', '--ftp-ssl-ccc', '--ftp-ssl-ccc-mode', 'active', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      lftp('ftp:ssl-use-ccc yes', 'set ftp:ssl-use-ccc yes'),
      py('ccc()', `${ftpsLogin}\nprint(f.ccc())\nprint(f.pwd())`),
    ],
  },
  {
    id: 'implicit-port-explicit-client',
    patch: (s) => s,
    clients: [
      { name: 'curl ftp:// --ssl-reqd to the implicit port', cmd: (c) => ['curl', ['-sS', '--max-time', '6', '--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', `ftp://127.0.0.1:${c.implicitPort}/`]] },
      { name: 'curl ftps:// (implicit) to the explicit port', cmd: (c) => ['curl', ['-sS', '--max-time', '6', '--cacert', c.ca, '--user', 'alice:secret', `ftps://127.0.0.1:${c.port}/`]] },
      { name: 'lftp ftp:// to the implicit port', cmd: (c) => ['lftp', ['-c', `set net:max-retries 1; set net:timeout 5; set ssl:ca-file ${c.ca}; open -u alice,secret -p ${c.implicitPort} 127.0.0.1; ls`]] },
      { name: 'python FTP_TLS to the implicit port', cmd: (c) => ['python3', ['-c', `import ftplib, ssl\ntry:\n    f = ftplib.FTP_TLS(context=ssl.create_default_context(cafile=${JSON.stringify(c.ca)}), timeout=5)\n    f.connect("127.0.0.1", ${c.implicitPort})\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))`]] },
    ],
  },
  {
    id: 'pasv-behind-nat',
    // The server announces an address the client cannot reach (PASV address not translated, or a NAT address from inside).
    patch: (s) => ({ ...s, passiveAddress: '192.0.2.10' }),
    clients: [
      curl('--disable-epsv --no-ftp-skip-pasv-ip', (c) => ['--ssl-reqd', '--connect-timeout', '3', '--disable-epsv', '--no-ftp-skip-pasv-ip', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      curl('defaults', (c) => ['--ssl-reqd', '--cacert', c.ca, '--user', 'alice:secret', url(c)]),
      lftp('defaults', 'set net:timeout 3'),
      py('trust_server_pasv_ipv4_address = True', `${ftpsLogin}\nf.prot_p()\nf.trust_server_pasv_ipv4_address = True\nprint(f.nlst())`),
    ],
  },
];

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code ?? (err as { signal?: string }).signal) : 0;
      resolve(`${String(stdout)}${String(stderr)}`.trim() + `\n(exit ${String(code)})`);
    });
    child.stdin?.end();
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'zftps-trouble-'));
  try {
    const outdir = join(dir, 'out');
    const app = new FtpsApp({ outdir, keyStoreDir: join(dir, 'keys'), quiet: true });
    const ca = new CertificateAuthority('ca');
    const keyRing = new KeyRing(app, 'ring', {
      name: KeyRingName.saf('FTPRING'),
      certificateAuthorities: [ca],
      serverCertificate: { signedBy: ca, ipAddresses: ['127.0.0.1'] },
      clientCertificates: [new ClientCertificate('alice', { userId: 'ALICE', signedBy: ca })],
    });
    new SecureFtpServer(app, 'ftps1', {
      keyRing,
      clientAuth: ClientAuthLevel.LEVEL_2,
      implicitTls: { port: 990 },
      users: [{ name: 'alice', password: Password.of('secret') }, { name: 'bob', password: Password.of('bobpw') }],
    });
    await synthesize(app, { outdir, keyStoreDir: join(dir, 'keys') });
    const m = manifestServer(readManifest(outdir));
    const root = join(dir, 'root');
    for (const u of ['alice', 'bob']) mkdirSync(join(root, u), { recursive: true });
    writeFileSync(join(root, 'alice', 'hello.txt'), 'hello\n');
    const base = await loadServerConfig(artifactPath(outdir, m, 'serverConfig'), { port: 0, implicitPort: 0, root, logLevel: 'silent' });
    const other = selfSigned(dir);
    const ctxBase = {
      ca: artifactPath(outdir, m, 'clientTrustBundle'),
      aliceCert: artifactPath(outdir, m, 'clientIdentity', { client: 'alice', kind: 'certificate' }),
      aliceKey: artifactPath(outdir, m, 'clientIdentity', { client: 'alice', kind: 'key' }),
    };
    for (const sc of SCENARIOS.filter((s) => !only.length || only.includes(s.id))) {
      // Level 2 is the synthesized default; the scenarios that are not about client certificates run at level 0.
      const needsCert = sc.id.startsWith('level');
      const start = needsCert ? base : { ...base, secureLogin: 'NO_CLIENT_AUTH' as const, tls: { ...base.tls!, clientCert: 'none' as const } };
      const server = await startServer(sc.patch(start, other));
      const ctx: Ctx = { port: server.port, implicitPort: server.implicitPort, ...ctxBase };
      console.log(`\n### ${sc.id}`);
      for (const client of sc.clients) {
        const [cmd, args] = client.cmd(ctx);
        console.log(`--- ${client.name}`);
        console.log((await run(cmd, args)).replace(/:\d{4,5}\b/g, ':PORT'));
      }
      await server.close(200);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function selfSigned(dir: string): { cert: string; key: string } {
  const d = join(dir, 'self-signed');
  mkdirSync(d);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { cwd: d, stdio: 'pipe' });
  return { cert: readFileSync(join(d, 'c.pem'), 'utf8'), key: readFileSync(join(d, 'k.pem'), 'utf8') };
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
