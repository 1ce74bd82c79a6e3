import { memo, type ComponentType } from 'react';

/**
 * React.memo keyed by what a part actually draws: the scene re-renders every animation
 * frame, but a box whose numbers have not changed keeps its DOM untouched (no reconcile, no
 * style recalculation, no repaint of its area).
 */
export function memoBy<P extends object>(C: ComponentType<P>, key: (p: P) => string): ComponentType<P> {
  const M = memo(C, (a, b) => key(a) === key(b));
  M.displayName = `memoBy(${C.displayName ?? C.name})`;
  return M as unknown as ComponentType<P>;
}

/** A cheap fingerprint of a byte column (environment phases): FNV-1a. */
export function hashBytes(a: Uint8Array): number {
  let h = 2166136261;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 16777619);
  return h >>> 0;
}
