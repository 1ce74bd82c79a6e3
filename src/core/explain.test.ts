import { describe, expect, it } from 'vitest';
import { explainInvocation } from './explain';
import { invokeAt, simulate } from './testing/scenarios';

describe('why was this request cold', () => {
  it('a microVM from the pre-booted pool puts no boot on the request’s path', () => {
    const sim = simulate();
    invokeAt(sim, 1000);
    sim.runUntil(5000);
    const text = explainInvocation(sim.recentInvocations()[0]).join('\n');
    expect(text).toContain('Cold: first request to this version.');
    expect(text).toContain('came at once from the worker’s pool of pre-booted Firecracker microVMs');
  });

  it('with the pool empty it tells waiting for microVM capacity apart from the boot itself', () => {
    const sim = simulate({ fleet: { workers: 1, prebootedPoolSize: 0 }, workload: [{ function: 'hello', arrival: { process: 'burst', count: 3, atMs: 0 } }] });
    sim.runUntil(5000);
    const [first, , third] = sim.recentInvocations();
    expect(explainInvocation(first).join('\n')).toContain('needed no wait for microVM capacity, but waited 125.0 ms for the microVM to boot');
    // Two creations were ahead of it on worker-1 (150 per second: 6.67 ms apart).
    expect(explainInvocation(third).join('\n')).toContain('waited 13.3 ms for microVM capacity (a creation slot on worker-1');
    expect(explainInvocation(third).join('\n')).toContain('then waited 125.0 ms for the microVM to boot');
  });
});
