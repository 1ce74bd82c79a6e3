import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { batchInvocations, runChecked, source, withSources } from './testing';

const orders = { type: 'sqs', name: 'orders', producer: { process: 'constant', ratePerSec: 10 } };
const states = (sim: ReturnType<typeof withSources>) => sim.state.controlPlaneResults.map((r) => `${r.action}: ${r.ok ? r.message : 'failed — ' + r.message}`);

describe('event source mapping control plane', { timeout: 60_000 }, () => {
  it('CreateEventSourceMapping starts Creating, and pollers start once it is Enabled', () => {
    const sim = withSources([], {}, { controlPlane: [{ atMs: 10_000, action: 'CreateEventSourceMapping', function: 'hello', eventSource: orders }] });
    runChecked(sim, 12_000);
    expect(source(sim).state).toBe('Creating');
    expect(batchInvocations(sim)).toHaveLength(0);
    runChecked(sim, 20_000);
    expect(source(sim).state).toBe('Enabled');
    expect(batchInvocations(sim)[0].receivedMs).toBeGreaterThanOrEqual(15_000);
    expect(summarize(sim).eventSources[0].remaining).toBeLessThan(5); // the messages sent while it was Creating were picked up
  });

  it('disabling stops polling and messages wait in the queue; enabling resumes', () => {
    const sim = withSources([{ ...orders, function: 'hello' }], {}, {
      controlPlane: [
        { atMs: 10_000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', enabled: false },
        { atMs: 60_000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', enabled: true },
      ],
    });
    runChecked(sim, 11_000);
    expect(source(sim).state).toBe('Disabling');
    runChecked(sim, 59_000);
    expect(source(sim).state).toBe('Disabled');
    const before = batchInvocations(sim).length;
    expect(summarize(sim).eventSources[0].remaining).toBeGreaterThan(400); // ~10 a second since 15 s
    runChecked(sim, 80_000);
    expect(batchInvocations(sim).length).toBeGreaterThan(before);
    expect(summarize(sim).eventSources[0].remaining).toBeLessThan(10);
  });

  it('UpdateEventSourceMapping changes the batch size once Updating completes', () => {
    const sim = withSources([{ ...orders, function: 'hello', batchSize: 2, producer: { process: 'constant', ratePerSec: 200 } }], {}, {
      controlPlane: [{ atMs: 10_000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', batchSize: 8 }],
    });
    runChecked(sim, 12_000, 10);
    expect(source(sim).state).toBe('Updating');
    const sizes = () => batchInvocations(sim).map((i) => i.payloadBytes / 1024);
    expect(Math.max(...sizes())).toBe(2);
    runChecked(sim, 20_000, 10);
    expect(source(sim).state).toBe('Enabled');
    expect(Math.max(...sizes())).toBe(8);
  });

  it('a call during a transition is refused with ResourceInUseException, and an invalid update with InvalidParameterValueException', () => {
    const sim = withSources([{ ...orders, function: 'hello' }], {}, {
      controlPlane: [
        { atMs: 1000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', enabled: false },
        { atMs: 2000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', batchSize: 5 },
        { atMs: 9000, action: 'UpdateEventSourceMapping', function: 'hello', name: 'orders', batchSize: 50 },
      ],
    });
    sim.runUntil(10_000);
    expect(states(sim)).toEqual([
      'UpdateEventSourceMapping: State: Disabling',
      'UpdateEventSourceMapping: failed — ResourceInUseException: the event source mapping for orders is Disabling',
      'UpdateEventSourceMapping: failed — InvalidParameterValueException: with BatchSize above 10, MaximumBatchingWindowInSeconds must be at least 1',
    ]);
  });

  it('DeleteEventSourceMapping stops polling; the queue keeps its messages for the next mapping', () => {
    const sim = withSources([{ ...orders, function: 'hello' }], {}, {
      controlPlane: [
        { atMs: 10_000, action: 'DeleteEventSourceMapping', function: 'hello', name: 'orders' },
        { atMs: 40_000, action: 'CreateEventSourceMapping', function: 'hello', eventSource: { ...orders, batchSize: 10 } },
      ],
    });
    runChecked(sim, 39_000);
    expect(source(sim).state).toBe('Deleted');
    const waiting = summarize(sim).eventSources[0].remaining;
    expect(waiting).toBeGreaterThan(200);
    runChecked(sim, 60_000);
    expect(source(sim).state).toBe('Enabled');
    expect(sim.state.eventSources.sources).toHaveLength(1); // the same queue, a new mapping
    expect(summarize(sim).eventSources[0].remaining).toBeLessThan(10);
  });
});
