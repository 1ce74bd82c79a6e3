import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { chance } from '../engine/random';
import type { SimEvent } from '../events';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { Invocation } from '../model/records';
import type { AsyncQueueState, QueuedEvent, SimState } from '../model/simState';
import { expireEvent, hasDestination, logEvent, moveEvent } from './asyncEvent';
import { pollerSlowdown } from './faultQueries';
import { backlogFactor, claimPoller, createPollers } from './pollerFleet';
import { createHistogram, histogramAdd } from '../metrics/histogram';
import { pow2 } from '../engine/fmath';

/**
 * Lambda's internal queue for Event invocations and the poller fleet that drains it
 * (lambda-facts.md §1.3), over `SimState.asyncQueue`. The fleet grows with the backlog and
 * the function's free concurrency (pollerFleet.ts), so async throughput is bounded by
 * concurrency, not by a fixed number of pollers. Delivery is at least once: a poller may
 * deliver an event twice (`platform.duplicateProbability`). Every accepted event ends in
 * exactly one of Succeeded, DeadLettered or Dropped, or is still queued or in flight when the
 * run ends. Pollers deliver through the dispatcher: each attempt is an `invoke.request` event
 * that the Frontend handles like any other request, and reports back through `onAttemptDone`.
 */
export function createAsyncQueue(pollers: number): AsyncQueueState {
  const q: AsyncQueueState = {
    events: new Map(), visible: [], head: 0, nextId: 1, idle: [], inFlight: [], receiving: 0,
    stats: {
      accepted: 0, succeeded: 0, retries: 0, deadLettered: 0, expired: 0, dropped: 0, duplicates: 0, onSuccessDelivered: 0,
      toDlq: 0, toOnFailure: 0, peakPollers: 0,
    },
    eventAge: createHistogram(), dlq: [], destination: [], finished: [],
  };
  createPollers(q, pollers);
  return q;
}

/** A poller's attempts carry `source = pollerSource(p)` (client sources are ≥ 0, the page is −1). */
export const pollerSource = (poller: number) => -2 - poller;
const pollerOf = (source: number) => -2 - source;

/** 1 s doubling up to 5 min for throttles and service errors [DOC] (longer with a large backlog: pollerFleet.ts). */
export function backoffMs(backoffs: number): number {
  return Math.min(300_000, 1000 * pow2(backoffs));
}

/** About 1 min before the first retry, 2 min before the second [DOC]. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * attempts;
}

/** Age of the oldest event not yet finished, ms (0 when the queue is empty). */
export function oldestEventAgeMs(s: SimState): number {
  for (const e of s.asyncQueue.events.values()) return s.nowMs - e.acceptedMs; // insertion order = acceptance order
  return 0;
}

export function acceptEvent(ctx: SimContext, fn: FunctionRuntime, req: Extract<SimEvent, { type: 'invoke.request' }>): void {
  const s = ctx.state, q = s.asyncQueue;
  const e: QueuedEvent = {
    id: q.nextId++, fn: fn.index, functionName: req.functionName, payloadBytes: req.payloadBytes,
    acceptedMs: s.nowMs, state: 'Queued', attempts: 0, backoffs: 0, expired: false, epoch: 0, lastInvocation: 0, visibleSinceMs: s.nowMs, wakeAtMs: NaN,
    tenant: req.tenant, lastStatusCode: 0, lastFunctionError: false, lastVersion: '',
  };
  q.events.set(e.id, e);
  q.stats.accepted++;
  logEvent(ctx, e);
  makeVisible(ctx, e);
}

function makeVisible(ctx: SimContext, e: QueuedEvent): void {
  const s = ctx.state, q = s.asyncQueue;
  q.visible.push(e.id);
  const p = claimPoller(ctx, s.functions[e.fn]);
  if (p >= 0) schedulePoll(ctx, p);
}

function schedulePoll(ctx: SimContext, poller: number): void {
  ctx.state.asyncQueue.receiving++;
  ctx.schedule(ctx.state.nowMs + pollMs(ctx), { type: 'poller.poll', poller });
}

/** One receive from the queue: slower under the slow-pollers fault and with a large backlog. */
function pollMs(ctx: SimContext): number {
  const s = ctx.state;
  return draw(s.platformSample.pollerLatencyMs, s.streams[s.rng.pollers]) * pollerSlowdown(s.faults) * backlogFactor(s);
}

/** A poller's receive returns: it takes up to a batch of visible events and invokes each. */
export function onPoll(ctx: SimContext, poller: number): void {
  const s = ctx.state, q = s.asyncQueue;
  const { pollerBatchSize, duplicateProbability } = s.scenario.platform;
  q.receiving--;
  let taken = 0;
  while (taken < pollerBatchSize && q.head < q.visible.length) {
    const e = q.events.get(q.visible[q.head++]);
    if (!e || e.state !== 'Queued') continue;
    if (s.nowMs - e.acceptedMs > s.functions[e.fn].cfg.async.maximumEventAgeMs) {
      expireEvent(ctx, e);
      continue;
    }
    moveEvent(ctx, e, 'POLLED');
    histogramAdd(q.eventAge, s.nowMs - e.acceptedMs); // AsyncEventAge [DOC monitoring-metrics]
    deliver(ctx, poller, e, false);
    if (chance(s.streams[s.rng.pollers], duplicateProbability)) {
      q.stats.duplicates++;
      deliver(ctx, poller, e, true);
    }
    taken++;
  }
  if (q.head > 1024 && q.head * 2 > q.visible.length) {
    q.visible = q.visible.slice(q.head);
    q.head = 0;
  }
  if (q.inFlight[poller] === 0) pollAgainOrIdle(ctx, poller);
}

