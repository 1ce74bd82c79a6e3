import { describe, expect, it } from 'vitest';
import { invokeAt, simulate } from '../testing/scenarios';
import { backoffMs, oldestEventAgeMs } from './asyncQueue';

const event = { function: 'hello', mode: 'Event' as const };
const attempts = (sim: ReturnType<typeof simulate>) => sim.recentInvocations().filter((i) => i.asyncEvent !== 0).sort((a, b) => a.receivedMs - b.receivedMs);

describe('Event invocations: the internal queue and the poller fleet', () => {
  it('an Event invoke is accepted with 202, queued, and run by a poller through the synchronous path', () => {
    const sim = simulate();
    invokeAt(sim, 0, event);
    sim.runUntil(10);
    expect(sim.state.asyncQueue.stats.accepted).toBe(1);
    expect(sim.state.asyncQueue.events.size).toBe(1);
    sim.runUntil(5000);
    const [attempt] = attempts(sim);
    expect(attempt.mode).toBe('Event');
    expect(attempt.cold).toBe(true);
    expect(attempt.state).toBe('Succeeded');
    expect(sim.state.asyncQueue.stats.succeeded).toBe(1);
    expect(sim.state.asyncQueue.events.size).toBe(0);
    expect(attempt.queuedSinceMs).toBe(0); // its wait on the queue starts at acceptance
  });

  it('an Event payload over 1 MB is rejected with 413 RequestTooLargeException and never queued', () => {
    const sim = simulate();
    invokeAt(sim, 0, { ...event, payloadBytes: 1024 * 1024 + 1 });
    sim.runUntil(1000);
    expect(sim.recentInvocations()[0].statusCode).toBe(413);
    expect(sim.state.asyncQueue.stats.accepted).toBe(0);
  });

  it('a failing event is attempted three times, about one and three minutes after the first attempt, then goes to the DLQ', () => {
    const sim = simulate({}, { errorRate: 1, async: { onFailure: 'dlq' } });
    invokeAt(sim, 0, event);
    sim.runUntil(600_000);
    const a = attempts(sim);
    expect(a.map((i) => i.state)).toEqual(['FunctionError', 'FunctionError', 'FunctionError']);
    const first = a[0].receivedMs;
    expect((a[1].receivedMs - first) / 60_000).toBeCloseTo(1, 1);
    expect((a[2].receivedMs - first) / 60_000).toBeCloseTo(3, 1);
    expect(sim.state.asyncQueue.stats).toMatchObject({ deadLettered: 1, retries: 2, dropped: 0 });
  });

  it('with maximumRetryAttempts 0 and no destination, a failing event is dropped after one attempt', () => {
    const sim = simulate({}, { errorRate: 1, async: { maximumRetryAttempts: 0 } });
    invokeAt(sim, 0, event);
    sim.runUntil(600_000);
    expect(attempts(sim)).toHaveLength(1);
    expect(sim.state.asyncQueue.stats).toMatchObject({ dropped: 1, deadLettered: 0 });
  });

  it('a throttled event goes back to the queue with backoff from 1 s, doubling up to 5 minutes', () => {
    expect([0, 1, 2, 3, 8, 9, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
    // Reserved concurrency 1 held by a long synchronous request: the event is throttled until it ends.
    const sim = simulate({}, { reservedConcurrency: 1, timeoutMs: 900_000, durationMs: { dist: 'constant', value: 20_000 } });
    invokeAt(sim, 0);
    invokeAt(sim, 1000, event);
    sim.runUntil(120_000);
    const a = attempts(sim);
    const gaps = a.slice(1).map((x, i) => Math.round((x.receivedMs - a[i].respondedMs) / 1000));
    expect(a.slice(0, -1).every((x) => x.state === 'Throttled')).toBe(true);
    expect(gaps.slice(0, 4)).toEqual([1, 2, 4, 8]);
    expect(a.at(-1)!.state).toBe('Succeeded');
  });

  it('an event older than its maximum event age expires and goes to the on-failure destination', () => {
    const sim = simulate({}, { reservedConcurrency: 1, timeoutMs: 900_000, durationMs: { dist: 'constant', value: 600_000 }, async: { maximumEventAgeMs: 60_000, onFailure: 'destination' } });
    invokeAt(sim, 0);
    invokeAt(sim, 1000, event);
    sim.runUntil(200_000);
    expect(sim.state.asyncQueue.stats).toMatchObject({ expired: 1, deadLettered: 1, succeeded: 0 });
    expect(sim.state.asyncQueue.events.size).toBe(0);
  });

  it('reserved concurrency 0 sends events straight to the DLQ, without retries', () => {
    const sim = simulate({}, { reservedConcurrency: 0, async: { onFailure: 'dlq' } });
    for (let i = 0; i < 5; i++) invokeAt(sim, i * 10, event);
    sim.runUntil(60_000);
    expect(attempts(sim)).toHaveLength(5);
    expect(sim.state.asyncQueue.stats).toMatchObject({ accepted: 5, deadLettered: 5, retries: 0 });
  });

  it('delivery is at least once: a duplicate delivery runs the function again but the event ends once', () => {
    const sim = simulate({ platform: { duplicateProbability: 1 } });
    invokeAt(sim, 0, event);
    sim.runUntil(10_000);
    expect(attempts(sim)).toHaveLength(2);
    expect(sim.state.asyncQueue.stats).toMatchObject({ accepted: 1, succeeded: 1, duplicates: 1 });
  });

  it('pollers read in batches: one poller with batches of 10 runs at most 10 events at once', () => {
    const sim = simulate({ account: { concurrencyLimit: 1000 }, platform: { pollers: 1, maxPollers: 1, pollerBatchSize: 10 } }, { durationMs: { dist: 'constant', value: 1000 } });
    for (let i = 0; i < 25; i++) sim.invoke(event);
    sim.runUntil(1500);
    expect(sim.state.inflight.size).toBe(10);
    sim.runUntil(60_000);
    expect(sim.state.asyncQueue.stats.succeeded).toBe(25);
  });

  it('the queue reports its depth and the age of its oldest event', () => {
    const sim = simulate({}, { reservedConcurrency: 1, timeoutMs: 900_000, durationMs: { dist: 'constant', value: 100_000 } });
    invokeAt(sim, 0); // holds the only concurrency unit for 100 s
    expect(oldestEventAgeMs(sim.state)).toBe(0);
    invokeAt(sim, 1000, event);
    invokeAt(sim, 2000, event);
    invokeAt(sim, 3000, event);
    sim.runUntil(31_000);
    expect(sim.state.asyncQueue.events.size).toBe(3);
    expect(oldestEventAgeMs(sim.state)).toBe(30_000);
    // One unit of concurrency, 100 s each, backoff capped at 5 min: all done within an hour.
    sim.runUntil(3_600_000);
    expect(sim.state.asyncQueue.events.size).toBe(0);
    expect(sim.state.asyncQueue.stats.succeeded).toBe(3);
  });
});
