import { LOG } from '../logCodes';
import { asyncEventMachine, type AsyncEventEvent, type AsyncEventState } from '../machines/asyncEventMachine';
import { deriveTable, transitionFunction } from '../machines/machineTable';
import type { FunctionRuntime } from '../model/functionRuntime';
import type { Invocation } from '../model/records';
import type { SimEvent } from '../events';
import type { Simulation } from '../simulation';

export const ASYNC_EVENT_TABLE = deriveTable(asyncEventMachine);
export const ASYNC_STATE_CODES: readonly AsyncEventState[] = ['Queued', 'Attempting', 'RetryWait', 'Backoff', 'Succeeded', 'DeadLettered', 'Dropped'];
const CODE = Object.fromEntries(ASYNC_STATE_CODES.map((s, i) => [s, i])) as Record<AsyncEventState, number>;

type Flags = { retriesLeft?: boolean; hasDestination?: boolean };
const next = transitionFunction<Flags>(ASYNC_EVENT_TABLE, {
  retriesLeft: (f) => f.retriesLeft === true,
  hasDestination: (f) => f.hasDestination === true,
});

/** An Event-mode request on the internal queue. Plain data. */
export interface QueuedEvent {
  id: number;
  fn: number;
  functionName: string;   // as requested, with its qualifier: resolved again at each attempt
  payloadBytes: number;
  acceptedMs: number;
  state: AsyncEventState;
  /** Attempts that reached the function (each poller invocation that ran). */
  attempts: number;
  /** Consecutive throttles / service errors, for the backoff. */
  backoffs: number;
  expired: boolean;
  epoch: number;
  lastInvocation: number;
  /** When it last became visible (accepted, or back from a retry wait / backoff). */
  visibleSinceMs: number;
  /** While in RetryWait or Backoff: when it becomes visible again (or expires), ms; NaN otherwise. */
  wakeAtMs: number;
}

/** An event that reached a final state, kept for the views (the DLQ's recent arrivals). */
export interface FinishedEvent { id: number; state: 'Succeeded' | 'DeadLettered' | 'Dropped'; atMs: number; acceptedMs: number; attempts: number; expired: boolean; lastInvocation: number }
const FINISHED_KEPT = 32;

/** A poller's attempts carry `source = pollerSource(p)` (client sources are ≥ 0, the page is −1). */
export const pollerSource = (poller: number) => -2 - poller;
const pollerOf = (source: number) => -2 - source;

/** 1 s doubling up to 5 min for throttles and service errors [DOC]. */
export function backoffMs(backoffs: number): number {
  return Math.min(300_000, 1000 * 2 ** backoffs);
}

/** About 1 min before the first retry, 2 min before the second [DOC]. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * attempts;
}

/**
 * Lambda's internal queue for Event invocations and the poller fleet that drains it
 * (lambda-facts.md §1.3). Delivery is at least once: a poller may deliver an event twice
 * (`platform.duplicateProbability`). Every accepted event ends in exactly one of
 * Succeeded, DeadLettered or Dropped, or is still queued or in flight when the run ends.
 */
export class AsyncQueue {
  readonly events = new Map<number, QueuedEvent>();
  /** FIFO of visible event ids (lazy: entries whose event is no longer Queued are skipped). */
  private visible: number[] = [];
  private head = 0;
  private nextId = 1;
  private readonly idle: number[] = [];        // idle pollers, waiting for work
  private readonly inFlight: number[];         // per poller: attempts not yet answered
  /** The last FINISHED_KEPT events to finish, oldest first (bounded: read by the scene). */
  readonly finished: FinishedEvent[] = [];
  readonly stats = { accepted: 0, succeeded: 0, retries: 0, deadLettered: 0, expired: 0, dropped: 0, duplicates: 0, onSuccessDelivered: 0 };

  constructor(private readonly sim: Simulation) {
    const n = sim.scenario.platform.pollers;
    this.inFlight = new Array(n).fill(0);
    for (let p = n - 1; p >= 0; p--) this.idle.push(p);
  }

