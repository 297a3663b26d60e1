/**
 * RSA key generation through Node's native crypto. The async generateKeyPair
 * runs in libuv's thread pool, so several primes are searched in parallel off
 * the main thread; forge's own (pure JavaScript) keygen is 10-50x slower.
 */
import { generateKeyPair } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { KeyBits } from './spec';

export function generateRsaKey(bits: KeyBits): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: bits,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, _publicKey, privateKey) => (err ? reject(err) : resolve(privateKey)),
    );
  });
}

/**
 * Generate one key per request, at most `concurrency` at a time (default: the
 * core count, which leaves thread-pool slots for file I/O when the pool has 4).
 */
export async function generateRsaKeys(
  bits: readonly KeyBits[],
  onEach?: () => void,
  concurrency = Math.max(1, Math.min(availableParallelism(), 4)),
): Promise<string[]> {
  const out: string[] = new Array(bits.length);
  let next = 0;
  const worker = async () => {
    while (next < bits.length) {
      const i = next++;
      out[i] = await generateRsaKey(bits[i]!);
      onEach?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bits.length) }, worker));
  return out;
}
