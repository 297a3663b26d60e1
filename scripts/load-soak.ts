/**
 * Long form of test/load: `npx tsx scripts/load-soak.ts [--minutes 10] [--sessions 300]
 * [--active 100] [--large 3] [--large-mib 64] [--small-kib 256]`. Runs rounds of the
 * load (every byte checked by sha256, every data connection must resume the control
 * session) against the server as a child process until the time is up or a transfer
 * fails; prints RSS and descriptor figures; exits 1 on any failure, on an RSS peak
 * over --rss-mib, or when descriptors do not return to their baseline.
 */
import { parseArgs } from 'node:util';
import { fdCount, settle, startChildServer } from '../test/faults/support/child-server';
import { runLoad } from '../test/load/support/load';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      sessions: { type: 'string', default: '300' },
      active: { type: 'string', default: '100' },
      large: { type: 'string', default: '3' },
      'large-mib': { type: 'string', default: '64' },
      'small-kib': { type: 'string', default: '256' },
      'rss-mib': { type: 'string', default: '512' },
    },
  });
  const n = (k: keyof typeof values) => Number(values[k]);
  const srv = await startChildServer();
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  try {
    const r = await runLoad(srv, {
      sessions: n('sessions'),
      activeSessions: Math.min(n('active'), n('sessions')),
      smallPerSession: 4,
      smallMaxBytes: n('small-kib') * 1024,
      largeFiles: n('large'),
      largeBytes: n('large-mib') * 2 ** 20,
      durationMs: n('minutes') * 60_000,
      rampConcurrency: 25,
      log: (l) => console.log(new Date().toISOString(), l),
    });
    const fds = await settle(() => fdCount(srv.pid), (x) => x <= r.fdBaseline, 15_000);
    console.log(
      `soak: ${r.concurrentPeak} sessions, ${r.transfers} transfers in ${(r.ms / 1000).toFixed(0)} s, up ${mib(r.bytesUp)}, down ${mib(r.bytesDown)}, ` +
        `reused ${r.reusedDataConnections}/${r.dataConnections}, rss ${mib(r.rssBaseline)} -> peak ${mib(r.rssPeak)}, fd ${r.fdBaseline} -> peak ${r.fdPeak} -> ${fds}`,
    );
    const problems = [
      ...r.failures.slice(0, 20),
      ...(r.rssPeak > n('rss-mib') * 2 ** 20 ? [`RSS peak ${mib(r.rssPeak)} over ${n('rss-mib')} MiB`] : []),
      ...(fds > r.fdBaseline ? [`descriptors ${fds}, baseline ${r.fdBaseline}`] : []),
      ...(r.reusedDataConnections !== r.dataConnections ? ['a data connection did not resume'] : []),
    ];
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    await srv.stop();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
