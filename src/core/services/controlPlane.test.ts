import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

describe('control plane', () => {
  it('CreateFunction: the function is Pending, invoking it fails with 409, then it becomes Active', () => {
    const sim = simulate({ controlPlane: [{ atMs: 1000, action: 'CreateFunction', function: 'late', config: { runtime: 'python3.13' } }] });
    invokeAt(sim, 2000, { function: 'late' });
    invokeAt(sim, 5000, { function: 'late' });
    sim.runUntil(10_000);
    const [pending, active] = sim.recentInvocations().sort((a, b) => a.id - b.id);
    expect(pending.statusCode).toBe(409);
    expect(pending.rejectReason).toBe('ResourceConflictException');
    expect(active.state).toBe('Succeeded');
  });

  it('UpdateFunctionCode: invocations keep the old code until the update succeeds; then old environments are reaped and the next is cold', () => {
    const sim = simulate({ controlPlane: [{ atMs: 10_000, action: 'UpdateFunctionCode', function: 'hello' }] });
    invokeAt(sim, 0);
    invokeAt(sim, 12_000); // update in progress (5 s): old code, warm
    sim.runUntil(14_000);
    expect(sim.state.functions[0].lastUpdateStatus).toBe('InProgress');
    invokeAt(sim, 20_000); // update done at 15 s: cold on the new code
    sim.runUntil(25_000);
    const [first, during, after] = sim.recentInvocations();
    expect(during.cold).toBe(false);
    expect(during.env).toBe(first.env);
    expect(after.cold).toBe(true);
    expect(after.coldReason).toMatchObject({ kind: 'reclaimed', env: first.env, cause: 'code-update', atMs: 15_000 });
    expect(sim.state.environments.get(first.env)).toBeUndefined();
    expect(sim.state.functions[0].lastUpdateStatus).toBe('Successful');
  });

  it('a second update while one is in progress fails with ResourceConflictException', () => {
    const sim = simulate({ controlPlane: [
      { atMs: 1000, action: 'UpdateFunctionCode', function: 'hello' },
      { atMs: 2000, action: 'UpdateFunctionConfiguration', function: 'hello', config: { memoryMb: 1024 } },
    ] });
    sim.runUntil(3000);
    expect(sim.state.controlPlaneResults.map((r) => r.ok)).toEqual([true, false]);
    expect(sim.state.controlPlaneResults[1].message).toMatch(/^ResourceConflictException/);
  });

  it('UpdateFunctionConfiguration applies the new memory and duration once it succeeds', () => {
    const sim = simulate({ controlPlane: [{ atMs: 1000, action: 'UpdateFunctionConfiguration', function: 'hello', config: { memoryMb: 2048, durationMs: { dist: 'constant', value: 500 } } }] });
    invokeAt(sim, 10_000);
    sim.runUntil(20_000);
    const [inv] = sim.recentInvocations();
    expect(sim.state.versions[0].cfg.memoryMb).toBe(2048);
    expect(inv.invokeEndMs - inv.invokeStartMs).toBeCloseTo(500);
  });

  it('a published version gets its own environments: an environment never serves another version', () => {
    const sim = simulate({ controlPlane: [{ atMs: 0, action: 'PublishVersion', function: 'hello' }] });
    invokeAt(sim, 1000, { function: 'hello' });
    invokeAt(sim, 5000, { function: 'hello:1' });
    invokeAt(sim, 9000, { function: 'hello:1' });
    sim.runUntil(15_000);
    const [latest, v1a, v1b] = sim.recentInvocations();
    expect([latest.version, v1a.version, v1b.version]).toEqual(['$LATEST', '1', '1']);
    expect(v1a.cold).toBe(true); // $LATEST's idle environment cannot serve version 1
    expect(v1b.env).toBe(v1a.env);
    expect(v1a.env).not.toBe(latest.env);
  });

  it('an alias with weighted routing splits traffic between two versions', () => {
    const sim = simulate({ controlPlane: [
      { atMs: 0, action: 'PublishVersion', function: 'hello' },
      { atMs: 0, action: 'PublishVersion', function: 'hello' },
      { atMs: 0, action: 'CreateAlias', function: 'hello', name: 'live', functionVersion: '1', additionalVersionWeights: { '2': 0.25 } },
    ], workload: [{ function: 'hello:live', arrival: { process: 'constant', ratePerSec: 20 } }] });
    sim.runUntil(200_000);
    const invs = sim.recentInvocations();
    const share2 = invs.filter((i) => i.version === '2').length / invs.length;
    expect(share2).toBeGreaterThan(0.2);
    expect(share2).toBeLessThan(0.3);
  });

  it('PutFunctionConcurrency caps new invocations; DeleteFunctionConcurrency lifts the cap', () => {
    const sim = simulate({ controlPlane: [
      { atMs: 1000, action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 0 },
      { atMs: 3000, action: 'DeleteFunctionConcurrency', function: 'hello' },
    ] });
    invokeAt(sim, 2000);
    invokeAt(sim, 4000);
    sim.runUntil(6000);
    expect(sim.recentInvocations().map((i) => i.state)).toEqual(['Throttled', 'Succeeded']);
  });

  it('a reservation that would leave less than the unreserved minimum is refused', () => {
    const sim = simulate({
      functions: [{ name: 'hello' }, { name: 'other', reservedConcurrency: 500 }],
      controlPlane: [{ atMs: 0, action: 'PutFunctionConcurrency', function: 'hello', reservedConcurrency: 450 }],
    });
    sim.runUntil(1);
    expect(sim.state.controlPlaneResults[0].ok).toBe(false);
    expect(sim.state.controlPlaneResults[0].message).toContain('minimum value of [100]');
  });

  it('PutFunctionEventInvokeConfig changes how many times a failing event is retried', () => {
    const sim = simulate({ controlPlane: [{ atMs: 0, action: 'PutFunctionEventInvokeConfig', function: 'hello', maximumRetryAttempts: 0 }] }, { errorRate: 1 });
    invokeAt(sim, 1000, { function: 'hello', mode: 'Event' });
    sim.runUntil(600_000);
    expect(sim.state.asyncQueue.stats).toMatchObject({ accepted: 1, dropped: 1, retries: 0 });
  });

  it('DeleteFunction: invocations fail with 404 and every environment is reaped', () => {
    const sim = simulate({ controlPlane: [{ atMs: 5000, action: 'DeleteFunction', function: 'hello' }] });
    invokeAt(sim, 0);
    invokeAt(sim, 6000);
    sim.runUntil(10_000);
    expect(sim.recentInvocations().map((i) => i.statusCode)).toEqual([200, 404]);
    expect(sim.state.environments.size).toBe(0);
  });
});

