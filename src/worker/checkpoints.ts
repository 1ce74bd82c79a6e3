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
  const out = Object.create(Object.getPrototypeOf(v)) as Record<string | symbol, unknown>;
  memo.set(v, out);
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!;
    if ('value' in d) d.value = copy(d.value, memo);
    Object.defineProperty(out, key, d);
  }
  return out;
}

/** Checkpoints every `everyEvents` events, thinned to at most `max` as the run grows. */
export class Checkpoints<S extends { eventsProcessed: number; nowMs: number }> {
  private list: { events: number; atMs: number; inputs: number; state: S }[] = [];
  private next: number;

  constructor(private everyEvents = 100_000, private readonly max = 40) {
    this.next = everyEvents;
  }

  /** Takes a checkpoint if one is due. `inputs`: how many user inputs the state has had applied. */
  maybeTake(state: S, inputs: number): void {
    if (state.eventsProcessed < this.next) return;
    this.list.push({ events: state.eventsProcessed, atMs: state.nowMs, inputs, state: deepCopy(state) });
    this.next = state.eventsProcessed + this.everyEvents;
    if (this.list.length > this.max) {
      // Keep every other one: spacing doubles, memory stays bounded however long the run.
      this.list = this.list.filter((_, i) => i % 2 === 1);
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
}
