import { completedCount } from './metrics/runMetrics';
import type { SimState } from './model/simState';
import { concurrencyCeiling, countingOf, unreservedCapacity } from './services/counting';
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
 * - Isolation: an environment belongs to its function's account, serves only requests of its
 *   function version (and, with tenant isolation, of its tenant), and has a microVM of its own.
 * - A replacement and the environment it replaces point at each other.
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
  s.scenario.accounts.forEach((account, a) => {
    const c = countingOf(s, a);
    if (c.accountInUse > account.concurrencyLimit) problems.push(`account ${account.id} concurrency ${c.accountInUse} > limit ${account.concurrencyLimit}`);
    const unreservedCeiling = Math.max(unreservedCapacity(s, a), c.unreservedCarried);
    if (c.unreservedInUse > unreservedCeiling) problems.push(`account ${account.id} unreserved concurrency ${c.unreservedInUse} > ${unreservedCeiling}`);
    let held = 0;
    for (const fn of s.functions) if (fn.account === a) held += fn.inUse;
    if (held !== c.accountInUse) problems.push(`functions of account ${account.id} hold ${held} units, it counts ${c.accountInUse}`);
  });
  for (const fn of s.functions) {
    if (fn.inUse > concurrencyCeiling(fn)) problems.push(`${fn.cfg.name} holds ${fn.inUse} > reserved ${fn.cfg.reservedConcurrency} (carried ${fn.carried})`);
  }
  const total = completedCount(s.metrics) + s.inflight.size;
  if (total !== s.nextInvocationId - 1) problems.push(`${s.nextInvocationId - 1} requests received but ${total} accounted for`);
  const used = new Map<number, { mb: number; n: number }>();
  for (const env of s.environments.values()) {
    const u = used.get(env.worker) ?? { mb: 0, n: 0 };
    u.mb += env.hostMb;
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
  problems.push(...checkIsolation(s));
  problems.push(...checkEventSources(s));
  return problems;
}

/** Tenancy: accounts, versions, tenants and microVMs never mix (lambda-facts.md §2.5, §5). */
function checkIsolation(s: SimState): string[] {
  const problems: string[] = [];
  const microvms = new Map<number, number>();
  const placed = new Map<number, number>(); // fn × 2^21 + worker → environments
  for (const env of s.environments.values()) {
    const fn = s.functions[env.fn];
    if (env.account !== fn.account) problems.push(`env-${env.id} of account ${env.account} runs function ${fn.name} of account ${fn.account}`);
    if (s.versions[env.ver].fn !== env.fn) problems.push(`env-${env.id} runs a version of another function`);
    const other = microvms.get(env.microvm);
    if (other !== undefined) problems.push(`env-${env.id} and env-${other} share microVM ${env.microvm}`);
    microvms.set(env.microvm, env.id);
    if ((env.tenant !== 0) !== (fn.cfg.tenantIsolationMode === 'PER_TENANT' && !env.provisioned)) problems.push(`env-${env.id} tenant ${env.tenant} does not match ${fn.name}'s tenant isolation`);
    if (env.invocation !== 0) {
      const inv = s.inflight.get(env.invocation);
      if (inv && (inv.fn !== env.fn || inv.tenant !== env.tenant)) problems.push(`env-${env.id} (fn ${env.fn}, tenant ${env.tenant}) serves inv-${inv.id} (fn ${inv.fn}, tenant ${inv.tenant})`);
    }
    if (env.replacedBy !== 0) {
      const r = s.environments.get(env.replacedBy);
      if (!r || r.replaces !== env.id) problems.push(`env-${env.id} says env-${env.replacedBy} replaces it, which does not say so`);
    }
    const k = env.fn * 2097152 + env.worker;
    placed.set(k, (placed.get(k) ?? 0) + 1);
  }
  for (const fn of s.functions) {
    for (const [w, n] of fn.placedOn) {
      const has = placed.get(fn.index * 2097152 + w) ?? 0;
      if (has !== n) problems.push(`${fn.name} counts ${n} environments on worker-${w}, has ${has}`);
    }
  }
  return problems;
}

/**
 * "An execution environment serves one function version of one account, for its whole life,
 * and never shares its microVM": a checker with memory, for property tests that call it after
 * every event. It remembers each environment's identity when first seen and reports any change.
 */
export function createIsolationWatch(): (sim: { readonly state: SimState }) => string[] {
  const seen = new Map<number, string>();
  const microvmOwner = new Map<number, number>();
  return (sim) => {
    const problems: string[] = [];
    for (const env of sim.state.environments.values()) {
      const id = `${env.account}/${env.fn}/${env.ver}/${env.tenant}/${env.microvm}/${env.worker}`;
      const before = seen.get(env.id);
      if (before === undefined) seen.set(env.id, id);
      else if (before !== id) problems.push(`env-${env.id} changed identity: ${before} → ${id} (account/fn/version/tenant/microVM/worker)`);
      const owner = microvmOwner.get(env.microvm);
      if (owner === undefined) microvmOwner.set(env.microvm, env.id);
      else if (owner !== env.id) problems.push(`microVM ${env.microvm} of env-${owner} was handed to env-${env.id}`);
    }
    return problems;
  };
}
