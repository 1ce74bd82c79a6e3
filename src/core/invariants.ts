import { completedCount } from './metrics/runMetrics';
import type { SimState } from './model/simState';
import { concurrencyCeiling, unreservedCapacity } from './services/counting';
import { checkEventSources } from './eventSources/invariants';

/**
 * The model's safety properties, checked against a live simulation. Empty when all hold.
 * Tests call it after every step of random scenarios; the UI can show it as a banner.
 * - No execution environment serves two requests at once, nor a request of another version.
 * - Concurrency never exceeds the account limit, a reservation, or the unreserved pool.
 * - Every request is either in flight or has exactly one outcome.
 * - Worker memory and environment counts agree with the environments placed on them.
 * - Every accepted async event is succeeded, dead-lettered, dropped, or still queued / in
 *   flight — none lost, none counted twice.
 * - Provisioned environments are exactly those each version counts.
 * - Event source mappings account for every message and record (eventSources/invariants.ts).
 */
export function checkInvariants(sim: { readonly state: SimState }): string[] {
  const s = sim.state;
  const problems: string[] = [];
  const servedBy = new Map<number, number>();
  for (const inv of s.inflight.values()) {
    if (inv.env === 0) continue;
    const other = servedBy.get(inv.env);
    if (other !== undefined) problems.push(`env-${inv.env} serves inv-${other} and inv-${inv.id} at once`);
    servedBy.set(inv.env, inv.id);
    const env = s.environments.get(inv.env);
    if (env && env.invocation !== inv.id) problems.push(`inv-${inv.id} is attached to env-${inv.env}, which serves inv-${env.invocation}`);
    if (env && env.ver !== inv.ver) problems.push(`env-${env.id} of version ${env.ver} serves inv-${inv.id} of version ${inv.ver}`);
  }
  for (const env of s.environments.values()) {
    const busy = env.state === 'Invoking' || env.state === 'InitRetry';
    if (busy && env.invocation === 0) problems.push(`env-${env.id} is ${env.state} with no request`);
    if ((env.state === 'Idle' || env.state === 'Reset') && env.invocation !== 0) problems.push(`env-${env.id} is idle but holds inv-${env.invocation}`);
    if (env.invocation !== 0) {
      const inv = s.inflight.get(env.invocation);
      if (!inv) problems.push(`env-${env.id} holds inv-${env.invocation}, which is not in flight`);
      else if (inv.ver !== env.ver) problems.push(`env-${env.id} (version ${env.ver}) holds inv-${inv.id} of version ${inv.ver}`);
    }
    const v = s.versions[env.ver];
    if (env.revision !== v.revision && !env.retiring && env.state !== 'Terminated') problems.push(`env-${env.id} runs old code (revision ${env.revision} < ${v.revision}) and is not retiring`);
    if (env.version !== v.qualifier) problems.push(`env-${env.id} says version ${env.version}, belongs to ${v.qualifier}`);
  }
  const { account } = s.scenario;
  if (s.counting.accountInUse > account.concurrencyLimit) problems.push(`account concurrency ${s.counting.accountInUse} > limit ${account.concurrencyLimit}`);
  const unreservedCeiling = Math.max(unreservedCapacity(s), s.counting.unreservedCarried);
  if (s.counting.unreservedInUse > unreservedCeiling) problems.push(`unreserved concurrency ${s.counting.unreservedInUse} > ${unreservedCeiling}`);
  for (const fn of s.functions) {
    if (fn.inUse > concurrencyCeiling(fn)) problems.push(`${fn.cfg.name} holds ${fn.inUse} > reserved ${fn.cfg.reservedConcurrency} (carried ${fn.carried})`);
  }
  const total = completedCount(s.metrics) + s.inflight.size;
  if (total !== s.nextInvocationId - 1) problems.push(`${s.nextInvocationId - 1} requests received but ${total} accounted for`);
  const used = new Map<number, { mb: number; n: number }>();
  for (const env of s.environments.values()) {
    const u = used.get(env.worker) ?? { mb: 0, n: 0 };
    u.mb += env.memoryMb;
    u.n++;
    used.set(env.worker, u);
  }
  for (const w of s.workers.values()) {
    const u = used.get(w.id) ?? { mb: 0, n: 0 };
    if (u.mb !== w.usedMb || u.n !== w.environments) problems.push(`worker-${w.id} says ${w.usedMb} MB / ${w.environments} envs, holds ${u.mb} MB / ${u.n}`);
    if (w.usedMb > w.memoryMb) problems.push(`worker-${w.id} over capacity: ${w.usedMb} > ${w.memoryMb} MB`);
  }
  if (s.gauge.total !== s.environments.size) problems.push(`gauge counts ${s.gauge.total} environments, ${s.environments.size} exist`);
  const q = s.asyncQueue.stats;
  if (q.accepted !== q.succeeded + q.deadLettered + q.dropped + s.asyncQueue.events.size) {
    problems.push(`async: ${q.accepted} accepted ≠ ${q.succeeded} succeeded + ${q.deadLettered} dead-lettered + ${q.dropped} dropped + ${s.asyncQueue.events.size} queued`);
  }
  const pcLive = new Map<number, number>();
  for (const env of s.environments.values()) if (env.provisioned) pcLive.set(env.ver, (pcLive.get(env.ver) ?? 0) + 1);
  for (const v of s.versions) {
    if ((pcLive.get(v.id) ?? 0) !== v.provisioned.live) problems.push(`${v.qualifier} of fn ${v.fn}: ${pcLive.get(v.id) ?? 0} provisioned environments, counts ${v.provisioned.live}`);
  }
  let held = 0;
  for (const fn of s.functions) held += fn.inUse;
  if (held !== s.counting.accountInUse) problems.push(`functions hold ${held} units, account counts ${s.counting.accountInUse}`);
  problems.push(...checkEventSources(s));
  return problems;
}
