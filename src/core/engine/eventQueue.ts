/**
 * The future event list: a binary min-heap ordered by (atMs, priority, seq), as plain data.
 *
 * `seq` is a counter that increases with every push, so two events at the same time and
 * priority run in the order they were scheduled — never by heap or sort accident
 * (SimPy's `eid`). Cancelling is done by the caller with generation counters: a stale
 * event is popped and ignored, which keeps the heap small and pushes O(log n).
 */
export interface Scheduled<E> {
  atMs: number;
  priority: number;
  seq: number;
  event: E;
}

export interface QueueState<E> {
  heap: Scheduled<E>[];
  /** The sequence number the next push gets. */
  nextSeq: number;
}

export function createQueue<E>(): QueueState<E> {
  return { heap: [], nextSeq: 0 };
}

export function queuePush<E>(q: QueueState<E>, atMs: number, priority: number, event: E): void {
  const item: Scheduled<E> = { atMs, priority, seq: q.nextSeq++, event };
  const heap = q.heap;
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = item;
}

export function queuePeek<E>(q: QueueState<E>): Scheduled<E> | undefined {
  return q.heap[0];
}

export function queuePop<E>(q: QueueState<E>): Scheduled<E> | undefined {
  const heap = q.heap;
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && before(heap[r], heap[l]) ? r : l;
    if (!before(heap[c], last)) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = last;
  return top;
}

function before<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}
