import type { SimContext } from '../context';
import { draw } from '../engine/distributions';
import { LOG } from '../logCodes';
import { Category, gaugeMove } from '../metrics/environmentGauge';
import type { FunctionRuntime, VersionRuntime } from '../model/functionRuntime';
import type { Environment, Invocation, Worker } from '../model/records';
import { zipDownloadMs } from '../scenario/runtimes';
import { addWorker, takeMicroVm } from './fleet';

/**
 * The Placement service picks a worker for a new execution environment (lambda-facts.md
 * §1.1): it keeps load even and spreads correlated workloads apart, so environments of the
 * same function go to the active worker hosting the fewest of them, then the one with the
 * most free memory, then the lowest id (a total order, for determinism). When no active
 * worker has room, the fleet grows by one worker.
 */
export function chooseWorker(ctx: SimContext, fn: FunctionRuntime, memoryMb: number): Worker {
  const s = ctx.state;
  let best: Worker | undefined;
  let bestCount = Infinity;
  let bestFree = -1;
  for (const w of s.workers.values()) {
    if (w.state !== 'Active') continue;
    const free = w.memoryMb - w.usedMb;
    if (free < memoryMb) continue;
    const count = w.perFunction.get(fn.index) ?? 0;
    if (count < bestCount || (count === bestCount && free > bestFree)) {
      best = w;
      bestCount = count;
      bestFree = free;
    }
  }
  return best ?? addWorker(ctx, s.nowMs, s.nowMs + s.scenario.fleet.leaseMs);
}

/**
 * A new execution environment: Placement (< 20 ms), a microVM from the worker's pre-booted
 * pool (or a boot when it is empty), then the code: zip downloaded by size, image chunks
 * lazily loaded (~flat) [INF]; with SnapStart the snapshot is restored instead of running
 * Init. `inv` is null for a provisioned environment initialized ahead of any request.
 */
export function placeEnvironment(ctx: SimContext, fn: FunctionRuntime, v: VersionRuntime, inv: Invocation | null, provisioned: boolean): Environment {
  const s = ctx.state;
  const worker = chooseWorker(ctx, fn, v.cfg.memoryMb);
  const env: Environment = {
    id: s.nextEnvironmentId++, poolStamp: 0, fn: fn.index, ver: v.id, version: v.qualifier, revision: v.revision, provisioned, snapStart: v.snapStart,
    worker: worker.id, memoryMb: v.cfg.memoryMb, state: 'Provisioning', stateSinceMs: s.nowMs, epoch: 0, invocation: inv ? inv.id : 0, retiring: false,
    createdAtMs: s.nowMs, initPlan: null, idleSinceMs: NaN, keepAliveDeadlineMs: NaN, keepAliveTimerAtMs: -1,
    invocationsServed: 0, lastInvocationEndMs: NaN,
  };
  s.environments.set(env.id, env);
  worker.usedMb += env.memoryMb;
  worker.environments++;
  worker.perFunction.set(fn.index, (worker.perFunction.get(fn.index) ?? 0) + 1);
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
