import { describe, expect, it } from 'vitest';
import { RandomStream } from './engine/random';
import { checkInvariants, createIsolationWatch } from './invariants';
import { parseScenario } from './scenario/parseScenario';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { summaryIdentityProblems } from './summaryIdentity';

/** A random but valid scenario: several functions, limits, workloads and fleet sizes. */
function randomScenario(seed: number) {
  const r = new RandomStream(seed, 'scenario-generator');
  const pick = <T,>(xs: T[]) => xs[r.int(xs.length)];
  const nFns = 1 + r.int(3);
  const limit = 20 + r.int(200);
  // Half the runs put two customers on the fleet; the last function of some runs isolates tenants.
  const twoAccounts = r.chance(0.5);
  const tenantFn = nFns > 1 && r.chance(0.5) ? nFns - 1 : -1;
  const functions = Array.from({ length: nFns }, (_, i) => ({
    name: `fn${i}`,
    ...(twoAccounts ? { account: i % 2 ? 'globex' : 'acme' } : {}),
    ...(i === tenantFn ? { tenancyConfig: { tenantIsolationMode: 'PER_TENANT' } } : {}),
    architecture: pick(['x86_64', 'arm64']),
    cpuBoundFraction: pick([0, 0.25, 1]),
    runtime: pick(['nodejs20.x', 'python3.13', 'java21', 'provided.al2023']),
    memoryMb: pick([128, 512, 2048, 10240]),
    timeoutMs: pick([1000, 3000, 15_000]),
    durationMs: pick([{ dist: 'exponential', mean: 200 }, { dist: 'lognormal', median: 500, sigma: 1.2 }, { dist: 'constant', value: 2500 }]),
    initMs: pick([undefined, { dist: 'lognormal', median: 3000, sigma: 1.2 }]),
    keepAliveMs: { dist: 'uniform', min: 1000, max: 60_000 },
    routing: pick(['mru', 'newest', 'oldest', 'random']),
    errorRate: pick([0, 0.1]),
    reservedConcurrency: i === 0 && r.chance(0.5) ? r.int(Math.max(1, limit - 100)) : null,
    provisionedConcurrency: i === 1 && i !== tenantFn && r.chance(0.5) ? 1 + r.int(5) : 0,
    extensions: r.int(3),
    async: { maximumRetryAttempts: r.int(3), maximumEventAgeMs: pick([60_000, 600_000, 21_600_000]), onFailure: pick(['dlq', 'none']) },
  }));
  const at = () => r.int(3_000_000);
  const controlPlane = functions.flatMap((f) => [
    { atMs: at(), action: 'UpdateFunctionCode', function: f.name },
    { atMs: at(), action: 'PutFunctionConcurrency', function: f.name, reservedConcurrency: r.int(20) },
    { atMs: at(), action: 'DeleteFunctionConcurrency', function: f.name },
    { atMs: at(), action: 'PublishVersion', function: f.name },
  ]);
  const scaling = { environments: 5 + r.int(100), perMs: 10_000 };
  const accountLimits = twoAccounts
    ? { accounts: [{ id: 'acme', concurrencyLimit: limit + 100, unreservedMinimum: 100, scaling }, { id: 'globex', concurrencyLimit: 50 + r.int(100), unreservedMinimum: 10, scaling }] }
    : { account: { concurrencyLimit: limit + 100, unreservedMinimum: 100, scaling } };
  const tenants = (i: number) => (i === tenantFn ? { tenants: { count: 1 + r.int(30), zipf: pick([0, 1]) } } : {});
  const faults = [
    { type: 'worker-failure', atMs: at(), worker: 'any' },
    { type: 'invoke-outage', fromMs: 1_000_000, toMs: 1_000_000 + r.int(60_000) + 1 },
    { type: 'slow-pollers', fromMs: at(), toMs: 3_500_000, factor: 1 + r.int(50) },
    { type: 'init-failure', fromMs: at(), toMs: 3_900_000, rate: r.next() * 0.3 },
  ];
  return {
    seed,
    ...accountLimits,
    fleet: { workers: 1 + r.int(3), workerMemoryMb: 10_380 + r.int(20_000), leaseMs: 3_600_000, prebootedPoolSize: r.int(4) },
    platform: {
      drainBeforeLeaseEndMs: 120_000, pollers: 1 + r.int(5), duplicateProbability: pick([0, 0.01]),
      vmm: pick(['firecracker', 'qemu']), proactiveReplacement: r.chance(0.8), placementPerWorkerLimit: 1 + r.int(20),
      environmentRecycleMs: { dist: 'uniform', min: 600_000, max: 1_800_000 },
    },
    functions,
    controlPlane,
    faults,
    workload: functions.flatMap((f, i) => [
      { function: f.name, arrival: { process: 'poisson', ratePerSec: 1 + r.int(40) }, client: { maxAttempts: 1 + r.int(3), queueDuringOutage: r.chance(0.5) }, ...tenants(i) },
      { function: f.name, arrival: { process: 'burst', count: 1 + r.int(300), atMs: r.int(600_000) }, ...tenants(i) },
      { function: f.name, mode: 'Event', arrival: { process: 'poisson', ratePerSec: 1 + r.int(20) }, ...tenants(i) },
      { function: f.name, mode: 'DryRun', arrival: { process: 'constant', ratePerSec: 0.1 }, ...tenants(i) },
    ]),
  };
}

describe('invariants over random scenarios with Event traffic, control-plane calls and faults (property tests)', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`scenario #${seed}: no environment serves two requests or another version's or another account's or tenant's, none shares a microVM, no limit is exceeded, every request and event has exactly one outcome`, { timeout: 240_000 }, () => {
      const parsed = parseScenario(randomScenario(seed));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const sim = new Simulation(parsed.scenario);
      const isolation = createIsolationWatch();
      let steps = 0;
      // Check after every event for the first stretch, then every 97th (the run crosses lease drains).
      // A run whose only worker fails early has replacements that start late: it runs on until
      // one of them drains (every worker alive after the failure started by 3,000 s, so it
      // drains by 3,000 s + the 1 h lease).
      while (sim.nextEventMs() <= 4_000_000 || (sim.state.workersDrained === 0 && sim.nextEventMs() <= 6_700_000)) {
        sim.step();
        if (steps++ < 20_000 || steps % 97 === 0) {
          const problems = [...checkInvariants(sim), ...isolation(sim)];
          if (problems.length) throw new Error(`t=${sim.nowMs}: ${problems.join('; ')}`);
        }
      }
      const s = summarize(sim);
      expect(summaryIdentityProblems(s)).toEqual([]);
      expect(s.invocations.total).toBeGreaterThan(0);
      expect(s.workers.drained).toBeGreaterThan(0); // 1 h leases: every run crosses a drain
      expect(s.async.accepted).toBe(s.async.succeeded + s.async.deadLettered + s.async.dropped + s.async.queued);
      expect(s.faults.workersFailed).toBe(1);
    });
  }
});
