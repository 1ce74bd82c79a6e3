import { describe, expect, it } from 'vitest';
import { invokeAt, lastInvocation, simulate } from '../testing/scenarios';
import { cpuSlowdown } from './cpuShare';

const handler = (sim: ReturnType<typeof simulate>) => { const i = lastInvocation(sim); return i.invokeEndMs - i.invokeStartMs; };

describe('CPU share from memory (1,769 MB = one vCPU)', () => {
  it('at 1,769 MB a function has one vCPU: its handler takes the time written', () => {
    const sim = simulate({}, { memoryMb: 1769, cpuBoundFraction: 1, durationMs: { dist: 'constant', value: 100 } });
    invokeAt(sim, 0);
    sim.runUntil(5000);
    expect(handler(sim)).toBeCloseTo(100);
  });

  it('below one vCPU the CPU-bound part of the handler takes 1,769 / memoryMb times longer; the waiting part does not', () => {
    expect(cpuSlowdown({ memoryMb: 128, cpuBoundFraction: 1 })).toBeCloseTo(1769 / 128);
    const sim = simulate({}, { memoryMb: 128, cpuBoundFraction: 0.5, durationMs: { dist: 'constant', value: 100 }, timeoutMs: 5000 });
    invokeAt(sim, 0);
    sim.runUntil(5000);
    expect(handler(sim)).toBeCloseTo(50 + 50 * (1769 / 128)); // 741 ms
  });

  it('above one vCPU single-threaded work runs no faster', () => {
    expect(cpuSlowdown({ memoryMb: 10_240, cpuBoundFraction: 1 })).toBe(1);
    expect(cpuSlowdown({ memoryMb: 3008, cpuBoundFraction: 0.3 })).toBe(1);
  });

  it("the function's own Init code scales with memory; the runtime's bootstrap does not", () => {
    const init = (memoryMb: number) => {
      const sim = simulate({}, { memoryMb, cpuBoundFraction: 1, initMs: { dist: 'constant', value: 1000 }, runtime: 'nodejs20.x' });
      invokeAt(sim, 0);
      sim.runUntil(30_000);
      const i = lastInvocation(sim);
      return { runtime: i.runtimeInitEndMs - i.extensionInitEndMs, fnInit: i.functionInitEndMs - i.runtimeInitEndMs };
    };
    const small = init(885), full = init(1769);
    expect(small.runtime).toBeCloseTo(full.runtime); // 80 % of the 139 ms preset, either way
    expect(small.fnInit / full.fnInit).toBeCloseTo(1769 / 885, 2);
  });

  it('the default: a quarter of the handler time is CPU-bound, so a 128 MB function runs its handler ~4.2× longer than at one vCPU', () => {
    const sim = simulate({}, { memoryMb: 128, cpuBoundFraction: undefined, durationMs: { dist: 'constant', value: 100 }, timeoutMs: 5000 });
    invokeAt(sim, 0);
    sim.runUntil(5000);
    expect(handler(sim)).toBeCloseTo(100 * (0.75 + 0.25 * 1769 / 128));
  });

  it('arm64 starts from lambda-perf\'s arm64 Init presets (Node.js 20: p50 132 ms against 139 ms on x86_64)', () => {
    const median = (architecture: string) => {
      const sim = simulate({}, { architecture, initMs: undefined, runtime: 'nodejs20.x' });
      return sim.state.versions[0].sample.initMs.a;
    };
    expect(Math.exp(median('arm64'))).toBeCloseTo(132);
    expect(Math.exp(median('x86_64'))).toBeCloseTo(139);
  });
});
