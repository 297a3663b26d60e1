/**
 * The load run shared by test/load (CI form) and scripts/load-soak.ts (long form):
 * N concurrent FTPS sessions (AUTH TLS, PROT P, data connections resuming the
 * control session — the child server runs SECURE_SESSION_REUSE REQUIRED, so a data
 * connection that does not resume fails its transfer), each uploading and
 * downloading files and comparing sha256 both ways, plus a few large files
 * streamed from a generator. The server runs as a child process; its RSS and
 * descriptors are sampled from /proc while the load runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fdCount, rssBytes, type ChildServer } from '../../faults/support/child-server';
import { FtpsClient, sha256 } from './ftps-client';

export interface LoadOptions {
  sessions: number;
  /** Sessions that transfer (the first ones); the rest hold their logged-in TLS session open. */
  activeSessions: number;
  /** Small files per session per round (0 bytes .. smallMaxBytes). */
  smallPerSession: number;
  smallMaxBytes: number;
  /** Large files (each largeBytes) uploaded and downloaded alongside, by the first sessions. */
  largeFiles: number;
  largeBytes: number;
  /** Repeat rounds until this much time has passed (the soak); 0 = one round. */
  durationMs: number;
  /** Sessions opened at once while ramping up (handshakes are CPU-bound). */
  rampConcurrency: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  sessions: number;
  concurrentPeak: number;
  transfers: number;
  failures: string[];
  bytesUp: number;
  bytesDown: number;
  reusedDataConnections: number;
  dataConnections: number;
  rssBaseline: number;
  rssPeak: number;
  fdBaseline: number;
  fdPeak: number;
  ms: number;
}

/**
 * A large file generated in 64 KiB chunks so it never sits in memory: random base
 * blocks, each chunk stamped with its index (no two chunks alike, so a reordered or
 * repeated chunk changes the hash).
 */
function generated(bytes: number): { stream: () => Readable; sha256: string } {
  const block = 64 * 1024;
  const bases = Array.from({ length: 16 }, () => randomBytes(block));
  const make = function* () {
    for (let i = 0, left = bytes; left > 0; i++) {
      const b = Buffer.from(bases[i % bases.length].subarray(0, Math.min(block, left)));
      if (b.length >= 8) b.writeBigUInt64BE(BigInt(i));
      left -= b.length;
      yield b;
    }
  };
  const h = createHash('sha256');
  for (const b of make()) h.update(b);
  return { stream: () => Readable.from(make()), sha256: h.digest('hex') };
}

export async function runLoad(srv: ChildServer, o: LoadOptions): Promise<LoadReport> {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const report: LoadReport = {
    sessions: o.sessions,
    concurrentPeak: 0,
    transfers: 0,
    failures: [],
    bytesUp: 0,
    bytesDown: 0,
    reusedDataConnections: 0,
    dataConnections: 0,
    rssBaseline: rssBytes(srv.pid),
    rssPeak: 0,
    fdBaseline: fdCount(srv.pid),
    fdPeak: 0,
    ms: 0,
  };
  const sample = () => {
    report.rssPeak = Math.max(report.rssPeak, rssBytes(srv.pid));
    report.fdPeak = Math.max(report.fdPeak, fdCount(srv.pid));
  };
  const sampler = setInterval(sample, 100);
  const note = (r: { bytes: number; reused: boolean }, dir: 'up' | 'down') => {
    report.transfers++;
    report.dataConnections++;
    if (r.reused) report.reusedDataConnections++;
    if (dir === 'up') report.bytesUp += r.bytes;
    else report.bytesDown += r.bytes;
  };

  // Ramp up: every session is logged in and held open before any transfer starts.
  const clients: FtpsClient[] = [];
  for (let i = 0; i < o.sessions; i += o.rampConcurrency) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(o.rampConcurrency, o.sessions - i) }, (_, k) => FtpsClient.open(srv.port, { tls12: (i + k) % 3 === 0 })),
    );
    for (const b of batch) {
      if (b.status === 'fulfilled') clients.push(b.value);
      else report.failures.push(`open: ${(b.reason as Error).message}`);
    }
  }
  report.concurrentPeak = clients.length;
  log(`${clients.length} sessions open`);

  const large = Array.from({ length: o.largeFiles }, () => generated(o.largeBytes));
  let round = 0;
  do {
    const r = round++;
    await Promise.all(
      clients.slice(0, o.activeSessions).map(async (c, idx) => {
        try {
          if (idx < large.length) {
            const g = large[idx];
            const up = await c.upload(`large-${idx}.bin`, g.stream());
            note(up, 'up');
            if (up.sha256 !== g.sha256) throw new Error(`large-${idx}: upload hash differs`);
            const down = await c.download(`large-${idx}.bin`);
            note(down, 'down');
            if (down.sha256 !== g.sha256 || down.bytes !== o.largeBytes) throw new Error(`large-${idx}: download differs (${down.bytes} bytes)`);
          }
          for (let f = 0; f < o.smallPerSession; f++) {
            // 0 bytes included on purpose: the empty upload is its own path through the server.
            const body = randomBytes((idx * 7919 + f * 104729 + r) % (o.smallMaxBytes + 1));
            const name = `s${idx}-${f}.bin`;
            const up = await c.upload(name, body);
            note(up, 'up');
            const down = await c.download(name);
            note(down, 'down');
            if (down.sha256 !== sha256(body) || up.sha256 !== down.sha256) throw new Error(`${name}: ${body.length} bytes sent, ${down.bytes} came back different`);
          }
        } catch (e) {
          report.failures.push(`session ${idx}: ${(e as Error).message}`);
        }
      }),
    );
    sample();
    // the idle sessions must still be there and answer
    await Promise.all(
      clients.slice(o.activeSessions).map((c, k) =>
        c.ctl.cmd('NOOP').then(
          (x) => x.code === 200 || report.failures.push(`idle session ${k}: NOOP got ${x.text}`),
          (e: Error) => report.failures.push(`idle session ${k}: ${e.message}`),
        ),
      ),
    );
    log(`round ${r}: ${report.transfers} transfers, rss peak ${(report.rssPeak / 2 ** 20).toFixed(0)} MiB, fd peak ${report.fdPeak}, failures ${report.failures.length}`);
  } while (Date.now() - started < o.durationMs && report.failures.length === 0);

  await Promise.allSettled(clients.map((c) => c.quit()));
  clearInterval(sampler);
  report.ms = Date.now() - started;
  return report;
}
