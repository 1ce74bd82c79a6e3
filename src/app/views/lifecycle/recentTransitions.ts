import type { MachineTable } from '../../../core/index';

/**
 * Which lifecycle transitions happened lately, from the environments' states in consecutive
 * frames. Between two frames an environment may take several steps (Init sub-phases at high
 * speed): the shortest path through the machine from its old state to its new one is
 * credited, so every arrow it must have crossed lights up. A vanished environment went to
 * Terminated. A jump (seek, a new scenario) starts over without crediting anything.
 *
 * "Lately" is virtual time: arrows stay lit for `windowMs` of simulated time, so a paused
 * or stepped run keeps showing what just happened, and a clip export is the same every time.
 */
export interface Transition { from: string; to: string; atMs: number }

export class TransitionTracker {
  private last = new Map<number, string>();
  private lastMs = -1;
  private recent: Transition[] = [];
  private readonly next: Map<string, string[]>;

  constructor(private readonly table: MachineTable) {
    this.next = new Map(table.states.map((s) => [s, [...new Set(Object.values(table.transitions[s] ?? {}).flatMap((cs) => cs.map((c) => c.target)))]]));
  }

  /** Shortest path of states from `a` to `b` (both included), or null if unreachable. */
  path(a: string, b: string): string[] | null {
    if (a === b) return [a];
    const prev = new Map<string, string>([[a, a]]);
    const queue = [a];
    while (queue.length) {
      const s = queue.shift()!;
      for (const t of this.next.get(s) ?? []) {
        if (prev.has(t)) continue;
        prev.set(t, s);
        if (t === b) {
          const out = [b];
          for (let c = b; c !== a;) { c = prev.get(c)!; out.unshift(c); }
          return out;
        }
        queue.push(t);
      }
    }
    return null;
  }

  /**
   * Feeds one frame: environment ids and their states, at virtual time `nowMs`.
   * `maxGapMs`: a larger jump (or any jump back) resets instead of crediting.
   */
  update(ids: ArrayLike<number>, states: ArrayLike<string>, nowMs: number, maxGapMs: number): void {
    const cur = new Map<number, string>();
    for (let i = 0; i < ids.length; i++) cur.set(ids[i], states[i]);
    const jumped = this.lastMs < 0 || nowMs < this.lastMs || nowMs - this.lastMs > maxGapMs;
    if (jumped) {
      this.recent = [];
    } else if (nowMs !== this.lastMs || cur.size !== this.last.size || [...cur].some(([id, s]) => this.last.get(id) !== s)) {
      const credit = (a: string, b: string) => {
        const p = this.path(a, b);
        if (p) for (let k = 1; k < p.length; k++) this.recent.push({ from: p[k - 1], to: p[k], atMs: nowMs });
      };
      for (const [id, s] of cur) {
        const was = this.last.get(id);
        if (was === undefined) credit(this.table.initial, s);
        else if (was !== s) credit(was, s);
      }
      for (const [id, s] of this.last) if (!cur.has(id)) credit(s, 'Terminated');
    }
    this.last = cur;
    this.lastMs = nowMs;
  }

  /** Count per `from>to` of transitions in the last `windowMs` of virtual time before `nowMs`. */
  counts(nowMs: number, windowMs: number): Map<string, number> {
    this.recent = this.recent.filter((t) => nowMs - t.atMs <= windowMs).slice(-5000);
    const out = new Map<string, number>();
    for (const t of this.recent) out.set(`${t.from}>${t.to}`, (out.get(`${t.from}>${t.to}`) ?? 0) + 1);
    return out;
  }
}
