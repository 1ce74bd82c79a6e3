import type { Pt } from './layout';

/** Total length and cumulative lengths of a polyline (logical units). */
export function lengths(points: readonly Pt[]): number[] {
  const out = [0];
  for (let i = 1; i < points.length; i++) out.push(out[i - 1] + Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]));
  return out;
}

/** The point at fraction `f` (0–1) of the polyline's length. */
export function along(points: readonly Pt[], f: number, cum = lengths(points)): Pt {
  const total = cum[cum.length - 1];
  if (points.length === 1 || total === 0) return points[0];
  const d = Math.max(0, Math.min(1, f)) * total;
  let i = 1;
  while (i < cum.length - 1 && cum[i] < d) i++;
  const seg = cum[i] - cum[i - 1] || 1;
  const k = (d - cum[i - 1]) / seg;
  const a = points[i - 1], b = points[i];
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
}

/** SVG path data of a polyline. */
export function pathD(points: readonly Pt[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('');
}

export const midpoint = (points: readonly Pt[]): Pt => along(points, 0.5);

/** The part of a polyline between fractions `a` and `b` (0 ≤ a ≤ b ≤ 1) of its length. */
export function slice(points: readonly Pt[], a: number, b: number, cum = lengths(points)): Pt[] {
  const total = cum[cum.length - 1];
  if (total === 0 || points.length < 2) return [points[0]];
  const da = Math.max(0, Math.min(1, a)) * total, db = Math.max(0, Math.min(1, b)) * total;
  const out: Pt[] = [along(points, a, cum)];
  for (let i = 1; i < points.length - 1; i++) if (cum[i] > da && cum[i] < db) out.push(points[i]);
  out.push(along(points, b, cum));
  return out;
}
