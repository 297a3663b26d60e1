// Key ring synthesis at scale: one CA, one server and N client certificates
// (default 500), cold (empty key store: every key generated) and warm (same
// spec again: everything reused, byte-identical). Prints wall time and rate.
//   npx tsx scripts/bench-keygen.ts [clients] [keyBits]
// Not run by the tests: a cold 500-client ring at 2048 bits takes minutes on 2 cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KeyBits, type KeyRingSpec, synthesizeKeyRing } from '../lib/pki';

const clients = Number(process.argv[2] ?? 500);
const keyBits = Number(process.argv[3] ?? 2048) as KeyBits;

const spec: KeyRingSpec = {
  id: 'bench',
  ringName: 'FTPRING',
  ringOwner: 'FTPD',
  form: 'saf',
  keyBits,
  validityDays: 365,
  cas: [{ name: 'ca', label: 'Bench CA', subject: { commonName: 'Bench CA' } }],
  server: { label: 'Bench server', subject: { commonName: 'localhost' }, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], signedBy: 'ca' },
  clients: Array.from({ length: clients }, (_, i) => ({
    name: `c${i}`,
    label: `client ${i}`,
    subject: { commonName: `client${i}`, organizationalUnit: 'FTP' },
    userId: `U${String(i).padStart(4, '0')}`,
    signedBy: 'ca',
  })),
  pkcs12Algorithm: '3des',
  expiryWarningDays: 30,
};

async function run(label: string, keyStoreDir: string, outDir: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  let last = 0;
  await synthesizeKeyRing(spec, {
    keyStoreDir,
    outDir,
    relDir: 'bench',
    onProgress: (done, total) => {
      const pct = Math.floor((100 * done) / total);
      if (pct >= last + 10) {
        last = pct;
        process.stderr.write(`  ${label}: ${done}/${total}\n`);
      }
    },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const identities = clients + 2;
  console.log(`${label.padEnd(5)} ${identities} identities, ${keyBits}-bit: ${(ms / 1000).toFixed(1)} s (${(ms / identities).toFixed(1)} ms per identity)`);
}

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zftps-bench-'));
  try {
    await run('cold', join(dir, 'store'), join(dir, 'out'));
    await run('warm', join(dir, 'store'), join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
