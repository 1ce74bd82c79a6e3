import { describe, expect, it } from 'vitest';
import { summarize } from '../core/index';
import { scenario } from '../core/testing/scenarios';
import { Session } from './session';

const fingerprint = (s: Session) => ({ ...summarize(s.sim), wallMs: 0, events: s.sim.eventsProcessed });

describe('inputs made between events replay exactly (found by the fuzzer)', () => {
  it('stepping forward after a step back applies an input made after the last event before the next event runs', () => {
    const straight = new Session(scenario(), true);
    straight.runTo(1000);
    straight.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 });
    for (let i = 0; i < 3; i++) straight.step();

    const travelled = new Session(scenario(), true);
    travelled.runTo(1000);
    travelled.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 });
    travelled.step();
    travelled.stepBack();
    for (let i = 0; i < 3; i++) travelled.step();
    expect(fingerprint(travelled)).toEqual(fingerprint(straight));
    expect(travelled.sim.state.nextInvocationId - 1).toBe(1); // the invoke was not lost
  });

  it('a step back from the start of a run keeps the clock where the input was made', () => {
    const s = new Session(scenario(), true);
    s.apply({ kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 });
    s.runTo(0);
    const at = fingerprint(s);
    s.stepBack();
    while (s.sim.eventsProcessed < at.events) s.step();
    expect(s.sim.nowMs).toBe(0);
    expect(fingerprint(s)).toEqual(at);
  });
});