  get depth(): number { return this.events.size; }

  /** Age of the oldest event not yet finished, ms (0 when the queue is empty). */
  oldestAgeMs(): number {
    for (const e of this.events.values()) return this.sim.nowMs - e.acceptedMs; // insertion order = acceptance order
    return 0;
  }

  accept(fn: FunctionRuntime, req: Extract<SimEvent, { type: 'invoke.request' }>): void {
    const e: QueuedEvent = {
      id: this.nextId++, fn: fn.index, functionName: req.functionName, payloadBytes: req.payloadBytes,
      acceptedMs: this.sim.nowMs, state: 'Queued', attempts: 0, backoffs: 0, expired: false, epoch: 0, lastInvocation: 0, visibleSinceMs: this.sim.nowMs, wakeAtMs: NaN,
    };
    this.events.set(e.id, e);
    this.stats.accepted++;
    this.log(e);
    this.makeVisible(e);
  }

  private log(e: QueuedEvent): void {
    this.sim.log.record(this.sim.nowMs, LOG.ASYNC_EVENT_STATE, e.id, CODE[e.state], e.lastInvocation);
  }

  private move(e: QueuedEvent, event: AsyncEventEvent['type'], flags: Flags = {}): void {
    e.state = next(e.state, event, flags) as AsyncEventState;
    this.log(e);
    switch (e.state) {
      case 'Succeeded': this.stats.succeeded++; break;
      case 'DeadLettered': this.stats.deadLettered++; break;
      case 'Dropped': this.stats.dropped++; break;
      default: return;
    }
    this.events.delete(e.id);
    this.finished.push({ id: e.id, state: e.state, atMs: this.sim.nowMs, acceptedMs: e.acceptedMs, attempts: e.attempts, expired: e.expired, lastInvocation: e.lastInvocation });
    if (this.finished.length > FINISHED_KEPT) this.finished.shift();
  }

  private makeVisible(e: QueuedEvent): void {
    this.visible.push(e.id);
    const p = this.idle.pop();
    if (p !== undefined) this.sim.schedule(this.sim.nowMs + this.pollMs(), { type: 'poller.poll', poller: p });
  }

  private pollMs(): number {
    return this.sim.platformSample.pollerLatencyMs(this.sim.rng.pollers) * this.sim.faults.pollerSlowdown();
  }

  private hasDestination(e: QueuedEvent): boolean {
    return this.sim.functions[e.fn].cfg.async.onFailure !== 'none';
  }

  /** A poller's receive returns: it takes up to a batch of visible events and invokes each. */
  onPoll(poller: number): void {
    const { pollerBatchSize, duplicateProbability } = this.sim.scenario.platform;
    let taken = 0;
    while (taken < pollerBatchSize && this.head < this.visible.length) {
      const e = this.events.get(this.visible[this.head++]);
      if (!e || e.state !== 'Queued') continue;
      const fnCfg = this.sim.functions[e.fn].cfg;
      if (this.sim.nowMs - e.acceptedMs > fnCfg.async.maximumEventAgeMs) {
        this.expire(e);
        continue;
      }
      this.move(e, 'POLLED');
      this.deliver(poller, e, false);
      if (this.sim.rng.pollers.chance(duplicateProbability)) {
        this.stats.duplicates++;
        this.deliver(poller, e, true);
      }
      taken++;
    }
    if (this.head > 1024 && this.head * 2 > this.visible.length) {
      this.visible = this.visible.slice(this.head);
      this.head = 0;
    }
    if (this.inFlight[poller] === 0) this.pollAgainOrIdle(poller);
  }

  private deliver(poller: number, e: QueuedEvent, duplicate: boolean): void {
    this.inFlight[poller]++;
    this.sim.schedule(this.sim.nowMs, {
      type: 'invoke.request', functionName: e.functionName, mode: 'Event', payloadBytes: e.payloadBytes,
      source: pollerSource(poller), attempt: 1, maxAttempts: 1, queueDuringOutage: false, asyncEvent: e.id, duplicate,
    });
  }

