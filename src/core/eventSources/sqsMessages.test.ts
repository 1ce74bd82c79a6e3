import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { snapshot } from '../snapshot';
import { POISON } from './slab';
import { batchInvocations, runChecked, source, withSources } from './testing';

const queue = (extra: Record<string, unknown> = {}) => ({
  type: 'sqs', function: 'hello', name: 'orders', producer: { process: 'trace', timesMs: [0] }, ...extra,
});
const esm = (sim: ReturnType<typeof withSources>) => summarize(sim).eventSources[0];

describe('SQS messages through an event source mapping', { timeout: 120_000 }, () => {
  it("a failed batch's messages reappear after the visibility timeout and are received again", () => {
    const sim = withSources([queue({ queue: { visibilityTimeoutMs: 30_000 } })], { errorRate: 1 });
    runChecked(sim, 100_000);
    const [a, b, c] = batchInvocations(sim);
    expect(b.receivedMs - a.receivedMs).toBeGreaterThan(30_000 - 1);
    expect(b.receivedMs - a.receivedMs).toBeLessThan(30_000 + 200);
    expect(c.receivedMs - b.receivedMs).toBeGreaterThan(30_000 - 200);
    expect(esm(sim).retried).toBeGreaterThanOrEqual(3);
  });

  it("a poison message goes to the queue's DLQ after maxReceiveCount receives", () => {
    const sim = withSources([queue({ producer: { process: 'trace', timesMs: [0], poisonRate: 1 }, queue: { visibilityTimeoutMs: 30_000, redrivePolicy: { maxReceiveCount: 3 } } })]);
    runChecked(sim, 200_000);
    expect(batchInvocations(sim)).toHaveLength(3);
    expect(batchInvocations(sim).every((i) => i.state === 'FunctionError')).toBe(true);
    expect(esm(sim)).toMatchObject({ received: 1, toDlq: 1, deleted: 0, remaining: 0, retried: 2 });
  });

  it('without a redrive policy a poison message is received again and again until the retention period ends', () => {
    const sim = withSources([queue({ producer: { process: 'trace', timesMs: [0], poisonRate: 1 }, queue: { visibilityTimeoutMs: 10_000, messageRetentionPeriodMs: 60_000 } })]);
    runChecked(sim, 120_000);
    expect(batchInvocations(sim).length).toBe(6); // at 0, 10, 20, 30, 40, 50 s
    expect(esm(sim)).toMatchObject({ expired: 1, toDlq: 0, remaining: 0 });
  });

  it('partial batch responses delete only the successful messages', () => {
    const burst = { process: 'burst', count: 10, atMs: 0, poisonRate: 0.3 };
    const partial = withSources([queue({ batchSize: 10, producer: burst, functionResponseTypes: ['ReportBatchItemFailures'] })]);
    const whole = withSources([queue({ batchSize: 10, producer: burst })]);
    partial.runUntil(0);
    let poison = 0;
    const src = source(partial);
    for (const l of [src.future, src.pool]) for (let i = l.head; i >= 0; i = src.slab.next[i]) poison += src.slab.info[i] & POISON;
    expect(poison).toBeGreaterThan(0);
    expect(poison).toBeLessThan(10);
    runChecked(partial, 5000);
    runChecked(whole, 5000);
    expect(batchInvocations(partial)[0].state).toBe('Succeeded'); // the function returned batchItemFailures
    expect(esm(partial)).toMatchObject({ deleted: 10 - poison, partialFailures: 1, remaining: poison });
    expect(batchInvocations(whole)[0].state).toBe('FunctionError');
    expect(esm(whole)).toMatchObject({ deleted: 0, remaining: 10 });
  });

  it('a batch is invoked when the batching window closes, or as soon as it is full', () => {
    const slow = withSources([queue({ batchSize: 20, maximumBatchingWindowMs: 2000, producer: { process: 'constant', ratePerSec: 5 } })]);
    const fast = withSources([queue({ batchSize: 20, maximumBatchingWindowMs: 2000, producer: { process: 'constant', ratePerSec: 200 } })]);
    runChecked(slow, 3000);
    runChecked(fast, 1000);
    const s0 = batchInvocations(slow)[0], f0 = batchInvocations(fast)[0];
    expect(s0.receivedMs).toBeGreaterThanOrEqual(2000);
    expect(s0.receivedMs).toBeLessThan(2100);
    expect(s0.payloadBytes).toBeLessThan(20 * 1024); // not full
    expect(f0.receivedMs).toBeLessThan(200);
    expect(f0.payloadBytes).toBe(20 * 1024);
  });

  it('a batch never carries more than the 6 MB synchronous payload', () => {
    const sim = withSources([queue({ batchSize: 10, producer: { process: 'constant', ratePerSec: 100, messageBytes: 1024 * 1024 } })]);
    runChecked(sim, 3000, 10);
    const sizes = batchInvocations(sim).map((i) => i.payloadBytes);
    expect(Math.max(...sizes)).toBe(6 * 1024 * 1024);
    expect(batchInvocations(sim).every((i) => i.state !== 'Rejected')).toBe(true);
  });

  it('a throttled batch is retried with backoff until the visibility timeout, then its messages reappear', () => {
    const sim = withSources([queue({ queue: { visibilityTimeoutMs: 10_000, redrivePolicy: { maxReceiveCount: 2 } } })], { reservedConcurrency: 0 });
    runChecked(sim, 60_000);
    const times = batchInvocations(sim).map((i) => Math.round(i.receivedMs / 100) * 100);
    // Backoff 1 s, 2 s, 4 s within the 10 s timeout; received again at 10 s; then to the DLQ.
    expect(times).toEqual([0, 1000, 3000, 7000, 10_000, 11_000, 13_000, 17_000]);
    expect(batchInvocations(sim).every((i) => i.state === 'Throttled')).toBe(true);
    expect(esm(sim)).toMatchObject({ toDlq: 1, throttles: 8 });
  });

  it('a function slower than the visibility timeout gets its message again while it runs, and it is deleted once', () => {
    const sim = withSources([queue({ queue: { visibilityTimeoutMs: 3000 } })], { durationMs: { dist: 'constant', value: 2950 } });
    runChecked(sim, 20_000);
    expect(batchInvocations(sim).length).toBeGreaterThanOrEqual(2); // the cold start pushed the first one past 3 s
    expect(esm(sim)).toMatchObject({ received: 1, deleted: 1, remaining: 0 });
  });

  it('a queue holding a million messages stays small: typed columns, not a million objects', () => {
    const sim = withSources([queue({ enabled: false, producer: { process: 'constant', ratePerSec: 1_000_000, endMs: 999.9995 } })]);
    sim.runUntil(2000);
    expect(esm(sim)).toMatchObject({ received: 1_000_000, remaining: 1_000_000, invocations: 0 });
    const snap = snapshot(sim);
    expect(snap.size.bytes).toBeLessThan(32 * 1024 * 1024);
    expect(snap.size.objects).toBeLessThan(2000);
  });
});
