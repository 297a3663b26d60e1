/**
 * Configuration loading: a real synth output (examples/quickstart through the CLI)
 * and hand-written z/OS files (FTP.DATA + AT-TLS policy + keys folder), the errors
 * an operator sees, and `zftps serve` on the synth output with a real curl client.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServerConfig, loadZosConfig, startServer } from '../../lib/server';
import { run, tmp } from './support/harness';
import { testPki } from './support/pki';
import { DEMO_PASSWORD, ROOT, startChild, synthQuickstart, type Quickstart } from './support/quickstart';

/** A keys folder in synth's layout, from the test PKI (CA-signed server certificate, the CA as client trust). */
function keysDir(): string {
  const dir = tmp('zftps-zoskeys-');
  const pki = testPki();
  writeFileSync(join(dir, 'server.key.pem'), pki.serverKey);
  writeFileSync(join(dir, 'server.chain.pem'), pki.serverCert);
  writeFileSync(join(dir, 'server-trust-cas.pem'), pki.caCert);
  return dir;
}

function write(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const ATTLS_FTP_DATA = `EXTENSIONS AUTH_TLS
EXTENSIONS SIZE
TLSMECHANISM ATTLS
SECURE_FTP REQUIRED
SECURE_LOGIN REQUIRED
SECURE_DATACONN PRIVATE
SECURE_SESSION_REUSE ALLOWED
PASSIVEDATAPORTS (41000,41010)
INACTIVE 60
DATACTTIME 30
`;

function policy(ciphers: string[], extra = ''): string {
  return `TTLSRule ftpd_rule
{
  LocalPortRange 2121
  Direction Inbound
  TTLSGroupActionRef grp
  TTLSEnvironmentActionRef env
}
TTLSGroupAction grp
{
  TTLSEnabled On
}
TTLSEnvironmentAction env
{
  HandshakeRole ServerWithClientAuth
  TTLSKeyringParms
  {
    Keyring FTPD/FTPRING
  }
  TTLSEnvironmentAdvancedParms
  {
    ApplicationControlled On
    TLSv1 Off
    TLSv1.1 Off
    TLSv1.2 On
    TLSv1.3 Off
    CertificateLabel "FTP Server"
    ClientAuthType Required
    HandshakeTimeout 7
${extra}  }
  TTLSCipherParmsRef ciphers
  TTLSGskAdvancedParmsRef gsk
}
TTLSCipherParms ciphers
{
${ciphers.map((c) => `  V3CipherSuites4Char ${c}`).join('\n')}
}
TTLSGskAdvancedParms gsk
{
  GSK_V3_SESSION_TIMEOUT 3600
}
`;
}

describe('loadServerConfig on a real synth output (quickstart)', { timeout: 240000 }, () => {
  let qs: Quickstart;
  before(() => {
    qs = synthQuickstart();
  });

  it('takes TLS from the AT-TLS policy rule for the control port, the rest from FTP.DATA', async () => {
    const s = await loadServerConfig(qs.config, { root: tmp() });
    assert.equal(s.mechanism, 'ATTLS');
    assert.equal(s.port, 2121);
    assert.equal(s.implicitPort, undefined);
    assert.equal(s.secureFtp, 'REQUIRED');
    assert.equal(s.secureDataConn, 'PRIVATE');
    assert.equal(s.sessionReuse, 'REQUIRED');
    assert.deepEqual(s.passivePorts, { low: 30000, high: 30099 });
    assert.equal(s.limits.inactiveSeconds, 300);
    assert.equal(s.limits.dataTimeoutSeconds, 120);
    const t = s.tls!;
    assert.equal(t.ciphers, 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-SHA256:AES128-SHA256');
    assert.equal(t.minVersion, 'TLSv1.2');
    assert.equal(t.maxVersion, 'TLSv1.3');
    assert.equal(t.sessionTimeoutSeconds, 86400);
    assert.equal(t.handshakeTimeoutMs, 10000);
    assert.equal(t.clientCert, 'none');
    assert.equal(t.key, readFileSync(join(qs.dir, 'keys', 'server.key.pem'), 'utf8'));
    assert.deepEqual(
      s.users.map((u) => u.name),
      ['demo'],
    );
  });

  it('a missing key file is an error naming the file', async () => {
    const dir = tmp();
    cpSync(qs.dir, dir, { recursive: true });
    rmSync(join(dir, 'keys', 'server.key.pem'));
    await assert.rejects(loadServerConfig(join(dir, 'zftps-server.json')), (e: Error) => {
      assert.match(e.message, /server key .*keys\/server\.key\.pem: ENOENT/);
      return true;
    });
  });

  it('refuses the default demo password off loopback, accepts it once the environment sets one', async () => {
    const saved = process.env.ZFTPS_DEMO_PASSWORD;
    delete process.env.ZFTPS_DEMO_PASSWORD;
    try {
      await assert.rejects(startServer({ configFile: qs.config, overrides: { host: '0.0.0.0', port: 0, root: tmp() } }), /demo .*default password.*host is 0\.0\.0\.0/);
      process.env.ZFTPS_DEMO_PASSWORD = DEMO_PASSWORD;
      const s = await startServer({ configFile: qs.config, overrides: { host: '0.0.0.0', port: 0, root: tmp() } }, { logDestination: join(tmp(), 'log') });
      await s.close(100);
    } finally {
      if (saved === undefined) delete process.env.ZFTPS_DEMO_PASSWORD;
      else process.env.ZFTPS_DEMO_PASSWORD = saved;
    }
  });

  it('`zftps serve <out>` prints one line when listening and serves curl over PROT P', async () => {
    const data = tmp();
    mkdirSync(join(data, 'demo'));
    writeFileSync(join(data, 'demo', 'hi.txt'), 'served\n');
    const child = await startChild(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'serve', qs.out, '--port', '0', '--root', data]);
    try {
      assert.equal(child.stdout().trim().split('\n').length, 1);
      assert.match(child.stdout(), /^zftps: serving quickstart on ftp:\/\/127\.0\.0\.1:\d+ \(explicit TLS\)/);
      const r = await run('curl', ['-sS', '--ssl-reqd', '--cacert', join(qs.dir, 'keys', 'server.chain.pem'), `ftp://demo:${DEMO_PASSWORD}@localhost:${child.port}/hi.txt`]);
      assert.equal(r.stdout, 'served\n', r.stderr);
    } finally {
      child.proc.kill('SIGTERM');
      assert.equal(await child.exited, 0);
    }
  });
});

describe('loadZosConfig: hand-written FTP.DATA + policy + keys folder', () => {
  it('TLSMECHANISM ATTLS: ciphers, versions, client authentication, label and timeouts from the policy', async () => {
    const dir = tmp();
    const s = await loadZosConfig({
      ftpData: write(dir, 'FTP.DATA', ATTLS_FTP_DATA),
      policy: write(dir, 'policy.conf', policy(['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'])),
      keys: keysDir(),
      root: tmp(),
      port: 2121,
    });
    const t = s.tls!;
    assert.equal(t.ciphers, 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256');
    assert.equal(t.minVersion, 'TLSv1.2');
    assert.equal(t.maxVersion, 'TLSv1.2');
    assert.equal(t.clientCert, 'require');
    assert.equal(t.sessionTimeoutSeconds, 3600);
    assert.equal(t.handshakeTimeoutMs, 7000);
    assert.equal(t.trustedCas.length, 1);
    assert.equal(s.secureLogin, 'REQUIRED');
    assert.equal(s.sessionReuse, 'ALLOWED');
    assert.deepEqual(s.passivePorts, { low: 41000, high: 41010 });
    assert.equal(s.limits.inactiveSeconds, 60);
  });

  it('TLSMECHANISM FTP: CIPHERSUITE order, KEYRING and TLSTIMEOUT from FTP.DATA', async () => {
    const dir = tmp();
    const ftpData = write(
      dir,
      'FTP.DATA',
      `EXTENSIONS AUTH_TLS
TLSMECHANISM FTP
KEYRING FTPRING
CIPHERSUITE SSL_AES_256_SHA
CIPHERSUITE SSL_AES_128_SHA
TLSTIMEOUT 600
SECURE_LOGIN NO_CLIENT_AUTH
`,
    );
    const s = await loadZosConfig({ ftpData, keys: keysDir(), root: tmp(), port: 2121 });
    const t = s.tls!;
    assert.equal(t.ciphers, 'AES256-SHA:AES128-SHA');
    assert.equal(t.maxVersion, 'TLSv1.2');
    assert.equal(t.sessionTimeoutSeconds, 600);
    assert.equal(t.clientCert, 'none');
  });

  it('a cipher suite Node cannot offer stops start-up, naming the suite and its line (FTP.DATA)', async () => {
    const dir = tmp();
    const ftpData = write(dir, 'FTP.DATA', `EXTENSIONS AUTH_TLS\nTLSMECHANISM FTP\nKEYRING FTPRING\nCIPHERSUITE SSL_AES_128_SHA\nCIPHERSUITE SSL_3DES_SHA\n`);
    await assert.rejects(loadZosConfig({ ftpData, keys: keysDir(), root: tmp(), port: 2121 }), (e: Error) => {
      assert.match(e.message, /cannot offer: SSL_3DES_SHA \(.*FTP\.DATA:5/);
      assert.doesNotMatch(e.message, /SSL_AES_128_SHA/);
      return true;
    });
  });

  it('a cipher suite Node cannot offer stops start-up, naming the suite and its line (AT-TLS policy)', async () => {
    const dir = tmp();
    await assert.rejects(
      loadZosConfig({
        ftpData: write(dir, 'FTP.DATA', ATTLS_FTP_DATA),
        policy: write(dir, 'policy.conf', policy(['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'])),
        keys: keysDir(),
        root: tmp(),
        port: 2121,
      }),
      (e: Error) => {
        assert.match(e.message, /policy\.conf: cipher suite\(s\) Node\.js\/OpenSSL 3 cannot offer: .*3DES.*policy\.conf:\d+/);
        return true;
      },
    );
  });

  it('a missing key in the keys folder is an error naming the file', async () => {
    const dir = tmp();
    const keys = keysDir();
    rmSync(join(keys, 'server.key.pem'));
    const ftpData = write(dir, 'FTP.DATA', `EXTENSIONS AUTH_TLS\nTLSMECHANISM FTP\nKEYRING FTPRING\n`);
    await assert.rejects(loadZosConfig({ ftpData, keys, root: tmp(), port: 2121 }), new RegExp(`${keys}/server\\.key\\.pem: ENOENT`));
  });
});
