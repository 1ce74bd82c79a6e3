import { checkInvariants } from './invariants';
import type { SimState } from './model/simState';
import { peekTokens } from './services/counting';

/**
 * Safety properties across time, on top of `checkInvariants` (which looks at one moment).
 * Feed it the same run after every event (a seek back means a new monitor):
 * - an environment serves one function version, of one function (so of one account), on one
 *   worker, for its whole life;
 * - virtual time never goes backwards, and events are processed one at a time;
 * - outcome counters never decrease: an invocation or an Event that ended stays ended, once;
 * - no concurrency unit is held by nobody, and no scaling bucket holds more than it may;
 * - every environment sits on a worker that exists and is not terminated.
 */
export class InvariantMonitor {
  private readonly identity = new Map<number, string>();
  private lastMs = -Infinity;
  private lastEvents = -1;
  private lastCounts: number[] = [];

  check(sim: { readonly state: SimState }): string[] {
    const problems = checkInvariants(sim);
    const s = sim.state;
    if (s.nowMs < this.lastMs) problems.push(`time went back from ${this.lastMs} to ${s.nowMs}`);
    if (this.lastEvents >= 0 && s.eventsProcessed < this.lastEvents) problems.push(`events processed went back from ${this.lastEvents} to ${s.eventsProcessed}`);
    this.lastMs = s.nowMs;
    this.lastEvents = s.eventsProcessed;

    for (const env of s.environments.values()) {
      const id = `${env.fn}/${env.ver}/${env.version}/${env.worker}/${env.memoryMb}`;
      const was = this.identity.get(env.id);
      if (was === undefined) this.identity.set(env.id, id);
      else if (was !== id) problems.push(`env-${env.id} changed identity (function/version/qualifier/worker/memory) from ${was} to ${id}`);
      const w = s.workers.get(env.worker);
      if (!w || w.state === 'Terminated') problems.push(`env-${env.id} is on worker-${env.worker}, which ${w ? 'is terminated' : 'does not exist'}`);
      if (env.fn !== s.versions[env.ver]?.fn) problems.push(`env-${env.id} belongs to function ${env.fn} but its version ${env.ver} to function ${s.versions[env.ver]?.fn}`);
    }
    // Identities of environments that are gone are forgotten lazily: ids are never reused.
    if (this.identity.size > 4 * s.environments.size + 1024) {
      for (const id of this.identity.keys()) if (!s.environments.has(id)) this.identity.delete(id);
    }

    const m = s.metrics;
    const q = s.asyncQueue.stats;
    const counts = [m.succeeded, m.functionErrors, m.timedOut, m.throttled, m.dryRun, m.rejected, m.serviceErrors, q.accepted, q.succeeded, q.deadLettered, q.dropped, q.expired, q.retries];
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] < (this.lastCounts[i] ?? 0)) problems.push(`outcome counter #${i} went down from ${this.lastCounts[i]} to ${counts[i]}`);
    }
    this.lastCounts = counts;

    if (s.counting.accountInUse < 0) problems.push(`account concurrency in use is negative (${s.counting.accountInUse})`);
    for (const fn of s.functions) {
      if (fn.inUse < 0) problems.push(`${fn.name} holds ${fn.inUse} units`);
      const capacity = s.scenario.account.scaling.environments;
      const tokens = peekTokens(s, fn, s.nowMs);
      if (!(tokens <= capacity + 1e-9)) problems.push(`${fn.name}'s scaling bucket holds ${tokens} > ${capacity}`);
      if (fn.bucketTokens < -1e-9) problems.push(`${fn.name}'s scaling bucket is negative (${fn.bucketTokens})`);
    }
    return problems;
  }
}
