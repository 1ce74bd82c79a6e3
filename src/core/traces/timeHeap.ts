/**
 * A min-heap of pending trace arrivals in parallel plain arrays (no objects, no closures),
 * so a trace source's state can be copied, posted and checkpointed like any other record.
 * Ordered by (atMs, tie): `tie` is unique per entry (a row number or a target index), so
 * the order is total and never depends on insertion order.
 */
export interface TimeHeap {
  at: number[];
  tie: number[];
  /** Index of the scenario function the arrival goes to. */
  target: number[];
  /** Handler duration from the trace in ms, or NaN: the function's distribution decides. */
  dur: number[];
}

export function createTimeHeap(): TimeHeap {
  return { at: [], tie: [], target: [], dur: [] };
}

export function heapSize(h: TimeHeap): number {
  return h.at.length;
}

function less(h: TimeHeap, i: number, j: number): boolean {
  return h.at[i] < h.at[j] || (h.at[i] === h.at[j] && h.tie[i] < h.tie[j]);
}

function swap(h: TimeHeap, i: number, j: number): void {
  let t = h.at[i]; h.at[i] = h.at[j]; h.at[j] = t;
  t = h.tie[i]; h.tie[i] = h.tie[j]; h.tie[j] = t;
  t = h.target[i]; h.target[i] = h.target[j]; h.target[j] = t;
  t = h.dur[i]; h.dur[i] = h.dur[j]; h.dur[j] = t;
}

export function heapPush(h: TimeHeap, at: number, tie: number, target: number, dur: number): void {
  let i = h.at.length;
  h.at.push(at); h.tie.push(tie); h.target.push(target); h.dur.push(dur);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(h, i, p)) break;
    swap(h, i, p);
    i = p;
  }
}

/** Removes the minimum; read it first with `h.at[0]`, `h.target[0]`, … */
export function heapPop(h: TimeHeap): void {
  const last = h.at.length - 1;
  if (last < 0) return;
  swap(h, 0, last);
  h.at.pop(); h.tie.pop(); h.target.pop(); h.dur.pop();
  const n = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(h, r, l) ? r : l;
    if (!less(h, c, i)) break;
    swap(h, c, i);
    i = c;
  }
}
