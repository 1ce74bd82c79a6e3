import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { invokeAt, simulate } from '../testing/scenarios';

const event = { function: 'hello', mode: 'Event' as const };
const second = { durationMs: { dist: 'constant', value: 1000 }, timeoutMs: 10_000 };

describe('Event invocations at scale: the poller fleet follows the backlog and the free concurrency', () => {
  it('200 Event/s with a 1 s handler runs ~200 concurrent executions', { timeout: 120_000 }, () => {
    const sim = simulate({ durationMs: 300_000, workload: [{ function: 'hello', mode: 'Event', arrival: { process: 'constant', ratePerSec: 200 } }] }, second);
    sim.runUntil(300_000);
    const s = summarize(sim);
    expect(s.environments.meanBusy).toBeGreaterThan(190);
    expect(s.environments.meanBusy).toBeLessThan(215);
    expect(s.environments.peak).toBeLessThan(300);
    expect(s.async.queued).toBeLessThan(300); // those in flight: no backlog builds up
    expect(s.async.oldestAgeMs).toBeLessThan(3000);
    expect(s.invocations.throttled).toBe(0);
  });

  it('the poller fleet stops growing when the concurrency runs out: the rest of the events wait or back off', { timeout: 60_000 }, () => {
    const sim = simulate({ platform: { pollers: 1 } }, { ...second, reservedConcurrency: 20 });
    for (let i = 0; i < 2000; i++) sim.invoke(event);
    sim.runUntil(1500);
    const q = sim.state.asyncQueue;
    // 20 units of concurrency in batches of 10: a few pollers, not one per event.
    expect(q.inFlight.length).toBeLessThanOrEqual(4);
    expect(sim.state.functions[0].inUse).toBeLessThanOrEqual(20);
    sim.runUntil(600_000);
    expect(q.stats.succeeded).toBe(2000);
  });

  it('with a large backlog Lambda lengthens retry intervals and reads the queue more slowly', () => {
    const sim = simulate({ platform: { asyncBacklogThreshold: 100 } }, { ...second, reservedConcurrency: 1, durationMs: { dist: 'constant', value: 60_000 }, timeoutMs: 120_000 });
    invokeAt(sim, 0); // holds the one unit for a minute
    for (let i = 0; i < 400; i++) invokeAt(sim, 100, event);
    sim.runUntil(50_000);
    const attempts = sim.recentInvocations().filter((i) => i.asyncEvent !== 0);
    const byEvent = new Map<number, number[]>();
    for (const a of attempts) byEvent.set(a.asyncEvent, [...(byEvent.get(a.asyncEvent) ?? []), a.receivedMs]);
    const gaps = [...byEvent.values()].filter((t) => t.length >= 2).map((t) => t[1] - t[0]);
    // 400 queued against a threshold of 100: intervals stretched about 4× (a first backoff of ~1 s becomes ~4 s).
    expect(Math.min(...gaps)).toBeGreaterThan(3500);
  });

  it('the summary reports the metrics AWS reports: AsyncEventsReceived, AsyncEventAge, AsyncEventsDropped', () => {
    const sim = simulate({}, { errorRate: 1, async: { maximumRetryAttempts: 0 } });
    for (let i = 0; i < 5; i++) invokeAt(sim, i * 1000, event);
    sim.runUntil(60_000);
    const a = summarize(sim).async;
    expect(a.metrics.AsyncEventsReceived).toBe(5);
    expect(a.metrics.AsyncEventsDropped).toBe(5);
    expect(a.metrics.AsyncEventAge.count).toBe(5);
    expect(a.metrics.AsyncEventAge.max).toBeLessThan(100);
  });

  it('a DLQ receives the event body; an on-failure destination receives an invocation record — counted apart', () => {
    const dlq = simulate({}, { errorRate: 1, async: { maximumRetryAttempts: 0, onFailure: 'dlq' } });
    invokeAt(dlq, 0, { ...event, payloadBytes: 777 });
    dlq.runUntil(60_000);
    expect(dlq.state.asyncQueue.stats).toMatchObject({ deadLettered: 1, toDlq: 1, toOnFailure: 0 });
    expect(dlq.state.asyncQueue.dlq[0]).toMatchObject({ event: 1, function: 'hello', payloadBytes: 777 });
    expect(dlq.state.asyncQueue.destination).toHaveLength(0);

    const dest = simulate({}, { errorRate: 1, async: { maximumRetryAttempts: 1, onFailure: 'destination' } });
    invokeAt(dest, 0, event);
    dest.runUntil(600_000);
    expect(dest.state.asyncQueue.stats).toMatchObject({ deadLettered: 1, toDlq: 0, toOnFailure: 1 });
    const rec = dest.state.asyncQueue.destination[0];
    expect(rec.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 2 });
    expect(rec.responseContext).toMatchObject({ statusCode: 200, functionError: 'Unhandled', executedVersion: '$LATEST' });
    const s = summarize(dest).async;
    expect(s.toOnFailure).toBe(1);
    expect(s.toDlq).toBe(0);
  });
});
