import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants';
import { simulate } from '../testing/scenarios';
import { InputError } from './inputError';
import { parseScenario } from './parseScenario';
import { checkControlPlaneCall, checkFault, checkInvokeRequest, checkLiveLoad, inputContext } from './runtimeInput';

/** The problems a scenario's `controlPlane[0]` (or `faults[0]`) gets, with the path prefix cut. */
const asScenario = (key: 'controlPlane' | 'faults', entry: object) => {
  const r = parseScenario({ seed: 1, functions: [{ name: 'hello' }], [key]: [entry] });
  return r.ok ? [] : r.problems.map((m) => m.replace(`${key}[0]`, ''));
};
const cut = (problems: string[], prefix: string) => problems.map((m) => m.replace(prefix, ''));

describe('run-time calls are validated exactly like the scenario’s, with the same messages', () => {
  it.each([
    { action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: -1 },
    { action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 5000 },
    { action: 'UpdateFunctionConfiguration', function: 'hello', config: { memoryMb: 64, timeoutMs: 1500 } },
    { action: 'CreateAlias', function: 'hello', name: 'live', functionVersion: '1', additionalVersionWeights: { $LATEST: 2 } },
    { action: 'PutProvisionedConcurrencyConfig', function: 'nope', qualifier: 'live', provisionedConcurrentExecutions: 0 },
    { action: 'Deploy', function: 'hello' },
  ])('a control-plane call %j', (call) => {
    const sim = simulate();
    const live = checkControlPlaneCall(inputContext(sim.state), call);
    expect(live.ok).toBe(false);
    if (live.ok) return;
    expect(cut(live.problems, 'call')).toEqual(asScenario('controlPlane', { atMs: 0, ...call }));
  });

  it.each([
    { type: 'invoke-outage', fromMs: 5000, toMs: 1000 },
    { type: 'slow-pollers', fromMs: 0, toMs: 1000, factor: 0 },
    { type: 'init-failure', function: 'nope', rate: 2 },
    { type: 'meteor' },
  ])('a fault %j', (fault) => {
    const live = checkFault(inputContext(simulate().state), fault);
    expect(live.ok).toBe(false);
    if (live.ok) return;
    expect(cut(live.problems, 'fault')).toEqual(asScenario('faults', fault));
  });

  it('Simulation.controlPlane refuses an invalid call with the problems, and nothing reaches the control plane', () => {
    const sim = simulate();
    const records = sim.state.log.count;
    const r = sim.controlPlane({ action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 1.5 } as never);
    expect(r.ok).toBe(false);
    expect(r.message).toBe('ValidationException: call.reservedConcurrency: must be an integer from 0 to 900 (account.concurrencyLimit 1000 minus account.unreservedMinimum 100)');
    expect(sim.state.controlPlaneCalls).toBe(0);
    expect(sim.state.log.count).toBe(records);
  });

  it('Simulation.injectFault throws an InputError naming the field and the rule', () => {
    const sim = simulate();
    expect(() => sim.injectFault({ type: 'invoke-outage', fromMs: 10, toMs: 5 })).toThrow(new InputError(['fault.toMs: must be after fromMs (10)']));
  });

  it('a live CreateFunction gets every default a scenario’s function gets, and runs', () => {
    const sim = simulate();
    expect(sim.controlPlane({ action: 'CreateFunction', function: 'late', config: { runtime: 'python3.13' } } as never).ok).toBe(true);
    sim.runUntil(10_000);
    sim.invoke({ function: 'late' });
    sim.runUntil(20_000);
    expect(sim.recentInvocations().at(-1)?.state).toBe('Succeeded');
    expect(sim.state.functions[1].cfg).toMatchObject({ memoryMb: 128, timeoutMs: 3000, routing: 'mru' });
  });

  it('CreateFunction with a reserved concurrency is checked against the account, live or on the timeline', () => {
    const sim = simulate({ controlPlane: [{ atMs: 1000, action: 'CreateFunction', function: 'b', config: { reservedConcurrency: 200 } }] }, { reservedConcurrency: 800 });
    sim.runUntil(2000);
    expect(sim.state.controlPlaneResults[0]).toMatchObject({ ok: false, message: expect.stringMatching(/^InvalidParameterValueException: .* minimum value of \[100\]/) });
    const live = sim.controlPlane({ action: 'CreateFunction', function: 'c', config: { reservedConcurrency: 101 } } as never);
    expect(live.ok).toBe(false);
    expect(sim.functionNamed('c')).toBeUndefined();
    expect(checkInvariants(sim)).toEqual([]);
    expect(sim.controlPlane({ action: 'CreateFunction', function: 'c', config: { reservedConcurrency: 100 } } as never).ok).toBe(true);
  });

  it('a reservation below the function’s provisioned concurrency is refused (PC cannot exceed reserved concurrency)', () => {
    const sim = simulate({}, { runtime: 'java21', provisionedConcurrency: 5 });
    const r = sim.controlPlane({ action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 4 } as never);
    expect(r).toMatchObject({ ok: false, message: 'InvalidParameterValueException: ReservedConcurrentExecutions (4) is less than the function\'s provisioned concurrency (5)' });
  });

  it('provisioned concurrency on functions without a reservation leaves the account’s unreserved minimum', () => {
    const sim = simulate({ account: { concurrencyLimit: 200, unreservedMinimum: 100 } }, { runtime: 'java21', provisionedConcurrency: 60 });
    sim.runUntil(1000);
    expect(sim.controlPlane({ action: 'PublishVersion', function: 'hello' } as never).ok).toBe(true);
    const r = sim.controlPlane({ action: 'PutProvisionedConcurrencyConfig', function: 'hello', qualifier: '2', provisionedConcurrentExecutions: 41 } as never);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^InvalidParameterValueException: requested provisioned concurrency \(41\)/) });
  });

  it('an alias weight must name a published version that exists', () => {
    const sim = simulate();
    sim.controlPlane({ action: 'PublishVersion', function: 'hello' } as never);
    const r = sim.controlPlane({ action: 'CreateAlias', function: 'hello', name: 'live', functionVersion: '1', additionalVersionWeights: { '7': 0.5 } } as never);
    expect(r).toMatchObject({ ok: false, message: 'ResourceNotFoundException: version 7 of hello' });
  });

  it('a page invoke request is checked for shape: function, mode, count, payload', () => {
    expect(checkInvokeRequest({ function: 'hello', mode: 'Sync', count: 0 })).toEqual({ ok: false, problems: [
      'req.mode: must be one of RequestResponse, Event, DryRun', 'req.count: must be an integer from 1 to 100000',
    ] });
    expect(checkInvokeRequest({ function: 'x'.repeat(500) }).ok).toBe(false);
    expect(checkInvokeRequest({ function: 'hello:live' })).toEqual({ ok: true, value: { function: 'hello:live', mode: 'RequestResponse', count: 1 } });
  });

  it('a live load is checked like a workload entry, and may not set its own start or end', () => {
    const ctx = inputContext(simulate().state);
    expect(checkLiveLoad(ctx, { function: 'nope', arrival: { process: 'poisson', ratePerSec: 0 }, startMs: 5 })).toEqual({ ok: false, problems: [
      'load.startMs: is not allowed: a live load starts now and runs until replaced',
      'load.function: must name a function in "functions" (hello)',
      'load.arrival.ratePerSec: must be a number greater than 0 and at most 1000000',
    ] });
    expect(checkLiveLoad(ctx, null)).toEqual({ ok: true, value: null });
  });
});