describe('provisioned concurrency', () => {
  const pc = (n: number, extra: Record<string, unknown> = {}) => simulate({}, { provisionedConcurrency: n, ...extra });

  it('provisioned environments are initialized at allocation and serve warm from the first request', () => {
    const sim = pc(3);
    sim.runUntil(5000);
    expect(sim.state.versions[1].provisioned).toEqual({ requested: 3, live: 3, status: 'READY' });
    expect([...sim.state.environments.values()].map((e) => [e.state, e.provisioned])).toEqual([['Idle', true], ['Idle', true], ['Idle', true]]);
    invokeAt(sim, 10_000, { function: 'hello:live' });
    sim.runUntil(11_000);
    const [inv] = sim.recentInvocations();
    expect(inv).toMatchObject({ cold: false, provisioned: true, version: '1' });
  });

  it('when every provisioned environment is busy, requests spill over to on-demand environments', () => {
    const sim = pc(2, { timeoutMs: 60_000, durationMs: { dist: 'constant', value: 10_000 } });
    sim.runUntil(5000);
    for (let i = 0; i < 3; i++) sim.invoke({ function: 'hello:live' });
    sim.runUntil(30_000);
    const invs = sim.recentInvocations();
    expect(invs.filter((i) => i.provisioned)).toHaveLength(2);
    const spill = invs.find((i) => !i.provisioned)!;
    expect(spill.cold).toBe(true);
    expect(spill.coldReason).toEqual({ kind: 'provisioned-busy', provisioned: 2 });
  });

  it('provisioned concurrency counts against the account: its units are held while idle', () => {
    const sim = pc(5);
    sim.runUntil(5000);
    expect(sim.state.counting.accountInUse).toBe(5);
  });

  it('provisioned environments are re-initialized every few hours', () => {
    const sim = pc(1);
    sim.runUntil(5000);
    const first = [...sim.state.environments.keys()];
    sim.runUntil(4 * 3_600_000 + 60_000);
    const later = [...sim.state.environments.values()].filter((e) => e.provisioned && e.state === 'Idle').map((e) => e.id);
    expect(later).toHaveLength(1);
    expect(later[0]).not.toBe(first[0]);
  });

  it('provisioned concurrency is refused on $LATEST', () => {
    const sim = simulate({ controlPlane: [{ atMs: 0, action: 'PutProvisionedConcurrencyConfig', function: 'hello', qualifier: '$LATEST', provisionedConcurrentExecutions: 2 }] });
    sim.runUntil(1);
    expect(sim.state.controlPlaneResults[0].message).toMatch(/not supported on \$LATEST/);
  });
});

describe('SnapStart', () => {
  it('a new environment of a SnapStart version restores the snapshot instead of running Init', () => {
    const sim = simulate({ controlPlane: [{ atMs: 0, action: 'PublishVersion', function: 'hello' }] }, { runtime: 'java21', snapStart: true, initMs: { dist: 'constant', value: 4000 } });
    invokeAt(sim, 5000, { function: 'hello:1' }); // still optimizing (snapshot being taken)
    invokeAt(sim, 20_000, { function: 'hello:1' });
    sim.runUntil(30_000);
    const [early, inv] = sim.recentInvocations().sort((a, b) => a.id - b.id);
    expect(early.statusCode).toBe(409);
    expect(inv.restored).toBe(true);
    expect(Number.isNaN(inv.functionInitEndMs)).toBe(true);
    expect(inv.restoreEndMs - inv.codeReadyMs).toBeGreaterThan(300);
    expect(inv.restoreEndMs - inv.codeReadyMs).toBeLessThan(1200); // not the 4 s Init
  });
});
