import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants';
import { parseScenario } from '../scenario/parseScenario';
import { restore, snapshot } from '../snapshot';
import { Simulation } from '../simulation';
import { summarize } from '../summary';
import { eventSourceCallJson, eventSourceJson } from './generate';

const vec = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 16, maxLength: 16 });

const caseArb = fc.record({
  sources: fc.array(vec, { minLength: 1, maxLength: 3 }),
  calls: fc.array(fc.tuple(fc.nat({ max: 60_000 }), fc.nat(), fc.nat(), vec), { maxLength: 4 }),
  timeoutS: fc.constantFrom(1, 3),
  durationMs: fc.constantFrom(5, 100, 900, 2500, 4000),
  errorRate: fc.constantFrom(0, 0.1, 1),
  reserved: fc.constantFrom(null, 0, 1, 3),
  outage: fc.boolean(),
  workerFailure: fc.boolean(),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(c: Case): Record<string, unknown> {
  const timeoutMs = c.timeoutS * 1000;
  const eventSources = c.sources.map((v, i) => eventSourceJson(`src${i}`, 'hello', timeoutMs, v));
  const names = eventSources.map((e) => e.name as string);
  return {
    seed: 3,
    durationMs: 90_000,
    account: { concurrencyLimit: 200, unreservedMinimum: 20 },
    fleet: { workers: 2, workerMemoryMb: 20_480 },
    functions: [{ name: 'hello', timeoutMs, durationMs: { dist: 'exponential', mean: c.durationMs }, errorRate: c.errorRate, reservedConcurrency: c.reserved, keepAliveMs: { dist: 'constant', value: 20_000 } }],
    eventSources,
    controlPlane: c.calls.map(([atMs, k, p, v]) => ({ atMs, ...eventSourceCallJson('hello', names, timeoutMs, k, p, v) })),
    faults: [
      ...(c.outage ? [{ type: 'invoke-outage', fromMs: 20_000, toMs: 25_000 }] : []),
      ...(c.workerFailure ? [{ type: 'worker-failure', atMs: 30_000, worker: 'any' }] : []),
    ],
  };
}

describe('event source accounting over random mappings (property tests)', () => {
  it('every message and record is deleted once, sent to a DLQ or destination, expired, discarded, or still there; order holds where promised', { timeout: 600_000 }, () => {
    fc.assert(fc.property(caseArb, (c) => {
      const parsed = parseScenario(scenarioOf(c));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const sim = new Simulation(parsed.scenario);
      let steps = 0;
      while (sim.nextEventMs() <= 90_000 && steps < 60_000) {
        sim.step();
        if (steps++ < 5000 || steps % 29 === 0) {
          const problems = checkInvariants(sim);
          if (problems.length) throw new Error(`t=${sim.nowMs}: ${problems.join('; ')}`);
        }
      }
      for (const e of summarize(sim).eventSources) {
        expect(e.received).toBe(e.deleted + e.toDlq + e.expired + e.discarded + e.remaining);
      }
    }), { numRuns: Number(process.env.ESM_RUNS ?? 25), seed: Number(process.env.ESM_SEED ?? 20261201), endOnFailure: true });
  });

  it('a run with event sources restored from a snapshot continues exactly like the original', { timeout: 300_000 }, () => {
    fc.assert(fc.property(caseArb, fc.integer({ min: 1000, max: 60_000 }), (c, atMs) => {
      const parsed = parseScenario(scenarioOf(c));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const a = new Simulation(parsed.scenario);
      a.runUntil(atMs);
      const b = restore(structuredClone(snapshot(a)));
      a.runUntil(90_000);
      b.runUntil(90_000);
      expect(b.eventLogSha256()).toBe(a.eventLogSha256());
      expect(summarize(b).eventSources).toEqual(summarize(a).eventSources);
    }), { numRuns: 8, seed: 7, endOnFailure: true });
  });
});
