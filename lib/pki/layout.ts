/**
 * Where key ring artifacts go, locally (under <relDir>/keys) and on z/OS (the
 * data sets the RACF job reads). One place, so the job's upload list and the
 * files synth writes can never disagree.
 */
import { posix } from 'node:path';

export function keyPaths(relDir: string) {
  const keys = posix.join(relDir, 'keys');
  return {
    dir: keys,
    serverKey: posix.join(keys, 'server.key.pem'),
    serverCertificate: posix.join(keys, 'server.chain.pem'),
    serverLeafCertificate: posix.join(keys, 'server.cert.pem'),
    serverPkcs12: posix.join(keys, 'server.p12'),
    serverPkcs12Password: posix.join(keys, 'server.p12.password'),
    ca: (name: string) => posix.join(keys, 'ca', `${name}.pem`),
    clientTrustBundle: posix.join(keys, 'client-trust-bundle.pem'),
    trustedCas: posix.join(keys, 'server-trust-cas.pem'),
    trustedSelfSigned: posix.join(keys, 'server-trust-self-signed.pem'),
    clientCertificate: (name: string) => posix.join(keys, 'clients', `${name}.cert.pem`),
    clientKey: (name: string) => posix.join(keys, 'clients', `${name}.key.pem`),
    clientPkcs12: (name: string) => posix.join(keys, 'clients', `${name}.p12`),
    clientPkcs12Password: (name: string) => posix.join(keys, 'clients', `${name}.p12.password`),
    racfDir: posix.join(relDir, 'racf'),
  };
}

/**
 * z/OS data set names for the uploads, under a high-level qualifier: index-based
 * low-level qualifiers because identity names need not be valid qualifiers.
 */
export function dataSetNames(hlq: string) {
  const base = `${hlq.toUpperCase()}.ZFTPS`;
  return {
    serverPkcs12: `${base}.SERVER.P12`,
    serverCertificate: `${base}.SERVER.CRT`,
    serverCsr: `${base}.SERVER.CSR`,
    ca: (index: number) => `${base}.CA${index + 1}.CRT`,
    client: (index: number) => `${base}.CL${index + 1}.CRT`,
  };
}