function deliver(ctx: SimContext, poller: number, e: QueuedEvent, duplicate: boolean): void {
  ctx.state.asyncQueue.inFlight[poller]++;
  ctx.schedule(ctx.state.nowMs, {
    type: 'invoke.request', functionName: e.functionName, mode: 'Event', payloadBytes: e.payloadBytes,
    source: pollerSource(poller), attempt: 1, maxAttempts: 1, queueDuringOutage: false, asyncEvent: e.id, duplicate, tenant: e.tenant,
  });
}

function pollAgainOrIdle(ctx: SimContext, poller: number): void {
  const q = ctx.state.asyncQueue;
  if (q.head < q.visible.length) schedulePoll(ctx, poller);
  else q.idle.push(poller);
}

/** A poller's attempt finished: decide the event's fate from the invocation's outcome. */
export function onAttemptDone(ctx: SimContext, inv: Invocation): void {
  const s = ctx.state, q = s.asyncQueue;
  const poller = pollerOf(inv.source);
  if (--q.inFlight[poller] === 0) pollAgainOrIdle(ctx, poller);
  const e = q.events.get(inv.asyncEvent);
  if (!e || inv.duplicate) return; // a duplicate's outcome does not change the event
  e.lastInvocation = inv.id;
  e.lastStatusCode = inv.statusCode;
  e.lastFunctionError = inv.state === 'FunctionError' || inv.state === 'TimedOut';
  e.lastVersion = inv.version;
  const slow = backlogFactor(s);
  if (e.attempts > 0 || e.backoffs > 0) q.stats.retries++;
  const fn = s.functions[e.fn];
  const dest = hasDestination(ctx, e);
  switch (inv.state) {
    case 'Succeeded':
      e.attempts++;
      if (fn.cfg.async.onSuccess === 'destination') q.stats.onSuccessDelivered++;
      moveEvent(ctx, e, 'SUCCEEDED');
      return;
    case 'FunctionError':
    case 'TimedOut':
      e.attempts++;
      moveEvent(ctx, e, 'FUNCTION_ERROR', { retriesLeft: e.attempts <= fn.cfg.async.maximumRetryAttempts, hasDestination: dest });
      if (e.state === 'RetryWait') wakeAt(ctx, e, s.nowMs + retryDelayMs(e.attempts));
      return;
    case 'Throttled':
      if (fn.cfg.reservedConcurrency === 0) return moveEvent(ctx, e, 'UNDELIVERABLE', { hasDestination: dest });
      moveEvent(ctx, e, 'THROTTLED');
      wakeAt(ctx, e, s.nowMs + backoffMs(e.backoffs++) * slow);
      return;
    case 'ServiceError':
      moveEvent(ctx, e, 'SERVICE_ERROR');
      wakeAt(ctx, e, s.nowMs + backoffMs(e.backoffs++) * slow);
      return;
    case 'Rejected':
      if (inv.rejectReason === 'ResourceConflictException') { // function Pending: try again later
        moveEvent(ctx, e, 'SERVICE_ERROR');
        wakeAt(ctx, e, s.nowMs + backoffMs(e.backoffs++) * slow);
      } else {
        moveEvent(ctx, e, 'UNDELIVERABLE', { hasDestination: dest });
      }
      return;
    default:
      throw new Error(`async attempt inv-${inv.id} ended in ${inv.state}`);
  }
}

/** Wakes a waiting event when its delay ends, or earlier if its maximum age passes first. */
function wakeAt(ctx: SimContext, e: QueuedEvent, visibleMs: number): void {
  const expiresMs = e.acceptedMs + ctx.state.functions[e.fn].cfg.async.maximumEventAgeMs;
  e.epoch++;
  // An event may already be past its maximum age when its attempt ends: it expires now, never in the past.
  e.wakeAtMs = Math.max(ctx.state.nowMs, Math.min(visibleMs, expiresMs));
  ctx.schedule(e.wakeAtMs, { type: 'async.wake', event: e.id, epoch: e.epoch });
}

export function onAsyncWake(ctx: SimContext, id: number, epoch: number): void {
  const s = ctx.state;
  const e = s.asyncQueue.events.get(id);
  if (!e || e.epoch !== epoch) return;
  if (s.nowMs >= e.acceptedMs + s.functions[e.fn].cfg.async.maximumEventAgeMs) return expireEvent(ctx, e);
  moveEvent(ctx, e, 'VISIBLE');
  e.visibleSinceMs = s.nowMs;
  e.wakeAtMs = NaN;
  makeVisible(ctx, e);
}

/** Events of a deleted function can never run: they go to the destination or are dropped. */
export function dropFunctionEvents(ctx: SimContext, fn: number): void {
  for (const e of [...ctx.state.asyncQueue.events.values()]) {
    if (e.fn !== fn || e.state === 'Attempting') continue;
    if (e.state === 'Queued') moveEvent(ctx, e, 'POLLED');
    else { moveEvent(ctx, e, 'VISIBLE'); moveEvent(ctx, e, 'POLLED'); }
    moveEvent(ctx, e, 'UNDELIVERABLE', { hasDestination: hasDestination(ctx, e) });
  }
}
