/**
 * PKCS#12 packages. '3des' (pbeWithSHA1And3-KeyTripleDES-CBC key bag, HMAC-SHA1
 * MAC) is the long-standing format RACDCERT ADD and gskkyman import; 'aes256'
 * (PBES2/PBKDF2/AES-256-CBC) is the modern one. forge leaves the certificate bag
 * unencrypted and never writes RC2, so OpenSSL 3 reads both without -legacy.
 */
import { randomInt } from 'node:crypto';
import forge from 'node-forge';
import { InputError } from '../diagnostics';
import type { Pkcs12Algorithm } from './spec';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password of letters and digits only: it must survive JCL symbol
 * substitution (&P12PW), TSO quoting and EBCDIC translation unchanged.
 */
export function randomPassword(length = 24): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function buildPkcs12(
  privateKeyPem: string,
  certificatePems: readonly string[],
  password: string,
  algorithm: Pkcs12Algorithm,
  friendlyName: string,
): Buffer {
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const certs = certificatePems.map((p) => forge.pki.certificateFromPem(p));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm,
    friendlyName,
    generateLocalKeyId: true,
    count: 2048,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** Open a PKCS#12 (bring-your-own input): its key and certificates as PEM, leaf first. */
export function readPkcs12(der: Uint8Array, password: string, where: string): { privateKeyPem: string; certificatePems: string[] } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/mac|password|decrypt/i.test(msg)) throw new InputError(`${where}: wrong PKCS#12 password (or the file is damaged): ${msg}`);
    throw new InputError(`${where}: unreadable PKCS#12 file (${msg})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const keyBag = keyBags[0];
  if (keyBags.length !== 1 || !keyBag?.key) {
    throw new InputError(`${where}: a PKCS#12 identity must hold exactly one private key (found ${keyBags.length}; RSA only)`);
  }
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const certs = certBags.flatMap((b) => (b.cert ? [b.cert] : []));
  // Leaf = the certificate whose public key is the private key's; the rest are the chain.
  const leafIndex = certs.findIndex((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e?.equals(key.e);
  });
  if (leafIndex < 0) throw new InputError(`${where}: the PKCS#12 holds no certificate for its private key`);
  const ordered = [certs[leafIndex]!, ...certs.filter((_, i) => i !== leafIndex)];
  return {
    privateKeyPem: forge.pki.privateKeyToPem(key),
    certificatePems: ordered.map((c) => forge.pki.certificateToPem(c)),
  };
}
