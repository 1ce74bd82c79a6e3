import type { SeriesPoint } from './messages';

/**
 * Named series over the sampled points (CONTRACTS.md §4 `series(name)`), shared by the worker
 * (the page API's answer) and the page (charts), so both compute rates the same way.
 * A plain function over protocol data: no state, no imports beyond the types.
 */
export const SERIES_NAMES = [
  'coldStartsPerSec', 'throttlesPerSec', 'invocationsPerSec', 'concurrency', 'environments', 'queueDepth',
  'busy', 'idle', 'initializing', 'oldestAgeMs', 'bucketTokens', 'accountLimit', 'scalingCapacity',
  'reserved', 'provisioned', 'provisionedReady', 'coldStarts', 'throttled', 'invocations',
  'esDepth', 'esOldestAgeMs', 'esIteratorAgeMs', 'esConcurrency', 'esLimit',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

const RATES = { coldStartsPerSec: 'coldStarts', throttlesPerSec: 'throttled', invocationsPerSec: 'invocations' } as const;

/**
 * The values of one named series. Rates are per simulated second from the cumulative counts:
 * with samples finer than a second, the count in the trailing second (t − 1 s, t]; with
 * coarser samples, the interval's count divided by its length in seconds. Before the run
 * starts every count is 0, so a burst at t = 0 shows as what it is. `reserved` is NaN while
 * the function has no reservation.
 */
export function seriesValues(points: readonly SeriesPoint[], intervalMs: number, name: SeriesName): number[] {
  if (name in RATES) {
    const key = RATES[name as keyof typeof RATES];
    const lag = intervalMs < 1000 ? Math.round(1000 / intervalMs) : 1;
    const perSec = intervalMs < 1000 ? 1 : 1000 / intervalMs;
    return points.map((p, i) => (p[key] - (i >= lag ? points[i - lag][key] : 0)) * perSec);
  }
  const key = name as Exclude<SeriesName, keyof typeof RATES>;
  return points.map((p) => p[key] ?? NaN);
}

export function isSeriesName(x: unknown): x is SeriesName {
  return typeof x === 'string' && (SERIES_NAMES as readonly string[]).includes(x);
}
