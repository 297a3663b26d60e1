/**
 * One place for fuzzing parameters. CI runs a few fixed-seed runs per property
 * (reproducible, printed); scripts/fuzz-long.ts sets ZFTPS_FUZZ_SEED (a fresh
 * seed), ZFTPS_FUZZ_SCALE (runs multiplier) and ZFTPS_FUZZ_TIME_MS (a time bound
 * per property). A failure prints the seed and path to replay it exactly.
 */
import type { Parameters } from 'fast-check';

export const FUZZ_SEED = Number(process.env.ZFTPS_FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.ZFTPS_FUZZ_SCALE ?? 1);
const TIME_MS = process.env.ZFTPS_FUZZ_TIME_MS ? Number(process.env.ZFTPS_FUZZ_TIME_MS) : undefined;

/** Parameters for one property: `ciRuns` in CI, scaled (and time-bounded) in long runs. */
export function fuzzParams<T>(name: string, ciRuns: number): Parameters<T> {
  const numRuns = Math.max(1, Math.round(ciRuns * SCALE));
  process.stdout.write(`fuzz ${name}: seed=${FUZZ_SEED} numRuns=${numRuns}${TIME_MS ? ` timeLimit=${TIME_MS}ms` : ''}\n`);
  return {
    seed: FUZZ_SEED,
    numRuns,
    ...(TIME_MS ? { interruptAfterTimeLimit: TIME_MS, markInterruptAsFailure: false } : {}),
    // Replaying a failure: ZFTPS_FUZZ_SEED=<seed> and fast-check's reported path.
    ...(process.env.ZFTPS_FUZZ_PATH ? { path: process.env.ZFTPS_FUZZ_PATH } : {}),
  };
}
