/**
 * Deep copies of a running Simulation, for time travel: seeking back restores the nearest
 * checkpoint and replays from there (RaftScope's idea, made deterministic).
 *
 * The copy is structural: plain objects keep their prototypes (so class instances stay
 * instances), Maps, Sets, arrays and typed arrays are copied, and typed arrays that share an
 * ArrayBuffer keep sharing the copied buffer. Functions are shared, not copied: in the core
 * they are pure (samplers close over configuration, transition functions over tables).
 * Cycles (services point back at the simulation) are preserved through a memo.
 */
export function deepCopy<T>(value: T, memo = new Map<unknown, unknown>()): T {
  return copy(value, memo) as T;
}

function copy(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (v === null || typeof v !== 'object') return v; // primitives and functions are shared
  if (Object.getOwnPropertySymbols(v).length > 0 && !(v instanceof Map) && !(v instanceof Set)) {
    throw new Error('deepCopy: symbol-keyed properties are not copied; the core must not use them');
  }
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (v instanceof ArrayBuffer) {
    const b = v.slice(0);
    memo.set(v, b);
    return b;
  }
  if (ArrayBuffer.isView(v)) {
    const buffer = copy(v.buffer, memo) as ArrayBuffer;
    const Ctor = v.constructor as new (b: ArrayBuffer, offset: number, length: number) => ArrayBufferView;
    const length = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
    const out = new Ctor(buffer, v.byteOffset, length);
    memo.set(v, out);
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(copy(k, memo), copy(x, memo));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const x of v) out.add(copy(x, memo));
    return out;
  }
  if (v instanceof WeakMap || v instanceof WeakSet) throw new Error('deepCopy: weak collections cannot be copied');
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    memo.set(v, out);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i], memo);
    return out;
  }
  // Records and class instances alike: own enumerable data properties (class fields are),
  // copied by plain assignment — an order of magnitude faster than property descriptors.
  const proto = Object.getPrototypeOf(v);
  const out = (proto === Object.prototype ? {} : Object.create(proto)) as Record<string, unknown>;
  memo.set(v, out);
  const src = v as Record<string, unknown>;
  for (const key of Object.keys(src)) {
    const x = src[key];
    out[key] = x === null || typeof x !== 'object' ? x : copy(x, memo);
  }
  return out;
}

/**
 * Checkpoints every `everyEvents` events — or every 20 events per object in the state,
 * whichever is more, so copying stays a few percent of simulation time (a copy costs about
 * as much per object as running costs per event) — thinned to at most `max` as the run grows.
 */
export class Checkpoints<S extends { eventsProcessed: number; nowMs: number }> {
  private list: { events: number; atMs: number; inputs: number; state: S; objects: number }[] = [];
  private next: number;

  /**
   * @param everyEvents the shortest interval between checkpoints, in events
   * @param max most checkpoints kept
   * @param maxObjects most objects kept across all checkpoints (~100–200 bytes each): a
   *   bound on memory however large the simulated fleet
   */
  constructor(private everyEvents = 100_000, private readonly max = 40, private readonly maxObjects = 1_500_000) {
    this.next = everyEvents;
  }

  /** Takes a checkpoint if one is due. `inputs`: how many user inputs the state has had applied. */
  maybeTake(state: S, inputs: number): void {
    if (state.eventsProcessed < this.next) return;
    const memo = new Map<unknown, unknown>();
    this.list.push({ events: state.eventsProcessed, atMs: state.nowMs, inputs, state: deepCopy(state, memo), objects: memo.size });
    this.next = state.eventsProcessed + Math.max(this.everyEvents, 20 * memo.size);
    while (this.list.length > 1 && (this.list.length > this.max || this.objects() > this.maxObjects)) {
      // Keep every other one (always the latest): spacing doubles, memory stays bounded.
      this.list = this.list.filter((_, i) => (this.list.length - 1 - i) % 2 === 0);
      this.everyEvents *= 2;
    }
  }

  /** The latest checkpoint at or before (time, event count), as a fresh copy. */
  restore(atMs: number, maxEvents = Infinity): { state: S; inputs: number } | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i];
      if (c.atMs <= atMs && c.events <= maxEvents) return { state: deepCopy(c.state), inputs: c.inputs };
    }
    return null;
  }

  /** Forgets checkpoints after (time, events): a fork made them belong to another future. */
  dropAfter(events: number): void {
    this.list = this.list.filter((c) => c.events <= events);
    this.next = Math.max(events + 1, (this.list.at(-1)?.events ?? 0) + this.everyEvents);
  }

  get size(): number {
    return this.list.length;
  }

  private objects(): number {
    return this.list.reduce((n, c) => n + c.objects, 0);
  }
}
