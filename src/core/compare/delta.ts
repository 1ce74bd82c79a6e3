/**
 * B − A for every number two summaries share, with the same shape (objects nested as in
 * the summary; a key only one side has counts as 0 on the other). Identity fields (seed,
 * wall time, hashes) are left out: they are not differences of behaviour.
 */
const SKIP = new Set(['seed', 'wallMs', 'eventLogSha256', 'eventLogRecords']);

export type Delta = { [key: string]: number | Delta };

export function deltaOf(a: unknown, b: unknown): Delta {
  const out: Delta = {};
  const ao = (a ?? {}) as Record<string, unknown>, bo = (b ?? {}) as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    if (SKIP.has(k)) continue;
    const x = ao[k], y = bo[k];
    if (typeof x === 'number' || typeof y === 'number') {
      const d = (typeof y === 'number' ? y : 0) - (typeof x === 'number' ? x : 0);
      out[k] = Math.round(d * 1e6) / 1e6;
    } else if ((x && typeof x === 'object') || (y && typeof y === 'object')) {
      if (Array.isArray(x) || Array.isArray(y)) continue;
      out[k] = deltaOf(x, y);
    }
  }
  return out;
}
