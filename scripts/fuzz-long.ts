/**
 * Long fuzz run: `npx tsx scripts/fuzz-long.ts [--minutes 10] [--seed N] [--scale 50]`.
 * Runs test/fuzz with a fresh (or given) seed, `scale` times the CI run counts, each
 * property bounded by its share of the time; repeats with new seeds until the time
 * is up. Prints every seed; a failure prints fast-check's seed and path, which
 * replay with ZFTPS_FUZZ_SEED=<seed> ZFTPS_FUZZ_PATH=<path> npm test -- test/fuzz.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string' }, scale: { type: 'string', default: '50' } } });
const deadline = Date.now() + Number(values.minutes) * 60_000;
const PROPERTIES = 7; // properties in test/fuzz; each gets its share of a round
let seed = values.seed ? Number(values.seed) : randomInt(2 ** 31);
let failed = false;
for (let round = 0; Date.now() < deadline && !failed; round++, seed = randomInt(2 ** 31)) {
  const left = deadline - Date.now();
  const perProperty = Math.max(5_000, Math.floor(left / PROPERTIES));
  console.log(`fuzz-long round ${round}: seed=${seed} scale=${values.scale} timeLimit/property=${perProperty} ms`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${perProperty * PROPERTIES + 60_000}`, 'test/fuzz/parsers.test.ts', 'test/fuzz/commands.test.ts', 'test/fuzz/session-model.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ZFTPS_FUZZ_SEED: String(seed), ZFTPS_FUZZ_SCALE: values.scale, ZFTPS_FUZZ_TIME_MS: String(perProperty) },
  });
  if (r.status !== 0) {
    failed = true;
    console.error(`fuzz-long: failure with seed ${seed} (replay: ZFTPS_FUZZ_SEED=${seed} npm test -- test/fuzz)`);
  }
}
process.exit(failed ? 1 : 0);
