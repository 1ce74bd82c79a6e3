import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { batchInvocations, runChecked, withSources } from './testing';

/** A function that sends one message to the queue it reads from, for each message it processes. */
const loop = (extra: Record<string, unknown> = {}) => ({
  type: 'sqs', function: 'hello', name: 'orders', sendsToSource: 1, producer: { process: 'trace', timesMs: [0] },
  queue: { visibilityTimeoutMs: 10_000, redrivePolicy: { maxReceiveCount: 1 } }, ...extra,
});

describe('recursive loop detection (SQS → Lambda → SQS)', { timeout: 60_000 }, () => {
  it('recursion is stopped after about 16 calls in the chain, and the message goes to the DLQ', () => {
    const sim = withSources([loop()]);
    runChecked(sim, 60_000);
    expect(batchInvocations(sim)).toHaveLength(16);
    expect(summarize(sim).eventSources[0]).toMatchObject({ received: 17, deleted: 16, recursionStopped: 1, toDlq: 1, remaining: 0 });
    expect(sim.state.log.count).toBeGreaterThan(0);
  });

  it('with RecursiveLoop Allow the loop goes on', () => {
    const sim = withSources([loop()], { recursiveLoop: 'Allow' });
    runChecked(sim, 20_000, 10);
    expect(batchInvocations(sim).length).toBeGreaterThan(40);
    expect(summarize(sim).eventSources[0].recursionStopped).toBe(0);
  });

  it('PutFunctionRecursionConfig switches detection at run time', () => {
    const sim = withSources([loop()], {}, { controlPlane: [{ atMs: 0, action: 'PutFunctionRecursionConfig', function: 'hello', recursiveLoop: 'Allow' }] });
    runChecked(sim, 20_000, 10);
    expect(batchInvocations(sim).length).toBeGreaterThan(40);
    expect(sim.state.controlPlaneResults.at(-1)).toMatchObject({ ok: true, message: 'RecursiveLoop: Allow' });
  });
});
