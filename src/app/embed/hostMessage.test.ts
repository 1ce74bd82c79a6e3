import { describe, expect, it } from 'vitest';
import { isForUs, parseHostMessage } from './hostMessage';

describe('messages a host page posts to an embedded view (CONTRACTS.md §5)', () => {
  it('accepts each action in the contract’s shape', () => {
    expect(parseHostMessage({ lambdascope: 1, action: 'play' })).toEqual({ ok: true, message: { action: 'play' } });
    expect(parseHostMessage({ lambdascope: 1, action: 'seek', timeMs: 1500 })).toEqual({ ok: true, message: { action: 'seek', timeMs: 1500 } });
    expect(parseHostMessage({ lambdascope: 1, action: 'load', scenario: 'faults', id: 7 })).toEqual({ ok: true, message: { action: 'load', scenario: 'faults', id: 7 } });
    for (const action of ['pause', 'step', 'next', 'previous']) expect(parseHostMessage({ lambdascope: 1, action }).ok).toBe(true);
  });

  it('refuses a bad message with an error naming the field and the rule', () => {
    const error = (m: unknown) => { const r = parseHostMessage(m); return r.ok ? 'accepted' : r.error; };
    expect(error('play')).toBe('message must be an object { lambdascope: 1, action, … }');
    expect(error({ lambdascope: '1', action: 'play' })).toBe('lambdascope must be 1 (the message version); got "1"');
    expect(error({ lambdascope: 1 })).toBe('action must be one of play, pause, step, next, previous, seek, load; got nothing');
    expect(error({ lambdascope: 1, action: 'seek', timeMs: Infinity })).toMatch(/^seek needs timeMs: a finite number of virtual ms, at least 0; got null/);
    expect(error({ lambdascope: 1, action: 'seek', timeMs: 1e15 })).toMatch(/timeMs must be at most 604800000/);
    expect(error({ lambdascope: 1, action: 'load', scenario: ' ' })).toMatch(/^load needs scenario/);
    expect(error({ lambdascope: 1, action: 'load', scenario: [1] })).toMatch(/^load needs scenario/);
    expect(error({ lambdascope: 1, action: 'pause', scenario: 'x' })).toBe('scenario is only for action "load"');
    expect(error({ lambdascope: 1, action: 'play', Action: 'x', foo: 1 })).toBe('unknown fields "Action", "foo" (known: lambdascope, action, timeMs, scenario, id)');
    expect(error({ lambdascope: 1, action: 'play', id: {} })).toBe('id must be a string or a number; got {}');
  });

  it('ignores messages that are not for it (no lambdascope field), as other libraries post to frames too', () => {
    expect(isForUs({ type: 'webpackOk' })).toBe(false);
    expect(isForUs('hello')).toBe(false);
    expect(isForUs({ lambdascope: 2 })).toBe(true); // ours, and answered with an error
  });
});
