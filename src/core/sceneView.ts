import type { Invocation } from './model/records';
import { requestStage, REQUEST_STAGES, type RequestStage } from './requestStage';
import { peekTokens, unreservedCapacity } from './services/counting';
import type { Simulation } from './simulation';
import { workersShown } from './workersShown';

/**
 * What the scene (the whole-system diagram) needs beyond the frame, as of the frame's time.
 *
 * The core decides a request's path at its arrival and lays the hops on its timeline, so
 * some records run ahead of the clock: an environment exists from the arrival though Placement
 * picks its worker ~20 ms later; Counting has leased the unit before the request reaches it.
 * Everything here is corrected back to `timeMs` with `requestStage`, so the picture never
 * shows what has not happened yet.
 *
 * Plain data, bounded in size (lists are capped; the per-environment column has one byte per
 * environment, like the frame's own columns), and read-only: building it never changes a run.
 */
export interface SceneView {
  timeMs: number;
  /** Per environment, in the frame's `environments` order: a SCENE_ENV_PHASES code. */
  envPhase: Uint8Array;
  /** The workers worth drawing (workersShown.ts: those with environments or draining, a few empty); the frame's `fleet` counts them all. */
  workers: SceneWorker[];
  /** Workers lost to a failure in the last minute (they no longer exist in `workers`). */
  failedWorkers: { id: number; atMs: number; environments: number }[];
  counting: {
    accountLimit: number; unreservedCapacity: number; unreservedInUse: number; inUse: number;
    functions: { name: string; reserved: number | null; inUse: number; provisionedLive: number; provisionedBusy: number; bucketTokens: number }[];
    bucketCapacity: number;
  };
  /** Requests at each stage now (every request in flight, not a sample). */
  stages: Record<RequestStage, number>;
  counters: { received: number; accepted: number; throttled: number; throttleReasons: Record<string, number>; coldStarts: number; placed: number};
  queue: { depth: number; shown: QueueToken[] };
  pollers: { count: number; batchSize: number; batches: { poller: number; events: number[]; sinceMs: number }[] };
  /** `toDlq` / `toOnFailure`: of `deadLettered`, event bodies in the DLQ and invocation records at the on-failure destination. */
  dlq: { onFailure: string; deadLettered: number; toDlq: number; toOnFailure: number; dropped: number; succeeded: number; recent: { id: number; state: string; atMs: number; attempts: number; expired: boolean }[] };
}

export interface SceneWorker {
  id: number; state: string; memoryMb: number; usedMb: number; environments: number;
  /** Pre-booted microVMs ready in the pool, and pool refills booting. */
  pool: number; booting: number; poolSize: number;
  leaseStartMs: number; leaseEndMs: number; drainAtMs: number;
}

export interface QueueToken {
  id: number; state: string; acceptedMs: number; visibleSinceMs: number; attempts: number; backoffs: number;
  /** While waiting out a retry delay or backoff: when it becomes visible again. */
  wakeAtMs: number; expiresAtMs: number;
}

/** How the scene draws an environment (its lifecycle state, refined by its request's timestamps). */
export const SCENE_ENV_PHASES = [
  'Hidden', 'Capacity', 'Boot', 'Provisioning', 'ExtensionInit', 'RuntimeInit', 'FunctionInit', 'Restoring',
  'InitRetry', 'Invoking', 'Idle', 'Reset', 'ShuttingDown',
] as const;
export type SceneEnvPhase = (typeof SCENE_ENV_PHASES)[number];
const PHASE = Object.fromEntries(SCENE_ENV_PHASES.map((p, i) => [p, i])) as Record<SceneEnvPhase, number>;
const FROM_STATE: Record<string, SceneEnvPhase> = {
  Provisioning: 'Provisioning', 'Initializing.ExtensionInit': 'ExtensionInit', 'Initializing.RuntimeInit': 'RuntimeInit',
  'Initializing.FunctionInit': 'FunctionInit', Restoring: 'Restoring', InitRetry: 'InitRetry', Invoking: 'Invoking',
  Idle: 'Idle', Reset: 'Reset', ShuttingDown: 'ShuttingDown', Terminated: 'ShuttingDown',
};

const QUEUE_SHOWN = 48;
const BATCHES_SHOWN = 16;
const FAILED_SHOWN_MS = 60_000;
const pollerOf = (source: number) => -2 - source;

