import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { parseScenario } from './parseScenario';

const base = () => ({ seed: 1, functions: [{ name: 'hello' }], workload: [] as unknown[] });
const problems = (input: unknown, overrides?: { seed?: number; durationMs?: number }) => {
  const r = parseScenario(input, overrides);
  return r.ok ? [] : r.problems;
};
const has = (found: string[], message: string) => expect(found.some((p) => p.startsWith(message)), `got: ${found.slice(0, 5).join(' | ')}`).toBe(true);
const longName = (i: number) => `fn${i}_`.padEnd(64, 'x');

describe('hostile and huge scenarios: validation is total and its report bounded', () => {
  it(`at most ${LIMITS.problems} problems are listed, then a count of the rest`, () => {
    const found = problems({ ...base(), functions: Array.from({ length: 3000 }, (_, i) => ({ name: `f${i}`, memoryMb: 1 })) });
    expect(found).toHaveLength(LIMITS.problems + 1);
    expect(found.at(-1)).toBe(`… and ${3000 - LIMITS.problems} more problems`);
  });

  it('3,000 long names and 3,000 references to an unknown function give short messages, never a list of every name', () => {
    const found = problems({
      seed: 1,
      functions: Array.from({ length: 3000 }, (_, i) => ({ name: longName(i) })),
      workload: Array.from({ length: 3000 }, () => ({ function: 'nope', arrival: { process: 'poisson', ratePerSec: 1 } })),
    });
    expect(found).toHaveLength(LIMITS.problems + 1);
    for (const m of found) expect(m.length).toBeLessThanOrEqual(LIMITS.problemChars);
    expect(found[0]).toBe('workload[0].function: must name a function in "functions" (3000 defined; none close to "nope")');
  });

  it('a reference to an unknown function suggests at most three close names', () => {
    const fns = ['hello', 'help', 'hullo', 'jello', 'world', 'other'].map((name) => ({ name }));
    const found = problems({ ...base(), functions: fns, workload: [{ function: 'helo', arrival: { process: 'poisson', ratePerSec: 1 } }] });
    expect(found).toEqual(['workload[0].function: must name a function in "functions" (6 defined; closest: hello, help, hullo)']);
  });

  it('with five functions or fewer, the message lists them all', () => {
    has(problems({ ...base(), workload: [{ function: 'nope', arrival: { process: 'poisson', ratePerSec: 1 } }] }), 'workload[0].function: must name a function in "functions" (hello)');
  });

  it('a duplicate function name is found however many functions there are', () => {
    const fns = Array.from({ length: LIMITS.functions }, (_, i) => ({ name: `f${i}` }));
    fns.push({ name: 'f7' });
    fns.splice(0, 1);
    const found = problems({ ...base(), functions: fns });
    expect(found).toEqual([`functions[${LIMITS.functions - 1}].name: must be unique ("f7" is used twice)`]);
  });

  it(`more than ${LIMITS.functions} functions are refused, naming the maximum`, () => {
    has(problems({ ...base(), functions: Array.from({ length: LIMITS.functions + 1 }, (_, i) => ({ name: `f${i}` })) }), `functions: has ${LIMITS.functions + 1} functions, more than the maximum of ${LIMITS.functions}`);
  });

  it(`more than ${LIMITS.workloadEntries} workload entries are refused`, () => {
    const w = Array.from({ length: LIMITS.workloadEntries + 1 }, () => ({ function: 'hello', arrival: { process: 'poisson', ratePerSec: 1 } }));
    has(problems({ ...base(), workload: w }), `workload: has ${LIMITS.workloadEntries + 1} entries, more than the maximum of ${LIMITS.workloadEntries}`);
  });

  it(`trace arrivals hold at most ${LIMITS.traceTimes} times in all`, () => {
    const half = Array.from({ length: LIMITS.traceTimes / 2 + 1 }, (_, i) => i);
    const trace = { function: 'hello', arrival: { process: 'trace', timesMs: half } };
    has(problems({ ...base(), workload: [trace, trace] }), `workload[1].arrival.timesMs: has ${half.length} times, more than the ${LIMITS.traceTimes - half.length} left of the maximum of ${LIMITS.traceTimes}`);
  });

  it('a function name has at most 64 letters, digits, hyphens or underscores (AWS)', () => {
    has(problems({ ...base(), functions: [{ name: 'x'.repeat(65) }] }), 'functions[0].name: must be 1 to 64 letters, digits, hyphens or underscores');
    expect(problems({ ...base(), functions: [{ name: 'A-z_0'.padEnd(64, '9') }] })).toEqual([]);
  });

  it('provisioned concurrency cannot exceed what the account can set aside (1,000,000 is refused at once)', () => {
    has(problems({ ...base(), functions: [{ name: 'a', runtime: 'java21', provisionedConcurrency: 1_000_000 }] }), 'functions[0].provisionedConcurrency: must be an integer from 0 to 900 (account.concurrencyLimit 1000 minus account.unreservedMinimum 100)');
  });

  it('reserved and provisioned concurrency of all functions together stay within the account', () => {
    has(problems({ ...base(), functions: [{ name: 'a', reservedConcurrency: 400 }, { name: 'b', provisionedConcurrency: 600 }] }), 'functions: reserved and provisioned concurrency add up to 1000, but at most 900 may be set aside');
  });

  it('a worker drains for at most half its lease: equal lease and drain would chain replacements forever', () => {
    has(problems({ ...base(), fleet: { leaseMs: 3_600_000 }, platform: { drainBeforeLeaseEndMs: 3_600_000 } }), 'platform.drainBeforeLeaseEndMs: must be at most half of fleet.leaseMs (1800000)');
    expect(problems({ ...base(), fleet: { leaseMs: 3_600_000 }, platform: { drainBeforeLeaseEndMs: 1_800_000 } })).toEqual([]);
  });

  it('a function timeout is whole seconds from 1 to 900 (AWS)', () => {
    has(problems({ ...base(), functions: [{ name: 'a', timeoutMs: 1500 }] }), 'functions[0].timeoutMs: must be an integer from 1000 to 900000 and a multiple of 1000 (whole seconds, as AWS sets it)');
    expect(problems({ ...base(), functions: [{ name: 'a', timeoutMs: 900_000 }] })).toEqual([]);
  });

  it('every time in a scenario is at most 30 days: far times would lose millisecond precision', () => {
    const day30 = LIMITS.timeMs;
    has(problems({ ...base(), workload: [{ function: 'hello', startMs: 1e20, arrival: { process: 'poisson', ratePerSec: 1 } }] }), `workload[0].startMs: must be a number from 0 to ${day30}`);
    has(problems({ ...base(), faults: [{ type: 'worker-failure', atMs: 1e300 }] }), `faults[0].atMs: must be a number from 0 to ${day30}`);
    has(problems({ ...base(), controlPlane: [{ atMs: day30 + 1, action: 'PublishVersion', function: 'hello' }] }), `controlPlane[0].atMs: must be a number from 0 to ${day30}`);
    has(problems({ ...base(), functions: [{ name: 'a', durationMs: { dist: 'constant', value: 1e308 } }] }), `functions[0].durationMs.value: must be a number from 0 to ${LIMITS.distributionMs}`);
  });

  it('a CLI override of the duration is held to the same rule as the scenario’s', () => {
    has(problems(base(), { durationMs: 1e300 }), `durationMs (override): must be a number greater than 0 and at most ${LIMITS.timeMs}`);
  });

  it('a hostile key is quoted and cut in the path, so no message grows with the input', () => {
    const key = 'k'.repeat(1_000_000);
    const found = problems({ ...base(), [key]: 1 });
    expect(found).toHaveLength(1);
    expect(found[0].length).toBeLessThanOrEqual(LIMITS.problemChars);
    expect(found[0]).toMatch(/^"k+…": is not a known field/);
  });

  it('an alias routes to at most one additional published version, weighted 0 to 1', () => {
    const alias = (w: unknown, functionVersion = '1') => problems({ ...base(), controlPlane: [{ atMs: 0, action: 'CreateAlias', function: 'hello', name: 'live', functionVersion, additionalVersionWeights: w }] });
    has(alias({ '2': 0.5, '3': 0.1 }), 'controlPlane[0].additionalVersionWeights: has 2 versions: an alias routes to at most one additional version');
    has(alias({ $LATEST: 0.5 }), 'controlPlane[0].additionalVersionWeights.$LATEST: must be a published version number (not $LATEST or an alias)');
    has(alias({ '1': 0.5 }), 'controlPlane[0].additionalVersionWeights.1: must differ from functionVersion (1)');
    has(alias({ '2': 1.5 }), 'controlPlane[0].additionalVersionWeights.2: must be a number from 0 to 1');
    has(alias({ '2': 0.5 }, '$LATEST'), 'controlPlane[0].additionalVersionWeights: cannot be used with functionVersion $LATEST');
    expect(alias({ '2': 0.25 })).toEqual([]);
  });

  it('a control-plane reservation or provisioned concurrency beyond what the account can set aside is refused', () => {
    has(problems({ ...base(), controlPlane: [{ atMs: 0, action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 901 }] }), 'controlPlane[0].reservedConcurrency: must be an integer from 0 to 900');
    has(problems({ ...base(), controlPlane: [{ atMs: 0, action: 'PutProvisionedConcurrencyConfig', function: 'hello', qualifier: 'live', provisionedConcurrentExecutions: 1e6 }] }), 'controlPlane[0].provisionedConcurrentExecutions: must be an integer from 1 to 900');
    has(problems({ ...base(), controlPlane: [{ atMs: 0, action: 'CreateFunction', function: 'two', config: { reservedConcurrency: 2000 } }] }), 'controlPlane[0].config.reservedConcurrency: must be an integer from 0 to 900');
  });
});

describe('small and large accounts', () => {
  it('an account below 100 keeps its whole limit unreserved by default, instead of a negative reservable amount', () => {
    const r = parseScenario({ ...base(), account: { concurrencyLimit: 1 } });
    expect(r.ok && r.scenario.account).toMatchObject({ concurrencyLimit: 1, unreservedMinimum: 1 });
  });

  it(`an account limit above ${LIMITS.concurrencyLimit} is refused: a million provisioned environments would take minutes to place`, () => {
    has(problems({ ...base(), account: { concurrencyLimit: 1_000_000 } }), `account.concurrencyLimit: must be an integer from 1 to ${LIMITS.concurrencyLimit}`);
  });
});
