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

describe('why cold, told as far as the moment shown', () => {
  it('tells no more than has happened by then', () => {
    const sim = simulate({}, { extensions: 1 });
    invokeAt(sim, 1000);
    sim.runUntil(5000);
    const inv = sim.recentInvocations()[0];
    const at = (ms: number) => explainInvocation(inv, ms).join('\n');
    expect(at(1001)).toContain('on its way to Counting');
    expect(at(1001)).not.toContain('Cold');
    expect(at(1005)).toContain('Assignment is looking for an idle environment');
    expect(at(1010)).toContain('Placement is choosing a worker');
    expect(at(inv.codeReadyMs + 1)).toContain('Init is running: now extension init');
    expect(at(inv.codeReadyMs + 1)).not.toContain('Invoke:');
    expect(at(inv.invokeStartMs + 1)).toContain('the handler is running');
    expect(at(inv.invokeStartMs + 1)).not.toContain('Response at t=');
    expect(at(Infinity)).toBe(explainInvocation(inv).join('\n'));
    expect(at(Infinity)).toContain('Response at t=');
  });
});
