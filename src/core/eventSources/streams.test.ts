import { describe, expect, it } from 'vitest';
import type { Simulation } from '../simulation';
import { summarize } from '../summary';
import { POISON } from './slab';
import { batchInvocations, runChecked, source, withSources } from './testing';

const kinesis = (extra: Record<string, unknown> = {}) => ({
  type: 'kinesis', function: 'hello', name: 'clicks', batchSize: 100, maximumBatchingWindowMs: 1000, producer: { process: 'trace', timesMs: [0] }, ...extra,
});
const esm = (sim: Simulation) => summarize(sim).eventSources[0];

/** Marks the `n`-th record of lane 0 (counting from 0: first its batch's, then the lane's) as poison. */
function poisonRecord(sim: Simulation, n: number): void {
  const src = source(sim), slab = src.slab;
  const batch = sim.state.eventSources.batches.get(src.partLock[0]);
  const order: number[] = [];
  for (const l of [batch?.msgs, src.parts[0]]) if (l) for (let i = l.head; i >= 0; i = slab.next[i]) order.push(i);
  if (n >= order.length) throw new Error(`lane 0 holds only ${order.length} records`);
  slab.info[order[n]] |= POISON;
}

describe('Kinesis and DynamoDB Streams', { timeout: 180_000 }, () => {
  it('Lambda polls an idle Kinesis shard once per second, and a DynamoDB stream shard four times per second', () => {
    const times = Array.from({ length: 40 }, (_, i) => 137 + i * 1731);
    const waits = (type: string) => {
      const sim = withSources([kinesis({ type, batchSize: 10, maximumBatchingWindowMs: 0, producer: { process: 'trace', timesMs: times } })]);
      runChecked(sim, 80_000, 10);
      return batchInvocations(sim).map((inv, k) => inv.receivedMs - times[k]);
    };
    const k = waits('kinesis'), d = waits('dynamodb');
    expect(k).toHaveLength(40);
    expect(Math.max(...k)).toBeLessThan(1000 + 100);
    expect(k.reduce((a, b) => a + b) / k.length).toBeGreaterThan(300); // a record waits for the next poll
    expect(Math.max(...d)).toBeLessThan(250 + 100);
  });

  it('a failing batch blocks its shard until its records expire', () => {
    const sim = withSources([kinesis({ producer: { process: 'trace', timesMs: [0, 1000, 2000] } })]);
    sim.runUntil(0);
    poisonRecord(sim, 0);
    sim.runUntil(23 * 3_600_000);
    expect(esm(sim)).toMatchObject({ deleted: 0, remaining: 3, expired: 0 }); // retried all day; the records behind it wait
    expect(esm(sim).iteratorAgeMs).toBeGreaterThan(22 * 3_600_000);
    runChecked(sim, 24 * 3_600_000 + 5000);
    expect(esm(sim)).toMatchObject({ expired: 1, deleted: 2, remaining: 0, iteratorAgeMs: 0 }); // 24 h retention
  });

  it('bisectBatchOnFunctionError splits a failing batch until the poison record is alone, and the rest is processed', () => {
    const sim = withSources([kinesis({
      producer: { process: 'burst', count: 100, atMs: 0 }, bisectBatchOnFunctionError: true, maximumRetryAttempts: 1,
      destinationConfig: { onFailure: { destination: 'clicks-failures' } },
    })]);
    sim.runUntil(0);
    poisonRecord(sim, 37);
    runChecked(sim, 60_000);
    expect(esm(sim)).toMatchObject({ deleted: 99, toDlq: 1, remaining: 0 });
    const sizes = batchInvocations(sim).map((i) => i.payloadBytes / 1024);
    expect(sizes.slice(0, 3)).toEqual([100, 50, 25]); // 100 fails, its first half (holding #37) fails, …
    expect(Math.min(...sizes)).toBe(1);
    expect(source(sim).orderViolations).toBe(0);
  });

  it('after maximumRetryAttempts the batch goes to the on-failure destination (or is discarded without one)', () => {
    const run = (withDestination: boolean) => {
      const sim = withSources([kinesis({
        producer: { process: 'burst', count: 10, atMs: 0 }, maximumRetryAttempts: 2,
        ...(withDestination ? { destinationConfig: { onFailure: { destination: 'clicks-failures' } } } : {}),
      })]);
      sim.runUntil(0);
      poisonRecord(sim, 0);
      runChecked(sim, 30_000);
      return sim;
    };
    const a = run(true), b = run(false);
    expect(batchInvocations(a)).toHaveLength(3); // the first attempt and two retries
    expect(esm(a)).toMatchObject({ toDlq: 10, discarded: 0, deleted: 0, remaining: 0 });
    expect(esm(b)).toMatchObject({ toDlq: 0, discarded: 10, deleted: 0, remaining: 0 });
  });

  it('records older than maximumRecordAgeMs are skipped to the on-failure destination', () => {
    const sim = withSources([kinesis({
      producer: { process: 'constant', ratePerSec: 2 }, maximumRecordAgeMs: 60_000, destinationConfig: { onFailure: { destination: 'clicks-failures' } },
    })]);
    sim.runUntil(0);
    poisonRecord(sim, 0);
    runChecked(sim, 59_000, 20);
    expect(esm(sim).deleted).toBe(0); // blocked
    runChecked(sim, 70_000, 20);
    expect(esm(sim).toDlq).toBeGreaterThan(0);
    expect(esm(sim).deleted).toBeGreaterThan(100);
    expect(esm(sim).iteratorAgeMs).toBeLessThan(5000);
  });

  it('parallelizationFactor processes up to N batches per shard at once, keeping each partition key in order', () => {
    const sim = withSources([kinesis({
      batchSize: 10, maximumBatchingWindowMs: 0, parallelizationFactor: 5, stream: { shards: 2 },
      producer: { process: 'poisson', ratePerSec: 400, partitionKeys: 200, poisonRate: 0.001 }, maximumRetryAttempts: 3,
    })], { durationMs: { dist: 'constant', value: 150 } });
    runChecked(sim, 30_000, 5);
    expect(source(sim).peakConcurrency).toBe(10);
    expect(source(sim).orderViolations).toBe(0);
    const e = esm(sim);
    expect(e.deleted).toBeGreaterThan(8000);
  });

  it('with partial batch responses Lambda checkpoints before the failed record and retries from it', () => {
    const sim = withSources([kinesis({
      batchSize: 10, maximumBatchingWindowMs: 0, producer: { process: 'burst', count: 10, atMs: 0 }, functionResponseTypes: ['ReportBatchItemFailures'],
      maximumRetryAttempts: 1, destinationConfig: { onFailure: { destination: 'clicks-failures' } },
    })]);
    sim.runUntil(0);
    poisonRecord(sim, 3);
    runChecked(sim, 10_000);
    expect(batchInvocations(sim).map((i) => i.payloadBytes / 1024)).toEqual([10, 7]);
    expect(esm(sim)).toMatchObject({ deleted: 3, toDlq: 7, partialFailures: 2 });
  });
});
