/**
 * Test PKI made with the openssl CLI (independent of lib/pki): a CA, a server
 * certificate for 127.0.0.1/localhost, CA-signed client certificates, one from a
 * rogue CA with the same CN, and a self-signed client certificate. Cached per process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';

export interface TestPki {
  dir: string;
  caCert: string;
  caPath: string;
  serverKey: string;
  serverCert: string;
  /** name → { cert, key, certPath, keyPath, fingerprint256 } */
  clients: Record<string, { cert: string; key: string; certPath: string; keyPath: string; fingerprint256: string }>;
  caFingerprint256: string;
}

let cached: TestPki | undefined;

function ssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

export function testPki(): TestPki {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'zftps-pki-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  writeFileSync(join(dir, 'server.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  writeFileSync(join(dir, 'client.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n');
  for (const ca of ['ca', 'rogue']) {
    ssl(dir, 'req', '-x509', ...ec, '-keyout', `${ca}.key`, '-out', `${ca}.crt`, '-days', '2', '-subj', `/O=Test/CN=${ca} CA`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  }
  // RSA server key: the RSA-key-exchange suites (AES256-SHA etc.) need it.
  ssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/O=Test/CN=localhost');
  ssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext');
  const client = (name: string, ca: string) => {
    ssl(dir, 'req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=Test/OU=FTP/CN=alice`);
    ssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', 'client.ext');
  };
  client('alice', 'ca');
  client('mallory', 'rogue'); // same subject (CN=alice), another CA
  ssl(dir, 'req', ...ec, '-keyout', 'carol.key', '-out', 'carol.csr', '-subj', '/O=Test/CN=carol');
  ssl(dir, 'x509', '-req', '-in', 'carol.csr', '-signkey', 'carol.key', '-out', 'carol.crt', '-days', '2', '-extfile', 'client.ext');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const clients: TestPki['clients'] = {};
  for (const n of ['alice', 'mallory', 'carol']) {
    clients[n] = {
      cert: read(`${n}.crt`),
      key: read(`${n}.key`),
      certPath: join(dir, `${n}.crt`),
      keyPath: join(dir, `${n}.key`),
      fingerprint256: new X509Certificate(read(`${n}.crt`)).fingerprint256,
    };
  }
  cached = {
    dir,
    caCert: read('ca.crt'),
    caPath: join(dir, 'ca.crt'),
    serverKey: read('server.key'),
    serverCert: read('server.crt'),
    clients,
    caFingerprint256: new X509Certificate(read('ca.crt')).fingerprint256,
  };
  return cached;
}
