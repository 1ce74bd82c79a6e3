import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { AsyncQueueState, SimState } from '../model/simState';
import { countingOf, unreservedCapacity } from './counting';

/**
 * The async poller fleet scales with the backlog and the function's free concurrency
 * (lambda-facts.md §1.3, §4.5): AWS bounds asynchronous execution by concurrency, and throttles
 * events only when it runs out. So a new poller starts when events are waiting, no poller is
 * free, and the pollers already on their way to the queue (each takes up to a batch) would not
 * take as many events as the function's free concurrency could run [INF: AWS does not publish
 * how its poller fleet scales]. The fleet's ceiling is `platform.maxPollers`, by default one
 * poller per unit of the accounts' concurrency — no cap below the concurrency limit.
 * With a large backlog Lambda "increases the retry interval and reduces the rate at which it
 * reads events from the queue" [DOC invocation-async]: `backlogFactor`.
 */
export function createPollers(q: AsyncQueueState, n: number): void {
  for (let p = n - 1; p >= 0; p--) q.idle.push(p);
  q.inFlight = new Array<number>(n).fill(0);
  q.stats.peakPollers = n;
}

export function maxPollers(s: SimState): number {
  return s.scenario.platform.maxPollers ?? s.scenario.accounts.reduce((n, a) => n + a.concurrencyLimit, 0);
}

/** Concurrency `fn` could still use now: its reservation's remainder, or its account's unreserved remainder. */
export function concurrencyHeadroom(s: SimState, fn: FunctionRuntime): number {
  if (fn.cfg.reservedConcurrency !== null) return Math.max(0, fn.cfg.reservedConcurrency - fn.inUse);
  return Math.max(0, unreservedCapacity(s, fn.account) - countingOf(s, fn.account).unreservedInUse);
}

/** A poller for events of `fn` now visible: a free one, or a new one if the fleet should grow. Returns its id, or -1. */
export function claimPoller(ctx: SimContext, fn: FunctionRuntime): number {
  const s = ctx.state, q = s.asyncQueue;
  const free = q.idle.pop();
  if (free !== undefined) return free;
  if (q.inFlight.length >= maxPollers(s)) return -1;
  const visible = q.visible.length - q.head;
  if (q.receiving * s.scenario.platform.pollerBatchSize >= Math.min(visible, concurrencyHeadroom(s, fn))) return -1;
  const id = q.inFlight.push(0) - 1;
  if (q.inFlight.length > q.stats.peakPollers) q.stats.peakPollers = q.inFlight.length;
  ctx.record(LOG.POLLER_ADDED, q.inFlight.length, 0, 0);
  return id;
}

/** How many times slower reads and longer retry intervals are with the queue this deep (1 below the threshold) [INF]. */
export function backlogFactor(s: SimState): number {
  const depth = s.asyncQueue.events.size;
  const threshold = s.scenario.platform.asyncBacklogThreshold;
  return depth <= threshold ? 1 : Math.min(10, depth / threshold);
}

/** Pollers busy right now (receiving or waiting on attempts). */
export function busyPollers(q: AsyncQueueState): number {
  return q.inFlight.length - q.idle.length;
}