export function sceneView(sim: Simulation): SceneView {
  const st = sim.state;
  const now = st.nowMs;
  const recent = sim.recentInvocations();
  const stages = Object.fromEntries(REQUEST_STAGES.map((s) => [s, 0])) as Record<RequestStage, number>;
  const fnInUseAhead = new Array<number>(st.functions.length).fill(0);
  const poolAhead = new Map<number, number>();
  const hiddenEnv = new Set<number>();
  const batches = new Map<number, { poller: number; events: number[]; sinceMs: number }>();
  let coldAhead = 0, placedAhead = 0, inUseAhead = 0, unreservedAhead = 0;
  const bucketAhead = new Array<number>(st.functions.length).fill(0);
  const capacity = st.scenario.account.scaling.environments;
  const attempt = (inv: Invocation) => {
    if (!inv.asyncEvent || inv.source > -2) return;
    const p = pollerOf(inv.source);
    const b = batches.get(p) ?? { poller: p, events: [], sinceMs: inv.receivedMs };
    if (b.events.length < 10) b.events.push(inv.asyncEvent);
    b.sinceMs = Math.min(b.sinceMs, inv.receivedMs);
    batches.set(p, b);
  };
  for (const inv of st.inflight.values()) {
    stages[requestStage(inv, now).stage]++;
    attempt(inv);
    if (inv.cold && inv.assignedMs > now) { coldAhead++; if (inv.fn >= 0) bucketAhead[inv.fn]++; }
    if (inv.cold && inv.placedMs > now) {
      placedAhead++;
      hiddenEnv.add(inv.env);
      if (Number.isNaN(inv.microvmBootStartMs) && inv.microvmReadyMs === inv.placedMs) poolAhead.set(inv.worker, (poolAhead.get(inv.worker) ?? 0) + 1);
    }
    if (!inv.provisioned && inv.countedMs > now && inv.fn >= 0) {
      inUseAhead++;
      fnInUseAhead[inv.fn]++;
      if (st.functions[inv.fn].cfg.reservedConcurrency === null) unreservedAhead++;
    }
  }
  // Answered already but still on their way back (429s, 4xx, responses): in the recent ring.
  let throttledAhead = 0;
  const reasonsAhead: Record<string, number> = {};
  const answered = new Map<number, number>(); // invocation id → respondedMs, for the queue's events
  for (const inv of recent) {
    if (inv.respondedMs <= now) continue;
    answered.set(inv.id, inv.respondedMs);
    stages[requestStage(inv, now).stage]++;
    attempt(inv);
    if (inv.state === 'Throttled' && inv.countedMs > now) {
      throttledAhead++;
      reasonsAhead[inv.throttleReason!] = (reasonsAhead[inv.throttleReason!] ?? 0) + 1;
    }
  }

  const envPhase = new Uint8Array(st.environments.size);
  let i = 0;
  for (const e of st.environments.values()) {
    const inv = e.invocation ? st.inflight.get(e.invocation) : undefined;
    let phase: SceneEnvPhase = FROM_STATE[e.state] ?? 'Idle';
    if (hiddenEnv.has(e.id)) phase = 'Hidden';
    else if (e.state === 'Provisioning' && inv) {
      const st = requestStage(inv, now).stage;
      phase = st === 'capacity' ? 'Capacity' : st === 'boot' ? 'Boot' : 'Provisioning';
    } else if (e.state === 'Invoking' && inv && !inv.cold && inv.invokeStartMs > now) phase = 'Idle'; // the payload is on its way
    envPhase[i++] = PHASE[phase];
  }

  const { fleet, platform } = st.scenario;
  const hiddenOn = new Map<number, { n: number; mb: number }>();
  for (const id of hiddenEnv) {
    const e = st.environments.get(id);
    if (!e) continue;
    const h = hiddenOn.get(e.worker) ?? { n: 0, mb: 0 };
    h.n++;
    h.mb += e.memoryMb;
    hiddenOn.set(e.worker, h);
  }
  const workers: SceneWorker[] = workersShown(st.workers.values()).map((w) => {
    const back = poolAhead.get(w.id) ?? 0;
    const h = hiddenOn.get(w.id);
    return {
      id: w.id, state: w.state, memoryMb: w.memoryMb, usedMb: w.usedMb - (h?.mb ?? 0), environments: w.environments - (h?.n ?? 0),
      pool: w.pool + back, booting: Math.max(0, w.booting - back), poolSize: fleet.prebootedPoolSize,
      leaseStartMs: w.startedAtMs, leaseEndMs: w.leaseEndMs, drainAtMs: w.leaseEndMs - platform.drainBeforeLeaseEndMs,
    };
  });

  const c = st.counting;
  const q = st.asyncQueue;
  const shown: QueueToken[] = [];
  for (const e of q.events.values()) {
    if (shown.length >= QUEUE_SHOWN) break;
    const cfg = st.functions[e.fn].cfg.async;
    // Back to waiting at the handler's end, but its answer is still on the way to the poller.
    const waiting = e.state === 'RetryWait' || e.state === 'Backoff';
    const state = waiting && (answered.get(e.lastInvocation) ?? -Infinity) > now ? 'Attempting' : e.state;
    shown.push({ id: e.id, state, acceptedMs: e.acceptedMs, visibleSinceMs: e.visibleSinceMs, attempts: e.attempts, backoffs: e.backoffs, wakeAtMs: e.wakeAtMs, expiresAtMs: e.acceptedMs + cfg.maximumEventAgeMs });
  }
  const finished = q.finished.map((f) => ({ ...f, visibleMs: answered.get(f.lastInvocation) ?? f.atMs }));
  const ahead = (state: string) => finished.filter((f) => f.state === state && f.visibleMs > now).length;
  const throttleReasons: Record<string, number> = {};
  for (const [k, n] of Object.entries(st.metrics.throttleReasons)) throttleReasons[k] = n - (reasonsAhead[k] ?? 0);
  let coldStarts = 0;
  for (const f of st.functions) coldStarts += f.stats.coldStarts;

  return {
    timeMs: now,
    envPhase,
    workers,
    failedWorkers: st.faults.losses.filter((f) => now - f.atMs < FAILED_SHOWN_MS).map((f) => ({ id: f.worker, atMs: f.atMs, environments: f.environments })),
    counting: {
      accountLimit: st.scenario.account.concurrencyLimit, unreservedCapacity: unreservedCapacity(st),
      unreservedInUse: c.unreservedInUse - unreservedAhead, inUse: c.accountInUse - inUseAhead,
      functions: st.functions.map((f, k) => {
        let provisionedLive = 0, provisionedBusy = 0;
        for (const id of f.versions.values()) provisionedLive += st.versions[id].provisioned.live;
        if (provisionedLive > 0) for (const e of st.environments.values()) if (e.fn === k && e.provisioned && e.state === 'Invoking') provisionedBusy++;
        // Scaling tokens are taken when the request arrives; the picture takes them at Assignment.
        const tokens = Math.min(capacity, peekTokens(st, f, now) + bucketAhead[k]);
        return { name: f.name, reserved: f.cfg.reservedConcurrency, inUse: f.inUse - fnInUseAhead[k], provisionedLive, provisionedBusy, bucketTokens: tokens };
      }),
      bucketCapacity: capacity,
    },
    stages,
    counters: {
      received: st.nextInvocationId - 1, accepted: q.stats.accepted, throttled: st.metrics.throttled - throttledAhead, throttleReasons,
      coldStarts: coldStarts - coldAhead, placed: st.nextEnvironmentId - 1 - placedAhead,
    },
    queue: { depth: q.events.size, shown },
    // The poller fleet grows with the backlog (services/pollerFleet.ts): its size now.
    pollers: { count: q.inFlight.length, batchSize: platform.pollerBatchSize, batches: [...batches.values()].sort((a, b) => a.poller - b.poller).slice(0, BATCHES_SHOWN) },
    dlq: {
      onFailure: st.functions[0]?.cfg.async.onFailure ?? 'none',
      deadLettered: q.stats.deadLettered - ahead('DeadLettered'),
      toDlq: q.stats.toDlq - finished.filter((f) => f.to === 'dlq' && f.visibleMs > now).length,
      toOnFailure: q.stats.toOnFailure - finished.filter((f) => f.to === 'destination' && f.visibleMs > now).length,
      dropped: q.stats.dropped - ahead('Dropped'), succeeded: q.stats.succeeded - ahead('Succeeded'),
      recent: finished.filter((f) => f.state !== 'Succeeded' && f.visibleMs <= now).slice(-12).map((f) => ({ id: f.id, state: f.state, atMs: f.visibleMs, attempts: f.attempts, expired: f.expired })),
    },
  };
}
