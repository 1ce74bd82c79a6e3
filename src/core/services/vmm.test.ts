import { describe, expect, it } from 'vitest';
import { simulate } from '../testing/scenarios';

const long = { durationMs: { dist: 'constant', value: 600_000 }, timeoutMs: 900_000, memoryMb: 128 };
const burst = (count: number) => [{ function: 'hello', arrival: { process: 'burst', count, atMs: 0 } }];

describe('why Firecracker: a general-purpose VMM on the same fleet', () => {
  it('with a QEMU-like VMM each microVM costs ~140 MB of host memory instead of ~3 MB: half as many 128 MB functions fit on a worker', () => {
    const run = (vmm: string) => {
      const sim = simulate({ fleet: { workers: 1, workerMemoryMb: 10_400, prebootedPoolSize: 100 }, platform: { vmm }, workload: burst(100) }, long);
      sim.runUntil(5_000);
      return [...sim.state.workers.values()].map((w) => w.environments);
    };
    expect(run('firecracker')).toEqual([79, 21]); // 10,400 / (128 + 3)
    expect(run('qemu')).toEqual([38, 38, 24]); // 10,400 / (128 + 140)
  });

  it('and a microVM boot takes ~244 ms instead of ~113 ms, so a burst beyond the pre-booted pools waits longer', () => {
    const wait = (vmm: string) => {
      const sim = simulate({ fleet: { workers: 2, prebootedPoolSize: 0 }, platform: { vmm, microvmBootMs: undefined }, workload: burst(20) }, long);
      sim.runUntil(5_000);
      const inv = [...sim.state.inflight.values()];
      return inv.reduce((a, i) => a + (i.microvmReadyMs - i.placedMs), 0) / inv.length;
    };
    expect(wait('qemu') - wait('firecracker')).toBeGreaterThan(100);
  });
});
