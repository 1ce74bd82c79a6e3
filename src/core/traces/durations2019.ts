import type { Dist } from '../engine/distributions';
import { DURATION_PERCENTILES, num, type Detected } from './formats';
import { keyOf } from './rows';

/**
 * Azure 2019 duration percentiles → an empirical distribution: the inverse CDF is
 * interpolated linearly between the published percentiles (0, 1, 25, 50, 75, 99, 100 of
 * the per-30-s average durations, cold starts excluded) and sampled at 200 equally likely
 * quantiles, so a draw reproduces the published percentiles to within the interpolation.
 */
export const QUANTILES = 200;

export function percentilesToDist(values: readonly number[]): Dist {
  const v = values.map((x) => Math.max(0, x));
  if (v.every((x) => x === v[0])) return { dist: 'constant', value: v[0] };
  const out: number[] = [];
  for (let i = 0; i < QUANTILES; i++) {
    const p = ((i + 0.5) / QUANTILES) * 100;
    let j = 0;
    while (j < DURATION_PERCENTILES.length - 2 && p > DURATION_PERCENTILES[j + 1]) j++;
    const p0 = DURATION_PERCENTILES[j], p1 = DURATION_PERCENTILES[j + 1];
    const f = (p - p0) / (p1 - p0);
    out.push(Math.round((v[j] + (v[j + 1] - v[j]) * f) * 1000) / 1000);
  }
  return { dist: 'empirical', values: out };
}

/** Reads rows of a durations file: the 7 percentiles (ms) by trace function key. */
export function addDurationRows(d: Detected, rows: string[][], firstLine: number, into: Map<string, number[]>, problems: string[]): void {
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0].trim() === '') return;
    const values: number[] = [];
    for (const p of DURATION_PERCENTILES) {
      const x = num(row[d.columns[`percentile_Average_${p}`]]);
      if (x === null || x < 0) {
        if (problems.length < 20) problems.push(`line ${firstLine + i}: percentile_Average_${p}: must be a number of ms ≥ 0 (got "${row[d.columns[`percentile_Average_${p}`]] ?? ''}")`);
        return;
      }
      values.push(x);
    }
    for (let k = 1; k < values.length; k++) {
      if (values[k] < values[k - 1]) {
        if (problems.length < 20) problems.push(`line ${firstLine + i}: percentile_Average_${DURATION_PERCENTILES[k]}: must not be below percentile_Average_${DURATION_PERCENTILES[k - 1]}`);
        return;
      }
    }
    into.set(keyOf(row[d.columns.HashApp] ?? '', row[d.columns.HashFunction] ?? ''), values);
  });
}

/** Reads rows of a memory file: average allocated MB by app. */
export function addMemoryRows(d: Detected, rows: string[][], firstLine: number, into: Map<string, number>, problems: string[]): void {
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0].trim() === '') return;
    const mb = num(row[d.columns.AverageAllocatedMb]);
    if (mb === null || mb < 0) {
      if (problems.length < 20) problems.push(`line ${firstLine + i}: AverageAllocatedMb: must be a number of MB ≥ 0 (got "${row[d.columns.AverageAllocatedMb] ?? ''}")`);
      return;
    }
    into.set(row[d.columns.HashApp] ?? '', mb);
  });
}
