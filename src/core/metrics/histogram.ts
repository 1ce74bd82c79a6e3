/**
 * A latency histogram with log-spaced buckets (1 % relative width, from 0.01 ms to ~12 days):
 * bounded memory (~2,400 counters) however many samples, deterministic, mergeable.
 * Quantiles are accurate to ±0.5 % of the value; the mean, min and max are exact.
 */
const MIN_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
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

/** The bucket of a latency in ms. */
export function bucketOf(ms: number): number {
  return ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
}

export class LatencyHistogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(ms: number): void {
    this.addToBucket(bucketOf(ms), ms);
  }

  /** Adds a sample whose bucket is already known (one log() for several histograms). */
  addToBucket(b: number, ms: number): void {
    this.counts[b]++;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  /** The value at quantile q in [0, 1]: the geometric middle of its bucket, clamped to [min, max]. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b];
      if (seen >= rank) {
        const mid = b === 0 ? MIN_MS : MIN_MS * Math.pow(GROWTH, b - 0.5);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  percentiles(): Percentiles {
    if (this.count === 0) return { count: 0, mean: 0, min: 0, max: 0, p50: 0, p90: 0, p99: 0, p999: 0 };
    return {
      count: this.count,
      mean: this.sum / this.count,
      min: this.min,
      max: this.max,
      p50: this.quantile(0.5),
      p90: this.quantile(0.9),
      p99: this.quantile(0.99),
      p999: this.quantile(0.999),
    };
  }

  /** Bucket lower bounds and counts, non-empty buckets only (for histogram charts). */
  bins(): { fromMs: number; toMs: number; count: number }[] {
    const out: { fromMs: number; toMs: number; count: number }[] = [];
    for (let b = 0; b < BUCKETS; b++) {
      if (this.counts[b] === 0) continue;
      const fromMs = b === 0 ? 0 : MIN_MS * Math.pow(GROWTH, b - 1);
      out.push({ fromMs, toMs: MIN_MS * Math.pow(GROWTH, b), count: this.counts[b] });
    }
    return out;
  }
}
