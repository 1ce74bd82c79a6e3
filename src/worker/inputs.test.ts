import { describe, expect, it } from 'vitest';
import { checkRecorded, timeProblem } from './inputs';

/** A recorded run from outside the worker (a link, a restart) is checked before it is replayed. */
describe('recorded inputs from a link', () => {
  const ok = { afterEvents: 10, atMs: 500, input: { kind: 'invoke', function: 'hello', mode: 'Event', count: 3 } };

  it('accepts a well-formed log and names the first problem of a bad one', () => {
    expect(checkRecorded([ok, { ...ok, afterEvents: 12 }])).toBeNull();
    expect(checkRecorded({})).toBe('inputs: must be a list of recorded inputs');
    expect(checkRecorded([ok, { ...ok, afterEvents: 5 }])).toBe('inputs[1]: moments must be in the order they happened');
    expect(checkRecorded([{ ...ok, atMs: 1e12 }])).toBe('inputs[0].atMs: 1000000000000 ms is past the maximum simulated time, 2,592,000,000 ms (30 days)');
    expect(checkRecorded([{ ...ok, input: { kind: 'rm -rf' } }])).toBe('inputs[0].input.kind: must be one of invoke, load, control, fault');
    expect(checkRecorded([{ ...ok, input: { ...ok.input, count: 1e9 } }])).toBe('inputs[0].input.count: must be a whole number from 1 to 100000');
  });

  it('bounds the work a log can ask for', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ ...ok, afterEvents: i, input: { ...ok.input, count: 100_000 } }));
    expect(checkRecorded(many)).toBe('inputs: the recorded invokes add up to more than 1000000 invocations');
  });

  it('refuses times that are not finite, negative, or past the maximum', () => {
    expect(timeProblem(Infinity, 'seek(timeMs)')).toBe('seek(timeMs): must be a finite number of ms, at least 0; got Infinity');
    expect(timeProblem(-1, 't')).toContain('at least 0');
    expect(timeProblem(2_592_000_000, 't')).toBeNull();
    expect(timeProblem(2_592_000_001, 't')).toContain('past the maximum simulated time');
  });
});
