import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

describe('cold and warm starts', () => {
  it('the first request is a cold start: placement, a pooled microVM, code download, then Init before Invoke', () => {
    const sim = simulate({}, { extensions: 1, package: { type: 'zip', sizeMb: 10 } });
    invokeAt(sim, 1000);
    sim.runUntil(10_000);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('Succeeded');
    expect(inv.statusCode).toBe(200);
    expect(inv.cold).toBe(true);
    expect(inv.coldReason).toEqual({ kind: 'first', detail: 'first request to this version' });
    // Overhead 10 ms is split 2.5 / 1 / 3 / 1.5 / 2 across Frontend, Counting, Assignment, hop, response.
    expect(inv.countedMs).toBeCloseTo(1003.5);
    expect(inv.assignedMs).toBeCloseTo(1006.5);
    expect(inv.placedMs).toBeCloseTo(1021.5);               // placement 15 ms
    expect(inv.microvmReadyMs).toBeCloseTo(1021.5);         // from the pre-booted pool: no boot
    expect(inv.codeReadyMs).toBeCloseTo(1021.5 + 25);       // zip: 5 + 2 ms/MB × 10 MB
    expect(inv.extensionInitEndMs).toBeCloseTo(1046.5 + 30);
    // Init total is initMs (200 ms): the Node.js runtime's own bootstrap (0.8 × 139 ms) comes first.
    expect(inv.runtimeInitEndMs).toBeCloseTo(1076.5 + 111.2);
    expect(inv.functionInitEndMs).toBeCloseTo(1076.5 + 200);
    expect(inv.invokeStartMs).toBeCloseTo(inv.functionInitEndMs);
    expect(inv.invokeEndMs - inv.invokeStartMs).toBeCloseTo(100);
    expect(inv.respondedMs).toBeCloseTo(inv.invokeEndMs + 2);
  });

  it('Init runs extension init, then runtime init, then function init', () => {
    const sim = simulate({}, { extensions: 2, initMs: { dist: 'constant', value: 500 } });
    invokeAt(sim, 0);
    sim.runUntil(5000);
    const [inv] = sim.recentInvocations();
    const ext = inv.extensionInitEndMs - inv.codeReadyMs;
    const runtime = inv.runtimeInitEndMs - inv.extensionInitEndMs;
    const fn = inv.functionInitEndMs - inv.runtimeInitEndMs;
    expect(ext).toBeCloseTo(60); // two extensions × 30 ms
    expect(runtime).toBeCloseTo(139 * 0.8); // the Node.js runtime's own bootstrap [INF share of the preset]
    expect(fn).toBeCloseTo(500 - 139 * 0.8);
  });

  it('a second request within the keep-alive reuses the idle environment', () => {
    const sim = simulate();
    invokeAt(sim, 0);
    invokeAt(sim, 5000);
    sim.runUntil(10_000);
    const [first, second] = sim.recentInvocations();
    expect(first.cold).toBe(true);
    expect(second.cold).toBe(false);
    expect(second.env).toBe(first.env);
    expect(second.respondedMs - second.receivedMs).toBeCloseTo(110); // overhead + handler, no Init
    expect(sim.state.metrics.coldStarts).toBe(1);
  });

  it('a request after the keep-alive expired starts cold and names the reclaimed environment', () => {
    const sim = simulate({}, { keepAliveMs: { dist: 'constant', value: 600_000 } });
    invokeAt(sim, 0);
    sim.runUntil(1000);
    const firstEnd = sim.recentInvocations()[0].invokeEndMs;
    invokeAt(sim, 700_000);
    sim.runUntil(710_000);
    const [first, second] = sim.recentInvocations();
    expect(second.cold).toBe(true);
    expect(second.env).not.toBe(first.env);
    expect(second.coldReason).toEqual({
      kind: 'reclaimed', env: first.env, atMs: firstEnd + 600_000, idleSinceMs: firstEnd, cause: 'keep-alive',
    });
  });

  it('the keep-alive restarts with every invocation', () => {
    const sim = simulate({}, { keepAliveMs: { dist: 'constant', value: 60_000 } });
    for (let t = 0; t <= 300_000; t += 50_000) invokeAt(sim, t);
    sim.runUntil(400_000);
    const invs = sim.recentInvocations();
    expect(invs.filter((i) => i.cold)).toHaveLength(1);
    expect(sim.state.environments.size).toBe(0); // reclaimed 60 s after the last one
  });

  it('a request that arrives while the only environment is busy starts a second one', () => {
    const sim = simulate({}, { durationMs: { dist: 'constant', value: 1000 } });
    invokeAt(sim, 0);
    invokeAt(sim, 600); // the first is still initializing/invoking
    sim.runUntil(5000);
    const [a, b] = sim.recentInvocations();
    expect(a.cold && b.cold).toBe(true);
    expect(b.coldReason).toEqual({ kind: 'all-busy', busy: 1, initializing: 0 });
    expect(b.env).not.toBe(a.env);
  });

  it('an empty pre-booted pool makes the cold start wait for a microVM boot', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 0 } });
    invokeAt(sim, 0);
    sim.runUntil(5000);
    const [inv] = sim.recentInvocations();
    expect(inv.microvmReadyMs - inv.placedMs).toBeCloseTo(125); // Firecracker boot after placement
  });
});
