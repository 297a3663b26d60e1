/**
 * CI form of the load run (see test/load/support/load.ts): 200 concurrent FTPS
 * sessions held open (TLS 1.2 and 1.3, PROT P, SECURE_SESSION_REUSE REQUIRED); 40 of
 * them upload and download small files (0 B .. 16 KiB) with sha256 checked both ways,
 * one also a 64 MiB file up and down, the other 160 must still answer NOOP — against the server as a child process,
 * whose RSS must stay under the bound and whose descriptors and sessions must go
 * back to their baseline. scripts/load-soak.ts runs the long form.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { establishedOn, fdCount, settle, startChildServer, type ChildServer } from '../faults/support/child-server';
import { runLoad } from './support/load';

/** RSS bound for the server process under this load (baseline about 100 MiB, measured peak about 170 MiB; see docs/reliability.md). */
const RSS_BOUND = 320 * 2 ** 20;

let srv: ChildServer;
before(async () => {
  srv = await startChildServer();
});
after(() => srv.stop());

describe('load: 200 concurrent TLS sessions on loopback', () => {
  it('moves every byte intact, resumes every data session, and stays within its memory bound', { timeout: 55_000 }, async () => {
    const r = await runLoad(srv, {
      sessions: 200,
      activeSessions: 40,
      smallPerSession: 2,
      smallMaxBytes: 16 * 1024,
      largeFiles: 1,
      largeBytes: 64 * 2 ** 20,
      durationMs: 0,
      rampConcurrency: 25,
    });
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
    process.stdout.write(
      `load: ${r.concurrentPeak} sessions, ${r.transfers} transfers, up ${mib(r.bytesUp)}, down ${mib(r.bytesDown)}, ` +
        `reused ${r.reusedDataConnections}/${r.dataConnections}, rss ${mib(r.rssBaseline)} -> peak ${mib(r.rssPeak)}, fd ${r.fdBaseline} -> peak ${r.fdPeak}, ${r.ms} ms\n`,
    );
    assert.deepEqual(r.failures, []);
    assert.equal(r.concurrentPeak, 200);
    assert.equal(r.transfers, 40 * 2 * 2 + 2);
    assert.equal(r.reusedDataConnections, r.dataConnections, 'every data connection resumed the control session');
    assert.ok(r.rssPeak < RSS_BOUND, `server RSS peaked at ${mib(r.rssPeak)} (bound ${mib(RSS_BOUND)})`);
    assert.ok(r.fdPeak >= r.fdBaseline + 200, 'the sampler saw the sessions');
    const fds = await settle(() => fdCount(srv.pid), (n) => n <= r.fdBaseline);
    assert.ok(fds <= r.fdBaseline, `server descriptors ${fds} back to at most the baseline ${r.fdBaseline}`);
    assert.equal(await settle(() => establishedOn(srv.port), (n) => n === 0), 0, 'no control session left');
  });
});
