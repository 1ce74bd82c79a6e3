import { uniformInt, type StreamState } from '../engine/random';
import type { IdlePoolState } from '../model/functionRuntime';
import type { RoutingPolicy } from '../scenario/types';

/**
 * The idle (frozen) environments of one function version, and the routing policy that
 * picks which one serves the next request (CONTRACTS.md §1):
 * - mru: the environment that became idle most recently (a stack);
 * - newest / oldest: created most / least recently (ids are assigned in creation order);
 * - random: uniformly at random, from the run's seeded stream.
 *
 * A pool is plain data holding environment ids (never the records themselves, so the state
 * has no shared references). Every operation is O(1) or O(log n) and allocation-free in
 * steady state. An environment leaves the pool by `poolTake` or `poolRemove` (keep-alive
 * expiry, retirement). Stack and heap entries carry the environment's `poolStamp` at
 * insertion; an entry whose stamp no longer matches is stale and skipped lazily.
 */
export interface Pooled {
  id: number;
  poolStamp: number;
}

/**
 * What a pool needs from the simulation state: the environments by id and the stamp counter.
 * Stamps come from one counter per simulation, so an environment never reuses a stamp,
 * whatever pool it was in.
 */
export interface PoolHost {
  environments: Map<number, Pooled>;
  nextPoolStamp: number;
}

const NOT_POOLED = 0;

export function createIdlePool(policy: RoutingPolicy): IdlePoolState {
  return { policy, ids: [], stamps: [], size: 0 };
}

export function poolHas(env: Pooled): boolean {
  return env.poolStamp !== NOT_POOLED;
}

export function poolAdd(host: PoolHost, p: IdlePoolState, env: Pooled): void {
  p.size++;
  if (p.policy === 'random') {
    p.ids.push(env.id);
    env.poolStamp = p.ids.length; // index + 1
    return;
  }
  env.poolStamp = host.nextPoolStamp++;
  if (p.policy === 'mru') {
    p.ids.push(env.id);
    p.stamps.push(env.poolStamp);
  } else {
    heapPush(p, env.id, env.poolStamp);
  }
}

export function poolRemove(host: PoolHost, p: IdlePoolState, env: Pooled): void {
  if (env.poolStamp === NOT_POOLED) return;
  if (p.policy === 'random') {
    const i = env.poolStamp - 1;
    const last = p.ids.pop()!;
    if (last !== env.id) {
      p.ids[i] = last;
      host.environments.get(last)!.poolStamp = i + 1;
    }
    env.poolStamp = NOT_POOLED;
    p.size--;
    return;
  }
  env.poolStamp = NOT_POOLED;
  p.size--;
  if (p.ids.length >= 64 && p.ids.length > 2 * p.size) compact(host, p);
}

/** The environment the routing policy picks, removed from the pool; undefined when empty. */
export function poolTake(host: PoolHost, p: IdlePoolState, rng: StreamState): Pooled | undefined {
  if (p.policy === 'random') {
    if (p.ids.length === 0) return undefined;
    const env = host.environments.get(p.ids[uniformInt(rng, p.ids.length)])!;
    poolRemove(host, p, env);
    return env;
  }
  const ids = p.ids, stamps = p.stamps;
  while (ids.length) {
    let id: number, stamp: number;
    if (p.policy === 'mru') {
      id = ids.pop()!;
      stamp = stamps.pop()!;
    } else {
      id = ids[0];
      stamp = stamps[0];
      heapPopTop(p);
    }
    const env = host.environments.get(id);
    if (env !== undefined && env.poolStamp === stamp) {
      env.poolStamp = NOT_POOLED;
      p.size--;
      return env;
    }
  }
  return undefined;
}

/** Drops stale entries once they outnumber live ones (keeps memory proportional to the pool). */
function compact(host: PoolHost, p: IdlePoolState): void {
  const ids: number[] = [], stamps: number[] = [];
  for (let i = 0; i < p.ids.length; i++) {
    const env = host.environments.get(p.ids[i]);
    if (env !== undefined && env.poolStamp === p.stamps[i]) { ids.push(p.ids[i]); stamps.push(p.stamps[i]); }
  }
  if (p.policy === 'mru') {
    p.ids = ids;
    p.stamps = stamps;
  } else {
    p.ids = [];
    p.stamps = [];
    for (let i = 0; i < ids.length; i++) heapPush(p, ids[i], stamps[i]);
  }
}

// Binary heap on environment id (creation order): max-heap for newest, min-heap for oldest.

function before(p: IdlePoolState, i: number, j: number): boolean {
  return p.policy === 'newest' ? p.ids[i] > p.ids[j] : p.ids[i] < p.ids[j];
}

function swap(p: IdlePoolState, i: number, j: number): void {
  const h = p.ids, s = p.stamps;
  const e = h[i]; h[i] = h[j]; h[j] = e;
  const t = s[i]; s[i] = s[j]; s[j] = t;
}

function heapPush(p: IdlePoolState, id: number, stamp: number): void {
  p.ids.push(id);
  p.stamps.push(stamp);
  let i = p.ids.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(p, i, parent)) break;
    swap(p, i, parent);
    i = parent;
  }
}

function heapPopTop(p: IdlePoolState): void {
  const last = p.ids.length - 1;
  swap(p, 0, last);
  p.ids.pop();
  p.stamps.pop();
  const n = p.ids.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let c = i;
    if (l < n && before(p, l, c)) c = l;
    if (r < n && before(p, r, c)) c = r;
    if (c === i) break;
    swap(p, i, c);
    i = c;
  }
}
