import { pow } from '../engine/fmath';
import type { HistogramState } from '../model/simState';

/**
 * A latency histogram with log-spaced buckets (1 % relative width, from 0.01 ms to ~12 days):
 * bounded memory (~2,400 counters) however many samples, deterministic, mergeable.
 * Quantiles are accurate to ±0.5 % of the value; the mean, min and max are exact.
 */
const MIN_MS = 0.01;
const GROWTH = 1.01;
const BUCKETS = 2400;

export interface Percentiles {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
}

export function createHistogram(): HistogramState {
  return { counts: new Float64Array(BUCKETS), count: 0, sum: 0, min: Infinity, max: -Infinity };
}

/**
 * Bucket b ≥ 1 holds latencies in [UPPER[b − 1], UPPER[b]), where UPPER[b] = 0.01 ms × 1.01^b;
 * bucket 0 holds everything up to 0.01 ms, the last everything above. The bounds are
 * computed once (with fmath, so in every engine the same), and a sample finds its bucket by
 * binary search: comparisons only, no logarithm per sample, and exactly the bounds `bins`
 * reports.
 */
const UPPER = new Float64Array(BUCKETS);
for (let b = 0; b < BUCKETS; b++) UPPER[b] = MIN_MS * pow(GROWTH, b);

/** The bucket of a latency in ms. */
export function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  let lo = 1, hi = BUCKETS - 1; // the answer is in [lo, hi]: the first b with ms < UPPER[b], or the last bucket
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms < UPPER[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function histogramAdd(h: HistogramState, ms: number): void {
  histogramAddToBucket(h, bucketOf(ms), ms);
}

/** Adds a sample whose bucket is already known (one log() for several histograms). */
export function histogramAddToBucket(h: HistogramState, b: number, ms: number): void {
  h.counts[b]++;
  h.count++;
  h.sum += ms;
  if (ms < h.min) h.min = ms;
  if (ms > h.max) h.max = ms;
}

/** The value at quantile q in [0, 1]: the geometric middle of its bucket, clamped to [min, max]. */
export function quantile(h: HistogramState, q: number): number {
  if (h.count === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * h.count));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += h.counts[b];
    if (seen >= rank) {
      const mid = b === 0 ? MIN_MS : MIN_MS * pow(GROWTH, b - 0.5);
      return Math.min(h.max, Math.max(h.min, mid));
    }
  }
  return h.max;
}

export function percentiles(h: HistogramState): Percentiles {
  if (h.count === 0) return { count: 0, mean: 0, min: 0, max: 0, p50: 0, p90: 0, p99: 0, p999: 0 };
  return {
    count: h.count,
    mean: h.sum / h.count,
    min: h.min,
    max: h.max,
    p50: quantile(h, 0.5),
    p90: quantile(h, 0.9),
    p99: quantile(h, 0.99),
    p999: quantile(h, 0.999),
  };
}

/** Bucket lower bounds and counts, non-empty buckets only (for histogram charts). */
export function histogramBins(h: HistogramState): { fromMs: number; toMs: number; count: number }[] {
  const out: { fromMs: number; toMs: number; count: number }[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    if (h.counts[b] === 0) continue;
    out.push({ fromMs: b === 0 ? 0 : UPPER[b - 1], toMs: UPPER[b], count: h.counts[b] });
  }
  return out;
}