  private pollAgainOrIdle(poller: number): void {
    if (this.head < this.visible.length) this.sim.schedule(this.sim.nowMs + this.pollMs(), { type: 'poller.poll', poller });
    else this.idle.push(poller);
  }

  private expire(e: QueuedEvent): void {
    e.expired = true;
    this.stats.expired++;
    this.move(e, 'EXPIRED', { hasDestination: this.hasDestination(e) });
  }

  /** A poller's attempt finished: decide the event's fate from the invocation's outcome. */
  onAttemptDone(inv: Invocation): void {
    const poller = pollerOf(inv.source);
    if (--this.inFlight[poller] === 0) this.pollAgainOrIdle(poller);
    const e = this.events.get(inv.asyncEvent);
    if (!e || inv.duplicate) return; // a duplicate's outcome does not change the event
    e.lastInvocation = inv.id;
    if (e.attempts > 0 || e.backoffs > 0) this.stats.retries++;
    const fn = this.sim.functions[e.fn];
    const hasDestination = this.hasDestination(e);
    switch (inv.state) {
      case 'Succeeded':
        e.attempts++;
        if (fn.cfg.async.onSuccess === 'destination') this.stats.onSuccessDelivered++;
        this.move(e, 'SUCCEEDED');
        return;
      case 'FunctionError':
      case 'TimedOut':
        e.attempts++;
        this.move(e, 'FUNCTION_ERROR', { retriesLeft: e.attempts <= fn.cfg.async.maximumRetryAttempts, hasDestination });
        if (e.state === 'RetryWait') this.wakeAt(e, this.sim.nowMs + retryDelayMs(e.attempts));
        return;
      case 'Throttled':
        if (fn.cfg.reservedConcurrency === 0) return this.move(e, 'UNDELIVERABLE', { hasDestination });
        this.move(e, 'THROTTLED');
        this.wakeAt(e, this.sim.nowMs + backoffMs(e.backoffs++));
        return;
      case 'ServiceError':
        this.move(e, 'SERVICE_ERROR');
        this.wakeAt(e, this.sim.nowMs + backoffMs(e.backoffs++));
        return;
      case 'Rejected':
        if (inv.rejectReason === 'ResourceConflictException') { // function Pending: try again later
          this.move(e, 'SERVICE_ERROR');
          this.wakeAt(e, this.sim.nowMs + backoffMs(e.backoffs++));
        } else {
          this.move(e, 'UNDELIVERABLE', { hasDestination });
        }
        return;
      default:
        throw new Error(`async attempt inv-${inv.id} ended in ${inv.state}`);
    }
  }

  /** Wakes a waiting event when its delay ends, or earlier if its maximum age passes first. */
  private wakeAt(e: QueuedEvent, visibleMs: number): void {
    const expiresMs = e.acceptedMs + this.sim.functions[e.fn].cfg.async.maximumEventAgeMs;
    e.epoch++;
    e.wakeAtMs = Math.min(visibleMs, expiresMs);
    this.sim.schedule(e.wakeAtMs, { type: 'async.wake', event: e.id, epoch: e.epoch });
  }

  onWake(id: number, epoch: number): void {
    const e = this.events.get(id);
    if (!e || e.epoch !== epoch) return;
    if (this.sim.nowMs >= e.acceptedMs + this.sim.functions[e.fn].cfg.async.maximumEventAgeMs) return this.expire(e);
    this.move(e, 'VISIBLE');
    e.visibleSinceMs = this.sim.nowMs;
    e.wakeAtMs = NaN;
    this.makeVisible(e);
  }

  /** Events of a deleted function can never run: they go to the destination or are dropped. */
  dropFunction(fn: number): void {
    for (const e of [...this.events.values()]) {
      if (e.fn !== fn || e.state === 'Attempting') continue;
      if (e.state === 'Queued') this.move(e, 'POLLED');
      else { this.move(e, 'VISIBLE'); this.move(e, 'POLLED'); }
      this.move(e, 'UNDELIVERABLE', { hasDestination: this.hasDestination(e) });
    }
  }
}
