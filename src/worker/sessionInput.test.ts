import { describe, expect, it } from 'vitest';
import { scenario } from '../core/testing/scenarios';
import { Session } from './session';

/** Run-time input validation as the page's Session applies it (moved from the core's tests: the core never imports the worker). */
describe('the Session and invalid live inputs', () => {
  it('the page’s Session refuses an invalid input before recording it: no fork, no replay', () => {
    const s = new Session(scenario(), true);
    s.runTo(1000);
    s.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 });
    s.runTo(5000);
    s.seek(500);
    expect(() => s.apply({ kind: 'fault', fault: { type: 'slow-pollers', fromMs: 0, toMs: 10, factor: 0 } })).toThrow('fault.factor: must be a number from 1 to 10000');
    s.seek(5000);
    expect(s.sim.state.nextInvocationId - 1).toBe(1); // the invoke after 1 s was kept
  });
});
