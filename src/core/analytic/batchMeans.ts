import { meanCi, tCritical } from './studentT';

/**
 * Running estimates of P(cold) and of the mean number of execution environments with 95 %
 * confidence intervals, by the method of batch means over simulated time: the run after a
 * warm-up (the first batch, discarded: the fleet starts empty) is cut into batches of equal
 * simulated length; each batch yields one observation; batches long compared with the
 * correlation time (keep-alive) are nearly independent, so a t-interval over them is valid.
 * When 64 batches are closed, neighbours are merged pairwise and the batch length doubles,
 * so there are always 32–63 batches of a length that grows with the run: memory is bounded.
 *
 * P(cold) is a ratio estimator (cold starts ÷ requests reaching a function, counted at
 * arrival); its interval uses the delta method: z_k = c_k − R̂·n_k,
 * half-width = t · sd(z)/(√K · mean(n)). Mean environments per batch = the integral of the
 * environment count over the batch ÷ its length (exact: from the time-weighted gauge).
 *
 * Plain data: the state lives on the simulation and is copied with checkpoints, so seeking
 * back restores the estimates too. Boundaries are closed just before the first event after
 * them, when the state between the last event and the boundary is known exactly.
 */
export interface BatchMeans {
  batchMs: number;
  nextBoundaryMs: number;
  /** Counters at the last boundary (or the warm-up's end). */
  at: { requests: number; coldStarts: number; area: number };
  warmedUp: boolean;
  /** Closed batches: requests, cold starts, ∫ environments dt (env·ms). */
  n: number[];
  c: number[];
  area: number[];
}

const MAX_BATCHES = 64;

export function createBatchMeans(initialBatchMs: number): BatchMeans {
  return { batchMs: initialBatchMs, nextBoundaryMs: initialBatchMs, at: { requests: 0, coldStarts: 0, area: 0 }, warmedUp: false, n: [], c: [], area: [] };
}

/** Counters of the run at a boundary: cumulative requests, cold starts and ∫ environments dt. */
export type Counters = (boundaryMs: number) => { requests: number; coldStarts: number; area: number };

/** Closes every boundary before `nextEventMs` (called before that event runs). */
export function closeBatches(b: BatchMeans, nextEventMs: number, counters: Counters): void {
  while (b.nextBoundaryMs <= nextEventMs && b.nextBoundaryMs < Infinity) {
    const now = counters(b.nextBoundaryMs);
    if (b.warmedUp) {
      b.n.push(now.requests - b.at.requests);
      b.c.push(now.coldStarts - b.at.coldStarts);
      b.area.push(now.area - b.at.area);
      if (b.n.length >= MAX_BATCHES) merge(b);
    }
    b.warmedUp = true;
    b.at = now;
    b.nextBoundaryMs += b.batchMs;
  }
}

function merge(b: BatchMeans): void {
  const pair = (x: number[]) => x.reduce<number[]>((out, v, i) => { if (i % 2 === 0) out.push(v); else out[out.length - 1] += v; return out; }, []);
  b.n = pair(b.n);
  b.c = pair(b.c);
  b.area = pair(b.area);
  b.batchMs *= 2;
}

export interface Estimate { value: number; low: number; high: number; batches: number }

/** P(cold) with its 95 % interval from the closed batches (NaN bounds with fewer than 2). */
export function coldEstimate(b: BatchMeans): Estimate {
  const K = b.n.length;
  const N = b.n.reduce((a, x) => a + x, 0), C = b.c.reduce((a, x) => a + x, 0);
  const r = N > 0 ? C / N : NaN;
  if (K < 2 || N === 0) return { value: r, low: NaN, high: NaN, batches: K };
  const z = b.c.map((c, k) => c - r * b.n[k]);
  const sd = Math.sqrt(z.reduce((a, x) => a + x * x, 0) / (K - 1));
  const hw = (tCritical(0.95, K - 1) * sd) / (Math.sqrt(K) * (N / K));
  return { value: r, low: Math.max(0, r - hw), high: Math.min(1, r + hw), batches: K };
}

/** Mean number of execution environments with its 95 % interval. */
export function environmentsEstimate(b: BatchMeans): Estimate {
  // Every closed batch has the current length: a merge doubles all of them at once.
  const ci = meanCi(b.area.map((a) => a / b.batchMs));
  return { value: ci.mean, low: ci.low, high: ci.high, batches: ci.n };
}
