import { describe, expect, it } from 'vitest';
import type { InvocationView } from '../../core/index';
import { phasesOf } from './phases';

/** A request received at t = 1000 ms, every later moment unknown (NaN) unless given. */
function inv(fields: Partial<InvocationView>): InvocationView {
  const never = NaN;
  return {
    id: 1, fnName: 'hello', functionName: 'hello', mode: 'RequestResponse', state: 'Received', cold: false, provisioned: false, restored: false,
    responseOverheadMs: 0, queuedSinceMs: never, receivedMs: 1000, countedMs: never, assignedMs: never, placedMs: never, microvmReadyMs: never,
    codeReadyMs: never, extensionInitEndMs: never, runtimeInitEndMs: never, functionInitEndMs: never, restoreEndMs: never, invokeStartMs: never,
    invokeEndMs: never, respondedMs: never, ...fields,
  } as InvocationView;
}
const keys = (p: { key: string }[]) => p.map((x) => x.key);

describe('the timeline draws only the phases a request reached', () => {
  it('a throttled request (429 at Counting) shows Frontend + Counting and its response, no Assignment', () => {
    const t = inv({ state: 'Throttled', throttleReason: 'ConcurrentInvocationLimitExceeded', countedMs: 1001, assignedMs: 1001.5, respondedMs: 1003, responseOverheadMs: 2, statusCode: 429 });
    const p = phasesOf(t, 5000);
    expect(keys(p)).toEqual(['frontend', 'response']);
    expect(p[1]).toEqual({ key: 'response', from: 1, to: 3 });
  });

  it('a warm request: Frontend, Assignment, the hop to the worker, Invoke, Response', () => {
    const w = inv({ state: 'Succeeded', countedMs: 1001, assignedMs: 1002, invokeStartMs: 1003, invokeEndMs: 1083, respondedMs: 1084 });
    expect(keys(phasesOf(w, 5000))).toEqual(['frontend', 'assignment', 'queue', 'invoke', 'response']);
  });

  it('a cold request still in runtime init shows nothing after runtime init, and that phase runs to now', () => {
    const c = inv({ state: 'WaitingForInit', cold: true, countedMs: 1001, assignedMs: 1002, placedMs: 1010, microvmReadyMs: 1010, codeReadyMs: 1020, extensionInitEndMs: 1050 });
    const p = phasesOf(c, 1100);
    expect(keys(p)).toEqual(['frontend', 'assignment', 'placement', 'microvm', 'code', 'extension', 'runtime']);
    expect(p.at(-1)).toEqual({ key: 'runtime', from: 50, to: 100 });
  });

  it('a phase that started and never ended (Init failed) lasts until the next thing that happened', () => {
    const f = inv({ state: 'Succeeded', cold: true, countedMs: 1001, assignedMs: 1002, placedMs: 1010, microvmReadyMs: 1010, codeReadyMs: 1020, extensionInitEndMs: 1050, runtimeInitEndMs: 1150, invokeStartMs: 1400, invokeEndMs: 1480, respondedMs: 1481 });
    const p = phasesOf(f, 5000);
    expect(p.find((x) => x.key === 'function')).toEqual({ key: 'function', from: 150, to: 400 });
    expect(keys(p).slice(-2)).toEqual(['invoke', 'response']);
  });

  it('nothing is drawn beyond now', () => {
    const w = inv({ state: 'Invoking', countedMs: 1001, assignedMs: 1002, invokeStartMs: 1003 });
    expect(Math.max(...phasesOf(w, 1040).map((x) => x.to))).toBe(40);
  });
});
