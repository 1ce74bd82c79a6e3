import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';

const long = { durationMs: { dist: 'constant', value: 600_000 }, timeoutMs: 900_000 };
const HOUR = 3_600_000;

describe('Placement and the worker fleet', () => {
  it('placement keeps a function\'s environments on few workers (sticky), spreading past the per-worker limit', () => {
    const sim = simulate({ fleet: { workers: 4 }, platform: { placementPerWorkerLimit: 3 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 8, atMs: 0 } }] }, long);
    sim.runUntil(1000);
    // Workers by id: 1 has the most lease left, 4 the least (staggered leases).
    expect([...sim.state.workers.values()].map((w) => w.environments)).toEqual([3, 3, 2, 0]);
  });

  it('placement prefers workers with more lease left: a new environment never goes to the next worker to drain', () => {
    const sim = simulate({ fleet: { workers: 4 } }, long);
    invokeAt(sim, 0);
    sim.runUntil(1000);
    const env = [...sim.state.environments.values()][0];
    const leases = [...sim.state.workers.values()].map((w) => w.leaseEndMs);
    expect(sim.state.workers.get(env.worker)!.leaseEndMs).toBe(Math.max(...leases));
  });

  it('a sticky worker whose pre-booted pool is empty is passed over for one with a microVM ready', () => {
    const sim = simulate({ fleet: { workers: 2, prebootedPoolSize: 2 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 3, atMs: 0 } }] }, long);
    sim.runUntil(1000);
    const inv = [...sim.state.inflight.values()];
    expect(inv.every((i) => i.microvmReadyMs === i.placedMs)).toBe(true); // none waited for a boot
    expect([...sim.state.workers.values()].map((w) => w.environments)).toEqual([2, 1]);
  });

  it('in the default cell a burst that Counting admits starts from pre-booted microVMs: boot capacity is not the bottleneck', () => {
    const sim = simulate({ workload: [{ function: 'hello', arrival: { process: 'burst', count: 1000, atMs: 0 } }] }, { ...long, initMs: { dist: 'constant', value: 100 } });
    sim.runUntil(2000);
    const inv = [...sim.state.inflight.values()];
    expect(inv).toHaveLength(1000);
    expect(inv.filter((i) => i.microvmReadyMs > i.placedMs)).toHaveLength(0);
    expect(Math.max(...inv.map((i) => i.invokeStartMs - i.receivedMs))).toBeLessThan(200);
  });

  it('boot capacity stays a limit: in a cell of 4 workers the same burst waits for microVM creations (150/s per worker)', () => {
    const sim = simulate({ fleet: { workers: 4 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 1000, atMs: 0 } }] }, { ...long, initMs: { dist: 'constant', value: 100 } });
    sim.runUntil(5000);
    const inv = [...sim.state.inflight.values()];
    const waited = inv.filter((i) => i.microvmReadyMs > i.placedMs);
    expect(waited.length).toBe(1000 - 4 * 8);
    expect(Math.max(...inv.map((i) => i.microvmReadyMs - i.placedMs))).toBeGreaterThan(1000); // ~968 creations over 4 × 150/s
  });

  it('when no worker has memory left, the fleet grows by one worker', () => {
    // 10,240 MB workers hold five 2,048 MB environments each (no VMM overhead here).
    const sim = simulate({ fleet: { workers: 1, workerMemoryMb: 10_240 }, platform: { vmmOverheadMb: 0 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 6, atMs: 0 } }] }, { ...long, memoryMb: 2048 });
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

  it('initial workers have staggered leases, so they do not all drain at once, and none starts out draining', () => {
    const sim = simulate({ fleet: { workers: 4 } });
    const drain = 600_000;
    expect([...sim.state.workers.values()].map((w) => (w.leaseEndMs - drain) / (14 * HOUR - drain))).toEqual([1, 0.75, 0.5, 0.25]);
  });

 it('a worker reaching its lease end is replaced before its idle environments are retired', () => {
    const keep = { durationMs: { dist: 'constant', value: 1000 }, keepAliveMs: { dist: 'constant', value: HOUR } };
    const sim = simulate({ fleet: { workers: 1, leaseMs: 4 * HOUR }, durationMs: 5 * HOUR }, keep);
    const drainAt = 4 * HOUR - 600_000;
    invokeAt(sim, drainAt - 60_000);
    sim.runUntil(drainAt - 1);
    const old = sim.state.environments.get(1)!;
    expect(old.state).toBe('Idle');
    const deadline = old.keepAliveDeadlineMs;
    sim.runUntil(drainAt);
    // A replacement initializes on the new worker (proactive Init); the old one still serves.
    const repl = sim.state.environments.get(2)!;
    expect(repl.proactive).toBe(true);
    expect(repl.replaces).toBe(1);
    expect(repl.worker).not.toBe(old.worker);
    expect(old.state).toBe('Idle');
    expect(sim.state.metrics.proactive).toBe(1);
    // Ready: it takes over with the old one's idle clock, and only then the old one retires.
    sim.runUntil(drainAt + 2000);
    expect(repl.state).toBe('Idle');
    expect(repl.keepAliveDeadlineMs).toBe(deadline);
    expect(sim.state.environments.get(1)?.state ?? 'Terminated').not.toBe('Idle');
    // The next request is warm, and no cold start is blamed on the lease.
    invokeAt(sim, drainAt + 10_000);
    sim.runUntil(drainAt + 20_000);
    const last = sim.recentInvocations().at(-1)!;
    expect(last.cold).toBe(false);
    expect(last.env).toBe(repl.id);
  });

  it('an idle environment is recycled after a few hours, make-before-break, even when invoked continuously', () => {
    const sim = simulate({ fleet: { workers: 4 }, durationMs: 8 * HOUR, platform: { environmentRecycleMs: { dist: 'constant', value: 2 * HOUR } }, workload: [{ function: 'hello', arrival: { process: 'constant', ratePerSec: 1 } }] }, { durationMs: { dist: 'constant', value: 100 } });
    sim.runUntil(2 * HOUR + 60_000);
    expect(sim.state.metrics.recycled).toBeGreaterThanOrEqual(1);
    expect(sim.state.metrics.proactiveForRecycle).toBeGreaterThanOrEqual(1);
    expect(sim.state.environments.has(1)).toBe(false); // the first environment is gone
    expect(sim.state.metrics.coldStarts).toBe(1); // and no request paid for it
  });

  it('without proactive replacement, near the end of its lease a worker drains: idle environments shut down, busy ones finish, a replacement joins', () => {
    const sim = simulate({ fleet: { workers: 1, leaseMs: 4 * HOUR }, platform: { proactiveReplacement: false }, durationMs: 5 * HOUR }, { durationMs: { dist: 'constant', value: 300_000 }, timeoutMs: 900_000, keepAliveMs: { dist: 'constant', value: HOUR } });
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
