import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

const long = { durationMs: { dist: 'constant', value: 600_000 }, timeoutMs: 900_000 };
const HOUR = 3_600_000;

describe('Placement and the worker fleet', () => {
  it('placement spreads one function\'s environments across workers', () => {
    const sim = simulate({ fleet: { workers: 4 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 8, atMs: 0 } }] }, long);
    sim.runUntil(1000);
    expect([...sim.state.workers.values()].map((w) => w.environments)).toEqual([2, 2, 2, 2]);
  });

  it('when no worker has memory left, the fleet grows by one worker', () => {
    // 10,240 MB workers hold five 2,048 MB environments each.
    const sim = simulate({ fleet: { workers: 1, workerMemoryMb: 10_240 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 6, atMs: 0 } }] }, { ...long, memoryMb: 2048 });
    sim.runUntil(1000);
    expect([...sim.state.workers.values()].map((w) => w.usedMb)).toEqual([10_240, 2048]);
  });

  it('the MicroManager refills its pre-booted pool after a microVM is taken', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 2 } }, long);
    invokeAt(sim, 0);
    sim.runUntil(10);
    const w = [...sim.state.workers.values()][0];
    expect(w.pool).toBe(1);
    expect(w.booting).toBe(1);
    sim.runUntil(200); // a Firecracker boot takes ~125 ms
    expect(w.pool).toBe(2);
  });

  it('a burst larger than the pool waits for boots, at most 150 microVM creations per second per worker', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 0 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 150, atMs: 0 } }] }, long);
    sim.runUntil(5000);
    const ready = [...sim.state.inflight.values()].map((i) => i.microvmReadyMs - i.placedMs).sort((a, b) => a - b);
    expect(ready[0]).toBeCloseTo(125);
    expect(ready[149]).toBeCloseTo(125 + (149 * 1000) / 150); // creations serialized 6.67 ms apart
  });

  it('initial workers have staggered leases, so they do not all drain at once', () => {
    const sim = simulate({ fleet: { workers: 4 } });
    expect([...sim.state.workers.values()].map((w) => w.leaseEndMs / HOUR)).toEqual([14, 10.5, 7, 3.5]);
  });

  it('near the end of its lease a worker drains: idle environments shut down, busy ones finish, a replacement joins', () => {
    const sim = simulate({ fleet: { workers: 1, leaseMs: 4 * HOUR }, durationMs: 5 * HOUR }, { durationMs: { dist: 'constant', value: 300_000 }, timeoutMs: 900_000, keepAliveMs: { dist: 'constant', value: HOUR } });
    const drainAt = 4 * HOUR - 600_000; // drains 10 min before the lease ends [INF]
    invokeAt(sim, drainAt - 500_000); // env-1: runs 300 s, idle from ~drainAt − 200 s
    invokeAt(sim, drainAt - 250_000); // env-1 is busy, so env-2: busy until ~drainAt + 50 s
    sim.runUntil(drainAt - 1);
    expect([...sim.state.environments.values()].map((e) => e.state)).toEqual(['Idle', 'Invoking']);
    const old = [...sim.state.workers.values()][0];
    expect(old.state).toBe('Active');
    sim.runUntil(drainAt);
    expect(old.state).toBe('Draining');
    expect(sim.state.workers.size).toBe(2); // the replacement joined
    // The idle environment shuts down gracefully; the busy one keeps running.
    expect(sim.state.environments.get(1)!.state).toBe('ShuttingDown');
    expect(sim.state.environments.get(2)!.state).toBe('Invoking');
    expect(sim.state.environments.get(2)!.retiring).toBe(true);
    // New requests are placed on the replacement, never on the draining worker.
    invokeAt(sim, drainAt + 1000);
    sim.runUntil(drainAt + 2000);
    const newest = [...sim.state.environments.values()].at(-1)!;
    expect(newest.worker).not.toBe(old.id);
    // When the last busy environment finishes, it shuts down instead of going idle; the worker terminates.
    sim.runUntil(drainAt + 400_000);
    expect(sim.state.workers.has(old.id)).toBe(false);
    expect([...sim.state.environments.values()].every((e) => e.worker !== old.id)).toBe(true);
    expect(sim.state.metrics.serviceErrors).toBe(0);
  });

  it('an environment still running when the lease ends is lost with its worker: its request gets a service error', () => {
    const sim = simulate({ fleet: { workers: 1, leaseMs: 4 * HOUR }, durationMs: 5 * HOUR }, { durationMs: { dist: 'constant', value: 800_000 }, timeoutMs: 900_000 });
    invokeAt(sim, 4 * HOUR - 700_000);
    sim.runUntil(4 * HOUR + 1);
    const [inv] = sim.recentInvocations();
    expect(inv.state).toBe('ServiceError');
    expect(inv.statusCode).toBe(500);
  });
});
