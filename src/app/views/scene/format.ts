/** Counts for small boxes: 999, 1,234, 12.3k, 4.56M — never wider than six characters. */
export function count(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a < 10_000) return thousands(Math.round(n)); // toLocaleString is ~50× slower, and this runs every frame
  if (a < 1_000_000) return `${(n / 1000).toFixed(a < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(a < 10_000_000 ? 2 : 1)}M`;
}

/** A rate per simulated second. */
export function rate(perSec: number): string {
  return perSec >= 10 ? `${count(perSec)}/s` : `${perSec.toFixed(1)}/s`;
}

/** Short durations for labels: 275 ms, 1.2 s, 59 s, 12 min, 3.5 h. */
export function age(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The AWS throttle reasons, shortened to fit a box. */
export const REASON_SHORT: Record<string, string> = {
  ConcurrentInvocationLimitExceeded: 'account limit',
  ReservedFunctionConcurrentInvocationLimitExceeded: 'reserved limit',
  FunctionInvocationRateLimitExceeded: 'scaling rate',
};

function thousands(n: number): string {
  const s = String(Math.abs(n));
  const out = s.length > 3 ? `${s.slice(0, s.length - 3)},${s.slice(-3)}` : s;
  return n < 0 ? `-${out}` : out;
}
