import { checkInvariants } from './invariants';
import type { Simulation } from './simulation';

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

  check(sim: Simulation): string[] {
    const problems = checkInvariants(sim);
    if (sim.nowMs < this.lastMs) problems.push(`time went back from ${this.lastMs} to ${sim.nowMs}`);
    if (this.lastEvents >= 0 && sim.eventsProcessed < this.lastEvents) problems.push(`events processed went back from ${this.lastEvents} to ${sim.eventsProcessed}`);
    this.lastMs = sim.nowMs;
    this.lastEvents = sim.eventsProcessed;

    for (const env of sim.environments.values()) {
      const id = `${env.fn}/${env.ver}/${env.version}/${env.worker}/${env.memoryMb}`;
      const was = this.identity.get(env.id);
      if (was === undefined) this.identity.set(env.id, id);
      else if (was !== id) problems.push(`env-${env.id} changed identity (function/version/qualifier/worker/memory) from ${was} to ${id}`);
      const w = sim.workers.get(env.worker);
      if (!w || w.state === 'Terminated') problems.push(`env-${env.id} is on worker-${env.worker}, which ${w ? 'is terminated' : 'does not exist'}`);
      if (env.fn !== sim.versions[env.ver]?.fn) problems.push(`env-${env.id} belongs to function ${env.fn} but its version ${env.ver} to function ${sim.versions[env.ver]?.fn}`);
    }
    // Identities of environments that are gone are forgotten lazily: ids are never reused.
    if (this.identity.size > 4 * sim.environments.size + 1024) {
      for (const id of this.identity.keys()) if (!sim.environments.has(id)) this.identity.delete(id);
    }

    const m = sim.metrics;
    const q = sim.asyncQueue.stats;
    const counts = [m.succeeded, m.functionErrors, m.timedOut, m.throttled, m.dryRun, m.rejected, m.serviceErrors, q.accepted, q.succeeded, q.deadLettered, q.dropped, q.expired, q.retries];
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] < (this.lastCounts[i] ?? 0)) problems.push(`outcome counter #${i} went down from ${this.lastCounts[i]} to ${counts[i]}`);
    }
    this.lastCounts = counts;

    if (sim.counting.accountInUse < 0) problems.push(`account concurrency in use is negative (${sim.counting.accountInUse})`);
    for (const fn of sim.functions) {
      if (fn.inUse < 0) problems.push(`${fn.name} holds ${fn.inUse} units`);
      const tokens = sim.counting.peekTokens(fn, sim.nowMs);
      if (!(tokens <= sim.counting.capacity + 1e-9)) problems.push(`${fn.name}'s scaling bucket holds ${tokens} > ${sim.counting.capacity}`);
      if (fn.bucketTokens < -1e-9) problems.push(`${fn.name}'s scaling bucket is negative (${fn.bucketTokens})`);
    }
    return problems;
  }
}
