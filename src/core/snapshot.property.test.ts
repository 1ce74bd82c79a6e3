import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario/parseScenario';
import { restore, snapshot, type Snapshot } from './snapshot';
import { Simulation } from './simulation';
import { summarize } from './summary';

/**
 * Property: the state is the whole truth. For random scenarios (sync and Event traffic,
 * control-plane calls, faults, lease drains) and random scripts of live inputs (invokes,
 * bursts, live load on / changed / off, control-plane calls, faults), a snapshot taken at a
 * random moment, copied, restored and run on gives the same event-log hash and summary as
 * the straight run; and a snapshot of the restored simulation equals the snapshot.
 * Cases are small (≤ 400 simulated seconds, a few thousand events): about 1 s of CPU each,
 * so the limits hold on a loaded 2-core machine. Fixed seeds: a failure is reproducible.
 */
const HORIZON_MS = 400_000;
const FNS = ['api', 'jobs'];

const distArb = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((value) => ({ dist: 'constant', value })),
  fc.integer({ min: 1, max: 2000 }).map((mean) => ({ dist: 'exponential', mean })),
  fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(0.3, 1)).map(([median, sigma]) => ({ dist: 'lognormal', median, sigma })),
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60_000 })).map(([a, b]) => ({ dist: 'uniform', min: a, max: a + b })),
);

const scenarioArb = fc.record({
  seed: fc.nat(),
  fns: fc.array(fc.record({
    durationMs: distArb, keepAliveMs: distArb, routing: fc.constantFrom('mru', 'newest', 'oldest', 'random'),
    errorRate: fc.constantFrom(0, 0.2), reserved: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    provisioned: fc.constantFrom(0, 0, 2), retries: fc.integer({ min: 0, max: 2 }), onFailure: fc.constantFrom('dlq', 'none'),
  }), { minLength: 1, maxLength: 2 }),
  rates: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 2 }),
  pollers: fc.integer({ min: 1, max: 4 }),
  faultAt: fc.integer({ min: 0, max: HORIZON_MS }),
  updateAt: fc.integer({ min: 0, max: HORIZON_MS }),
}).map((g) => {
  const functions = g.fns.map((f, i) => ({
    name: FNS[i], runtime: 'nodejs20.x', memoryMb: 512, timeoutMs: 3000, durationMs: f.durationMs, keepAliveMs: f.keepAliveMs,
    routing: f.routing, errorRate: f.errorRate, reservedConcurrency: f.reserved, provisionedConcurrency: f.reserved === null || f.reserved >= 2 ? f.provisioned : 0,
    async: { maximumRetryAttempts: f.retries, maximumEventAgeMs: 120_000, onFailure: f.onFailure },
  }));
  return {
    seed: g.seed, durationMs: HORIZON_MS,
    account: { concurrencyLimit: 200, unreservedMinimum: 100, scaling: { environments: 20, perMs: 10_000 } },
    fleet: { workers: 4, leaseMs: 3_600_000, prebootedPoolSize: 2 }, // worker 1's drain starts at 5 min: every run crosses it
    platform: { pollers: g.pollers, duplicateProbability: 0.02 },
    functions,
    workload: functions.flatMap((f, i) => [
      ...(g.rates[i][0] ? [{ function: f.name, arrival: { process: 'poisson', ratePerSec: g.rates[i][0] } }] : []),
      ...(g.rates[i][1] ? [{ function: f.name, mode: 'Event', arrival: { process: 'poisson', ratePerSec: g.rates[i][1] } }] : []),
    ]),
    controlPlane: [{ atMs: g.updateAt, action: 'UpdateFunctionCode', function: 'api' }, { atMs: g.updateAt + 1, action: 'PublishVersion', function: 'api' }],
    faults: [{ type: 'worker-failure', atMs: g.faultAt, worker: 'any' }, { type: 'invoke-outage', fromMs: g.faultAt, toMs: g.faultAt + 5_000 }],
  };
});

type Step =
  | { kind: 'invoke'; fn: number; mode: 'RequestResponse' | 'Event' | 'DryRun'; count: number }
  | { kind: 'load'; fn: number; ratePerSec: number | null }
  | { kind: 'control'; fn: number; op: number; n: number }
  | { kind: 'fault'; op: number; lengthMs: number };

const stepArb: fc.Arbitrary<{ atMs: number; step: Step }> = fc.record({
  atMs: fc.integer({ min: 0, max: HORIZON_MS }),
  step: fc.oneof(
    fc.record({ kind: fc.constant('invoke' as const), fn: fc.nat(1), mode: fc.constantFrom('RequestResponse' as const, 'Event' as const, 'DryRun' as const), count: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 50, max: 200 })) }),
    fc.record({ kind: fc.constant('load' as const), fn: fc.nat(1), ratePerSec: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }) }),
    fc.record({ kind: fc.constant('control' as const), fn: fc.nat(1), op: fc.nat(4), n: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ kind: fc.constant('fault' as const), op: fc.nat(2), lengthMs: fc.integer({ min: 1, max: 60_000 }) }),
  ),
});
const scriptArb = fc.array(stepArb, { maxLength: 12 }).map((xs) => [...xs].sort((a, b) => a.atMs - b.atMs));

