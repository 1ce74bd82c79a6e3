import { describe, expect, it } from 'vitest';
import type { Simulation } from '../simulation';
import { summarize } from '../summary';
import { POISON } from './slab';
import { runChecked, source, withSources } from './testing';

const fifo = (producer: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'sqs-fifo', function: 'hello', name: 'orders.fifo', batchSize: 10, producer,
  queue: { visibilityTimeoutMs: 5000, redrivePolicy: { maxReceiveCount: 2 } }, ...extra,
});

/** Every batch being invoked carries, for each group, the group's oldest unfinished messages in sequence. */
function deliveredInOrder(sim: Simulation): string[] {
  const src = source(sim), slab = src.slab, bad: string[] = [];
  for (const b of sim.state.eventSources.batches.values()) {
    if (b.state !== 'invoking') continue;
    let prevGroup = -1, expected = 0;
    for (let i = b.msgs.head; i >= 0; i = slab.next[i]) {
      const g = slab.part[i];
      if (g !== prevGroup) { expected = src.partDone[g] + 1; prevGroup = g; }
      if (slab.seq[i] !== expected) bad.push(`batch ${b.id}: group ${g} got #${slab.seq[i]} before #${expected}`);
      expected++;
    }
  }
  return bad;
}

describe('SQS FIFO queues', { timeout: 120_000 }, () => {
  it("a FIFO group's messages are processed in order, failures and redrives included", () => {
    const sim = withSources([fifo({ process: 'poisson', ratePerSec: 80, messageGroups: 6, hotKeyShare: 0.5, poisonRate: 0.005 })], { errorRate: 0.02 });
    for (let t = 0; t < 60_000; ) {
      runChecked(sim, (t += 250));
      expect(deliveredInOrder(sim)).toEqual([]);
    }
    const e = summarize(sim).eventSources[0];
    expect(e.deleted).toBeGreaterThan(1000);
    expect(e.toDlq).toBeGreaterThan(0);
    expect(source(sim).orderViolations).toBe(0);
  });

  it('a failure blocks its group until the messages reappear or move to the DLQ, while the other groups go on', () => {
    const sim = withSources([fifo({ process: 'constant', ratePerSec: 20, messageGroups: 2 })]);
    sim.runUntil(0);
    const src = source(sim);
    src.slab.info[src.parts[0].head] |= POISON; // the first message of group 0 can never be processed
    runChecked(sim, 9000);
    expect(src.partDone[0]).toBe(0); // group 0 waits behind its poison message (received at 0 s and 5 s)
    expect(src.partDone[1]).toBeGreaterThan(80);
    runChecked(sim, 12_000);
    expect(summarize(sim).eventSources[0].toDlq).toBe(1); // after maxReceiveCount (2) receives it left for the DLQ
    expect(src.partDone[0]).toBeGreaterThan(50); // and the group moved on, in order
    expect(src.orderViolations).toBe(0);
  });

  it('FIFO concurrency is bounded by the number of active message groups', () => {
    const sim = withSources([fifo({ process: 'burst', count: 3000, atMs: 0, messageGroups: 3 })], { durationMs: { dist: 'constant', value: 1000 } });
    runChecked(sim, 30_000, 20);
    expect(source(sim).peakConcurrency).toBe(3);
  });

  it('a FIFO queue takes no batching window and at most 10 messages per batch', async () => {
    const { parseScenario } = await import('../scenario/parseScenario');
    const r = parseScenario({ seed: 1, functions: [{ name: 'hello' }], eventSources: [fifo({ process: 'constant', ratePerSec: 1 }, { batchSize: 11, maximumBatchingWindowMs: 1000 })] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'eventSources[0].batchSize: must be an integer from 1 to 10',
      'eventSources[0].maximumBatchingWindowMs: must be 0: a batching window is not supported for FIFO queues',
    ]);
  });
});
