import type { Invocation } from '../model/records';

/**
 * Pairs the requests of an A/B run by arrival identity: the same source (workload entry,
 * or the trace) and the same arrival time, which both runs share by construction
 * (sameTraffic.ts). Requests that arrive together from one source (a burst) are
 * interchangeable and are paired in completion order. Only first attempts of synchronous
 * requests are paired: client retries and poller attempts happen at times the configuration
 * decides.
 *
 * Memory: only requests one side has completed and the other not yet are held.
 */
export interface PairStats {
  paired: number;
  bothCold: number;
  bothWarm: number;
  /** Cold in A, warm in B. */
  coldToWarm: number;
  /** Warm in A, cold in B. */
  warmToCold: number;
  /** Ran in one configuration and was throttled, rejected or failed before running in the other. */
  ranInOneOnly: number;
}

export interface Flip {
  atMs: number;
  source: number;
  a: { id: number; cold: boolean; state: string };
  b: { id: number; cold: boolean; state: string };
}

type Seen = { id: number; cold: boolean; ran: boolean; state: string };

export function pairable(inv: Invocation): boolean {
  return inv.attempt === 1 && inv.asyncEvent === 0 && inv.source !== -1 && inv.mode === 'RequestResponse';
}

const ran = (inv: Invocation) => !Number.isNaN(inv.invokeStartMs) || inv.cold;

export class Pairing {
  readonly stats: PairStats = { paired: 0, bothCold: 0, bothWarm: 0, coldToWarm: 0, warmToCold: 0, ranInOneOnly: 0 };
  /** Requests that flipped cold ↔ warm (at most `maxFlips`, earliest first). */
  readonly flips: Flip[] = [];
  private readonly waiting = [new Map<string, Seen[]>(), new Map<string, Seen[]>()];

  constructor(private readonly maxFlips = 5000) {}

  /** An invocation completed on side 0 (A) or 1 (B). */
  add(side: 0 | 1, inv: Invocation): void {
    if (!pairable(inv)) return;
    const key = `${inv.source}@${inv.receivedMs}`;
    const mine: Seen = { id: inv.id, cold: inv.cold, ran: ran(inv), state: inv.state };
    const other = this.waiting[1 - side].get(key);
    if (!other) {
      const list = this.waiting[side].get(key);
      if (list) list.push(mine);
      else this.waiting[side].set(key, [mine]);
      return;
    }
    const theirs = other.shift()!;
    if (other.length === 0) this.waiting[1 - side].delete(key);
    const [a, b] = side === 0 ? [mine, theirs] : [theirs, mine];
    this.record(inv.receivedMs, inv.source, a, b);
  }

  /** Requests completed on one side only so far (in flight or not yet arrived on the other). */
  get unpaired(): number {
    let n = 0;
    for (const m of this.waiting) for (const l of m.values()) n += l.length;
    return n;
  }

  private record(atMs: number, source: number, a: Seen, b: Seen): void {
    const s = this.stats;
    s.paired++;
    if (a.ran !== b.ran) { s.ranInOneOnly++; return; }
    if (!a.ran) return;
    if (a.cold && b.cold) s.bothCold++;
    else if (!a.cold && !b.cold) s.bothWarm++;
    else {
      if (a.cold) s.coldToWarm++;
      else s.warmToCold++;
      if (this.flips.length < this.maxFlips) {
        this.flips.push({ atMs, source, a: { id: a.id, cold: a.cold, state: a.state }, b: { id: b.id, cold: b.cold, state: b.state } });
      }
    }
  }
}
