import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { LOG } from '../logCodes';
import { Category, gaugeMove } from '../metrics/environmentGauge';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation, Worker } from '../model/records';
import { zipDownloadMs } from '../scenario/runtimes';
import { addWorker, takeMicroVm } from './fleet';

/**
 * The Placement service picks a worker of the cell for a new execution environment
 * (lambda-facts.md §1.1, §5; Agache et al., NSDI'20 §4):
 * 1. Sticky: a worker already hosting this function (cache locality, connection reuse), with
 *    a pre-booted microVM ready, fewer than `placementPerWorkerLimit` of its environments
 *    (correlated load is spread apart), and the most lease left.
 * 2. Else a new worker for it: one with a microVM ready, the fewest environments (even load),
 *    then the most lease left — never one near the end of its lease if another has room.
 * 3. Else (no microVM ready anywhere) the worker whose next microVM creation is soonest: boot
 *    capacity (`microvmCreationsPerSec` per worker) is then the limit, and "why cold" says so.
 * 4. When no worker has memory left, the fleet grows by one worker.
 * Ties go to the lowest id (a total order, for determinism).
 */
export function chooseWorker(ctx: SimContext, fn: FunctionRuntime, hostMb: number): Worker {
  const s = ctx.state;
  const { placementPerWorkerLimit: limit, placementMinLeaseLeftMs: minLease } = s.scenario.platform;
  const soon = s.nowMs + minLease;
  let sticky: Worker | undefined;
  for (const [id, n] of fn.placedOn) {
    if (n >= limit) continue;
    const w = s.workers.get(id);
    if (!w || w.state !== 'Active' || w.pool === 0 || w.memoryMb - w.usedMb < hostMb || w.leaseEndMs < soon) continue;
    if (!sticky || w.leaseEndMs > sticky.leaseEndMs || (w.leaseEndMs === sticky.leaseEndMs && w.id < sticky.id)) sticky = w;
  }
  if (sticky) return sticky;
  return spreadTo(ctx, fn, hostMb, soon) ?? addWorker(ctx, s.nowMs, s.nowMs + s.scenario.fleet.leaseMs);
}

/** Ranks workers for a new member of the function's group; see `chooseWorker`. Allocation-free: it runs per cold start. */
function spreadTo(ctx: SimContext, fn: FunctionRuntime, hostMb: number, soon: number): Worker | undefined {
  const s = ctx.state;
  const limit = s.scenario.platform.placementPerWorkerLimit;
  let best: Worker | undefined;
  let bClass = Infinity, bReady = Infinity, bLoad = Infinity, bLease = -Infinity;
  for (const w of s.workers.values()) {
    if (w.state !== 'Active' || w.memoryMb - w.usedMb < hostMb) continue;
    // Lower is better: no microVM ready (4), near its lease end (2), over the spread limit (1);
    // then when its next microVM is ready (only without a pooled one), its load, more lease left.
    const cls = (w.pool > 0 ? 0 : 4) + (w.leaseEndMs < soon ? 2 : 0) + ((fn.placedOn.get(w.id) ?? 0) >= limit ? 1 : 0);
    const ready = w.pool > 0 ? 0 : Math.max(s.nowMs, w.nextBootSlotMs);
    const better = cls !== bClass ? cls < bClass
      : ready !== bReady ? ready < bReady
      : w.environments !== bLoad ? w.environments < bLoad
      : w.leaseEndMs !== bLease ? w.leaseEndMs > bLease
      : best !== undefined && w.id < best.id;
    if (better) {
      best = w;
      bClass = cls; bReady = ready; bLoad = w.environments; bLease = w.leaseEndMs;
    }
  }
  return best;
}

/**
 * A new execution environment: Placement (< 20 ms), a microVM from the worker's pre-booted
 * pool (or a boot when it is empty), then the code: zip downloaded by size, image chunks
 * lazily loaded (~flat) [INF]; with SnapStart the snapshot is restored instead of running
 * Init. `inv` is null for an environment initialized ahead of any request (provisioned, or a
 * proactive replacement: `replaces` is then the environment it replaces).
 */
export function placeEnvironment(ctx: SimContext, fn: FunctionRuntime, v: VersionRuntime, inv: Invocation | null, provisioned: boolean, replaces = 0, tenant = inv ? inv.tenant : 0): Environment {
  const s = ctx.state;
  const hostMb = v.cfg.memoryMb + s.scenario.platform.vmmOverheadMb;
  const worker = chooseWorker(ctx, fn, hostMb);
  const env: Environment = {
    id: s.nextEnvironmentId++, poolStamp: 0, fn: fn.index, account: fn.account, tenant, microvm: s.nextMicrovmId++,
    ver: v.id, version: v.qualifier, revision: v.revision, provisioned, snapStart: v.snapStart,
    worker: worker.id, memoryMb: v.cfg.memoryMb, hostMb, state: 'Provisioning', stateSinceMs: s.nowMs, epoch: 0, invocation: inv ? inv.id : 0, retiring: false,
    createdAtMs: s.nowMs, initPlan: null, idleSinceMs: NaN, keepAliveDeadlineMs: NaN, keepAliveTimerAtMs: -1,
    invocationsServed: 0, lastInvocationEndMs: NaN,
    proactive: replaces !== 0, replaces, replacedBy: 0, recycleAtMs: Infinity, initStartMs: NaN,
  };
  env.recycleAtMs = provisioned
    ? env.createdAtMs + s.scenario.platform.provisionedRecycleMs
    : env.createdAtMs + draw(s.platformSample.environmentRecycleMs, s.streams[s.rng.recycle]);
  s.environments.set(env.id, env);
  worker.usedMb += hostMb;
  worker.environments++;
  worker.perFunction.set(fn.index, (worker.perFunction.get(fn.index) ?? 0) + 1);
  fn.placedOn.set(worker.id, (fn.placedOn.get(worker.id) ?? 0) + 1);
  if (tenant !== 0) fn.tenantEnvs++;
  v.live++;
  v.placedEver++;
  v.initializing++;
  gaugeMove(s.gauge, s.nowMs, Category.None, Category.Initializing);
  ctx.record(LOG.ENVIRONMENT_STATE, env.id, 0, env.invocation);

  const rng = s.streams[s.rng.placement];
  const startMs = inv ? inv.assignedMs : s.nowMs;
  const placedMs = startMs + draw(s.platformSample.placementMs, rng);
  const vm = takeMicroVm(ctx, worker, placedMs);
  const downloadMs = v.cfg.package.type === 'zip' ? zipDownloadMs(v.cfg.package.sizeMb) : draw(s.platformSample.imageFetchMs, rng);
  const readyMs = vm.readyMs + downloadMs;
  if (inv) {
    inv.env = env.id;
    inv.worker = worker.id;
    inv.placedMs = placedMs;
    inv.microvmBootStartMs = vm.bootStartMs;
    inv.microvmReadyMs = vm.readyMs;
    inv.codeReadyMs = readyMs;
    inv.restored = v.snapStart;
  }
  env.epoch++;
  ctx.schedule(readyMs, { type: 'environment.advance', env: env.id, epoch: env.epoch, signal: 'PROVISIONED' });
  return env;
}
