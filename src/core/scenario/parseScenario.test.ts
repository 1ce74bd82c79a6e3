import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario';

const base = () => ({ seed: 1, functions: [{ name: 'hello' }], workload: [] as unknown[] });
const problems = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('scenario validation', () => {
  it('a minimal scenario gets AWS defaults for everything it leaves out', () => {
    const r = parseScenario(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.account).toEqual({ id: 'default', concurrencyLimit: 1000, unreservedMinimum: 100, scaling: { environments: 1000, perMs: 10_000 } });
    expect(s.accounts).toEqual([s.account]);
    expect(s.fleet).toEqual({ workers: 200, workerMemoryMb: 196_608, leaseMs: 50_400_000, prebootedPoolSize: 8 });
    expect(s.cost).toEqual({ region: 'us-east-1', freeTier: false });
    expect(s.platform).toMatchObject({ vmm: 'firecracker', vmmOverheadMb: 3, proactiveReplacement: true, maxPollers: null });
    expect(s.functions[0]).toMatchObject({
      runtime: 'nodejs20.x', memoryMb: 128, timeoutMs: 3000, routing: 'mru', reservedConcurrency: null,
      architecture: 'x86_64', cpuBoundFraction: 0.25, account: 'default', tenantIsolationMode: null,
      keepAliveMs: { dist: 'constant', value: 600_000 },
      async: { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000 },
    });
    expect(s.durationMs).toBe(3_600_000);
    expect(s.platform.initLimitMs).toBe(10_000);
  });

  it.each([
    [{ functions: [{ name: 'hello', memoryMb: 64 }] }, 'functions[0].memoryMb: must be an integer from 128 to 10240'],
    [{ functions: [{ name: 'hello', memoryMb: 512.5 }] }, 'functions[0].memoryMb: must be an integer from 128 to 10240'],
    [{ functions: [{ name: 'hello', timeoutMs: 901_000 }] }, 'functions[0].timeoutMs: must be an integer from 1000 to 900000'],
    [{ functions: [{ name: 'hello', runtime: 'cobol' }] }, 'functions[0].runtime: must be one of'],
    [{ functions: [{ name: 'bad name!' }] }, 'functions[0].name: must be 1 to 64 letters, digits, hyphens or underscores'],
    [{ functions: [{ name: 'a' }, { name: 'a' }] }, 'functions[1].name: must be unique ("a" is used twice)'],
    [{ functions: [] }, 'functions: must define at least one function'],
    [{ functions: [{ name: 'hello', errorRate: 2 }] }, 'functions[0].errorRate: must be a number from 0 to 1'],
    [{ functions: [{ name: 'hello', routing: 'lru' }] }, 'functions[0].routing: must be one of mru, newest, oldest, random'],
    [{ functions: [{ name: 'hello', package: { type: 'zip', sizeMb: 300 } }] }, 'functions[0].package.sizeMb: must be a number from 0 to 250'],
    [{ functions: [{ name: 'hello', durationMs: { dist: 'normal', mean: 3 } }] }, 'functions[0].durationMs.dist: must be one of constant, exponential, lognormal, uniform, empirical'],
    [{ functions: [{ name: 'hello', durationMs: { dist: 'lognormal', median: -1, sigma: 0.5 } }] }, 'functions[0].durationMs.median: must be a number greater than 0'],
    [{ functions: [{ name: 'hello', durationMs: { dist: 'uniform', min: 5, max: 1 } }] }, 'functions[0].durationMs.max: must be at least min (5)'],
    [{ functions: [{ name: 'hello', durationMs: { dist: 'empirical', values: [] } }] }, 'functions[0].durationMs.values: must have at least one value'],
    [{ functions: [{ name: 'hello', async: { maximumRetryAttempts: 3 } }] }, 'functions[0].async.maximumRetryAttempts: must be an integer from 0 to 2'],
    [{ functions: [{ name: 'hello', async: { maximumEventAgeMs: 1000 } }] }, 'functions[0].async.maximumEventAgeMs: must be an integer from 60000 to 21600000'],
    [{ functions: [{ name: 'hello', reservedConcurrency: -1 }] }, 'functions[0].reservedConcurrency: must be an integer from 0 to 900 (account.concurrencyLimit 1000 minus account.unreservedMinimum 100)'],
    [{ functions: [{ name: 'hello', reservedConcurrency: 950 }] }, 'functions[0].reservedConcurrency: must be an integer from 0 to 900'],
    [{ functions: [{ name: 'a', reservedConcurrency: 500 }, { name: 'b', reservedConcurrency: 450 }] }, 'functions: reservedConcurrency adds up to 950, but at most 900 may be reserved'],
    [{ functions: [{ name: 'hello', memorySize: 512 }] }, 'functions[0].memorySize: is not a known field'],
    [{ seed: 'abc' }, 'seed: must be an integer'],
    [{ seed: undefined }, 'seed: is required'],
    [{ account: { concurrencyLimit: 0 } }, 'account.concurrencyLimit: must be an integer from 1 to 100000'],
    [{ fleet: { workers: 0 } }, 'fleet.workers: must be an integer from 1 to 10000'],
    [{ fleet: { leaseMs: 60 * 60 * 1000 * 20 } }, 'fleet.leaseMs: must be a number from 3600000 to 50400000'],
    [{ workload: [{ function: 'nope', arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].function: must name a function in "functions" (hello)'],
    [{ workload: [{ function: 'hello', mode: 'Async', arrival: { process: 'poisson', ratePerSec: 1 } }] }, 'workload[0].mode: must be one of RequestResponse, Event, DryRun'],
    [{ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 0 } }] }, 'workload[0].arrival.ratePerSec: must be a number greater than 0'],
    [{ workload: [{ function: 'hello', arrival: { process: 'burst', count: 0, atMs: 0 } }] }, 'workload[0].arrival.count: must be an integer from 1 to 100000'],
    [{ workload: [{ function: 'hello', arrival: { process: 'trace', timesMs: [5, 3] } }] }, 'workload[0].arrival.timesMs[1]: must not be before the previous time (5)'],
    [{ workload: [{ function: 'hello', arrival: { process: 'diurnal', meanPerSec: 1, amplitude: 2, periodMs: 1000 } }] }, 'workload[0].arrival.amplitude: must be a number from 0 to 1'],
    [{ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 1 }, startMs: 10, endMs: 5 }] }, 'workload[0].endMs: must not be before startMs (10)'],
    [{ workload: [{ function: 'hello', arrival: { process: 'poisson', ratePerSec: 1 }, client: { maxAttempts: 0 } }] }, 'workload[0].client.maxAttempts: must be an integer from 1 to 10'],
    [{ workload: [{ function: 'hello' }] }, 'workload[0].arrival: is required'],
    [{ platform: { initLimitMs: 5 } }, 'platform.initLimitMs: must be a number from 1000 to 900000'],
    [{ extra: true }, 'extra: is not a known field'],
  ])('rejects %j with "%s"', (patch, message) => {
    const found = problems({ ...base(), ...patch });
    expect(found.some((p) => p.startsWith(message)), `got: ${found.join(' | ')}`).toBe(true);
  });

  it('a scenario that is not an object is rejected, not thrown', () => {
    expect(problems(42)).toEqual(['(scenario): must be an object']);
    expect(problems(null)).toEqual(['(scenario): must be an object']);
  });

  it('every problem is listed at once, not just the first', () => {
    const found = problems({ seed: -1, functions: [{ name: 'x', memoryMb: 1, timeoutMs: 0 }], workload: [{ function: 'y' }] });
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('the CLI may override the seed and the duration', () => {
    const r = parseScenario({ ...base(), seed: undefined }, { seed: 9, durationMs: 1000 });
    expect(r.ok && r.scenario.seed).toBe(9);
    expect(r.ok && r.scenario.durationMs).toBe(1000);
  });
});
