import type { RandomStream } from '../engine/random';
import type { RoutingPolicy } from '../scenario/types';

/**
 * The idle (frozen) environments of one function version, and the routing policy that
 * picks which one serves the next request (CONTRACTS.md §1):
 * - mru: the environment that became idle most recently (a stack);
 * - newest / oldest: created most / least recently (ids are assigned in creation order);
 * - random: uniformly at random, from the run's seeded stream.
 *
 * Every operation is O(1) or O(log n). Environments leave the pool either by `take` or by
 * `remove` (keep-alive expiry, retirement); stale stack/heap entries are skipped lazily,
 * using a per-environment stamp that changes every time it enters the pool.
 */
export interface IdlePool {
  readonly size: number;
  add(env: number): void;
  remove(env: number): void;
  take(rng: RandomStream): number | undefined;
  has(env: number): boolean;
}

export function createIdlePool(policy: RoutingPolicy): IdlePool {
  switch (policy) {
    case 'mru': return new StackPool();
    case 'newest': return new HeapPool(true);
    case 'oldest': return new HeapPool(false);
    case 'random': return new RandomPool();
  }
}

abstract class LazyPool implements IdlePool {
  protected stamp = new Map<number, number>(); // env → stamp of its live entry
  protected nextStamp = 1;
  get size(): number { return this.stamp.size; }
  has(env: number): boolean { return this.stamp.has(env); }
  remove(env: number): void {
    this.stamp.delete(env);
    this.maybeCompact();
  }
  abstract add(env: number): void;
  abstract take(rng: RandomStream): number | undefined;
  protected abstract maybeCompact(): void;
}

class StackPool extends LazyPool {
  private envs: number[] = [];
  private stamps: number[] = [];
  add(env: number): void {
    const s = this.nextStamp++;
    this.stamp.set(env, s);
    this.envs.push(env);
    this.stamps.push(s);
  }
  take(): number | undefined {
    while (this.envs.length) {
      const env = this.envs.pop()!;
      const s = this.stamps.pop()!;
      if (this.stamp.get(env) === s) {
        this.stamp.delete(env);
        return env;
      }
    }
    return undefined;
  }
  protected maybeCompact(): void {
    if (this.envs.length < 64 || this.envs.length < 2 * this.stamp.size) return;
    const envs: number[] = [], stamps: number[] = [];
    for (let i = 0; i < this.envs.length; i++) {
      if (this.stamp.get(this.envs[i]) === this.stamps[i]) { envs.push(this.envs[i]); stamps.push(this.stamps[i]); }
    }
    this.envs = envs;
    this.stamps = stamps;
  }
}

/** Binary heap on environment id (creation order): max-heap for newest, min-heap for oldest. */
class HeapPool extends LazyPool {
  private heap: number[] = []; // env ids; a stale id is one whose stamp was removed or renewed
  private heapStamps: number[] = [];
  constructor(private readonly newest: boolean) { super(); }
  private before(i: number, j: number): boolean {
    return this.newest ? this.heap[i] > this.heap[j] : this.heap[i] < this.heap[j];
  }
  private swap(i: number, j: number): void {
    const h = this.heap, s = this.heapStamps;
    [h[i], h[j]] = [h[j], h[i]];
    [s[i], s[j]] = [s[j], s[i]];
  }
  add(env: number): void {
    const s = this.nextStamp++;
    this.stamp.set(env, s);
    this.heap.push(env);
    this.heapStamps.push(s);
    let i = this.heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  private popTop(): [number, number] {
    const top: [number, number] = [this.heap[0], this.heapStamps[0]];
    const last = this.heap.length - 1;
    this.swap(0, last);
    this.heap.pop();
    this.heapStamps.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let c = i;
      if (l < this.heap.length && this.before(l, c)) c = l;
      if (r < this.heap.length && this.before(r, c)) c = r;
      if (c === i) break;
      this.swap(i, c);
      i = c;
    }
    return top;
  }
  take(): number | undefined {
    while (this.heap.length) {
      const [env, s] = this.popTop();
      if (this.stamp.get(env) === s) {
        this.stamp.delete(env);
        return env;
      }
    }
    return undefined;
  }
  protected maybeCompact(): void {
    if (this.heap.length < 64 || this.heap.length < 2 * this.stamp.size) return;
    const live = [...this.stamp.entries()];
    this.heap = [];
    this.heapStamps = [];
    for (const [env] of live) this.add(env); // re-adding renews stamps consistently
  }
}

/** Array + index map: O(1) add, remove and uniform pick (swap-remove). */
class RandomPool implements IdlePool {
  private envs: number[] = [];
  private index = new Map<number, number>();
  get size(): number { return this.envs.length; }
  has(env: number): boolean { return this.index.has(env); }
  add(env: number): void {
    this.index.set(env, this.envs.length);
    this.envs.push(env);
  }
  remove(env: number): void {
    const i = this.index.get(env);
    if (i === undefined) return;
    const last = this.envs.pop()!;
    if (last !== env) {
      this.envs[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(env);
  }
  take(rng: RandomStream): number | undefined {
    if (this.envs.length === 0) return undefined;
    const env = this.envs[rng.int(this.envs.length)];
    this.remove(env);
    return env;
  }
}
