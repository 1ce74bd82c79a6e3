import { ln, pow } from '../engine/fmath';
import type { HistogramState } from '../model/simState';

/**
 * A latency histogram with log-spaced buckets (1 % relative width, from 0.01 ms to ~12 days):
 * bounded memory (~2,400 counters) however many samples, deterministic, mergeable.
 * Quantiles are accurate to ±0.5 % of the value; the mean, min and max are exact.
 */
const MIN_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = ln(GROWTH);
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

/** The bucket of a latency in ms. */
export function bucketOf(ms: number): number {
  return ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(ln(ms / MIN_MS) / LOG_GROWTH));
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
    const fromMs = b === 0 ? 0 : MIN_MS * pow(GROWTH, b - 1);
    out.push({ fromMs, toMs: MIN_MS * pow(GROWTH, b), count: h.counts[b] });
  }
  return out;
}
