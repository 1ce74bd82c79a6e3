/**
 * Chart maths over the run's time series (points at fixed simulated intervals from the
 * worker): rates per simulated second from cumulative counts, and limits as steps from the
 * moment they were set. Pure functions, tested in Node (seriesMath.test.ts).
 */
export type XY = [number, number | null];

/** A bin width (ms) of at least one simulated second that gives at most ~`maxBins` bins over `spanMs`. */
export function binWidthMs(spanMs: number, maxBins = 240): number {
  const raw = Math.max(1000, spanMs / maxBins);
  const steps = [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];
  return steps.find((s) => s >= raw) ?? Math.ceil(raw / 3_600_000) * 3_600_000;
}

/**
 * Events per simulated second in consecutive bins, from a cumulative count sampled at `t`:
 * each bin's rate is (count at its end − count at its start) / its length, with the count at
 * a boundary taken from the last sample at or before it. Plotted as a step at the bin start.
 * Bins before the first sample or after the last are left out (no data is not zero).
 */
export function ratePerSecond<P extends { t: number }>(points: readonly P[], value: (p: P) => number, binMs = binWidthMs(span(points))): XY[] {
  if (points.length < 2) return [];
  const t0 = points[0].t, t1 = points[points.length - 1].t;
  const out: XY[] = [];
  let i = 0;
  const at = (b: number) => { // cumulative count at boundary b (last sample ≤ b)
    while (i + 1 < points.length && points[i + 1].t <= b) i++;
    return value(points[i]);
  };
  const first = Math.ceil(t0 / binMs) * binMs;
  let prev = at(first);
  for (let b = first; b + binMs <= t1 + 1e-9; b += binMs) {
    const next = at(b + binMs);
    out.push([b, (next - prev) / (binMs / 1000)]);
    prev = next;
  }
  return out;
}

function span(points: readonly { t: number }[]): number {
  return points.length ? points[points.length - 1].t - points[0].t : 0;
}

/**
 * A limit drawn as steps: its value at each sample, with `null` where there is none (a
 * reservation not set yet), and a point just before each change so the line steps rather
 * than slopes.
 */
export function steps<P extends { t: number }>(points: readonly P[], value: (p: P) => number | null): XY[] {
  const out: XY[] = [];
  let last: number | null | undefined;
  for (const p of points) {
    const v = value(p);
    if (last !== undefined && v !== last && out.length) out.push([p.t, last]);
    out.push([p.t, v]);
    last = v;
  }
  return out;
}