/** Applies a live input as the page would. Refused or invalid inputs are refused the same way on every path. */
function perform(sim: Simulation, step: Step): void {
  const fn = FNS['fn' in step ? step.fn : 0];
  switch (step.kind) {
    case 'invoke':
      for (let i = 0; i < step.count; i++) sim.invoke({ function: fn, mode: step.mode });
      return;
    case 'load':
      sim.setLiveLoad(step.ratePerSec === null ? null : { function: fn, mode: 'RequestResponse', arrival: { process: 'poisson', ratePerSec: step.ratePerSec }, client: { maxAttempts: 2, queueDuringOutage: false }, payloadBytes: 1024 });
      return;
    case 'control': {
      const calls = [
        { action: 'PutFunctionConcurrency', function: fn, reservedConcurrency: step.n },
        { action: 'DeleteFunctionConcurrency', function: fn },
        { action: 'UpdateFunctionConfiguration', function: fn, config: { memoryMb: 1024 + 64 * step.n } },
        { action: 'PutProvisionedConcurrencyConfig', function: fn, qualifier: '1', provisionedConcurrentExecutions: step.n % 4 },
        { action: 'DeleteFunction', function: fn },
      ];
      sim.controlPlane(calls[step.op] as never);
      return;
    }
    case 'fault': {
      const now = sim.nowMs;
      const faults = [
        { type: 'worker-failure', atMs: now, worker: 'any' },
        { type: 'slow-pollers', fromMs: now, toMs: now + step.lengthMs, factor: 5 },
        { type: 'init-failure', fromMs: now, toMs: now + step.lengthMs, function: null, rate: 0.5 },
      ];
      try { sim.injectFault(faults[step.op] as never); } catch (e) { if (!(e instanceof Error)) throw e; }
      return;
    }
  }
}

/** Runs the script to the horizon; at `cutMs` the run continues from a restored copy instead. */
function run(raw: unknown, script: { atMs: number; step: Step }[], cutMs: number | null, copy: (s: Snapshot) => Snapshot = (s) => s) {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  let sim = new Simulation(parsed.scenario);
  let cut = cutMs;
  let snapshotEqual = true;
  const maybeCut = (t: number) => {
    if (cut === null || cut > t) return;
    sim.runUntil(cut);
    const snap = snapshot(sim);
    const restored = restore(copy(snap));
    snapshotEqual = isEqual(snapshot(restored), snap);
    sim = restored;
    cut = null;
  };
  for (const { atMs, step } of script) {
    maybeCut(atMs);
    sim.runUntil(atMs);
    perform(sim, step);
  }
  maybeCut(HORIZON_MS);
  sim.runUntil(HORIZON_MS);
  return { summary: { ...summarize(sim, { final: true }), wallMs: 0 }, snapshotEqual };
}

function isEqual(a: unknown, b: unknown): boolean {
  try { expect(a).toEqual(b); return true; } catch { return false; }
}

const cases = fc.record({ raw: scenarioArb, script: scriptArb, cutMs: fc.integer({ min: 0, max: HORIZON_MS }) });

describe('snapshot → restore → continue is the straight run (property tests)', () => {
  it('in memory: same event-log hash and summary, and the restored snapshot equals the original', { timeout: 300_000 }, () => {
    fc.assert(fc.property(cases, ({ raw, script, cutMs }) => {
      const straight = run(raw, script, null);
      const travelled = run(raw, script, cutMs);
      expect(travelled.summary.eventLogSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(travelled.summary).toEqual(straight.summary);
      expect(travelled.snapshotEqual).toBe(true);
    }), { numRuns: 20, seed: 8, endOnFailure: true });
  });

  it('through structuredClone and through V8’s serializer (bytes, no JSON): the same run', { timeout: 300_000 }, () => {
    fc.assert(fc.property(cases, fc.boolean(), ({ raw, script, cutMs }, viaBytes) => {
      const straight = run(raw, script, null);
      const copy = viaBytes ? (s: Snapshot) => deserialize(serialize(s)) as Snapshot : (s: Snapshot) => structuredClone(s);
      const travelled = run(raw, script, cutMs, copy);
      expect(travelled.summary).toEqual(straight.summary);
      expect(travelled.snapshotEqual).toBe(true);
    }), { numRuns: 12, seed: 9, endOnFailure: true });
  });
});
