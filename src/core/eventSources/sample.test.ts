import { describe, expect, it } from 'vitest';
import { eventSourceSample } from './sample';
import { withSources } from './testing';

describe("the charts' series of an event source mapping", { timeout: 60_000 }, () => {
  it('a backlog shows as waiting messages, the oldest one ageing, and batches invoking under the limit', () => {
    const sim = withSources([{ type: 'sqs', function: 'hello', name: 'orders', batchSize: 10, producer: { process: 'burst', count: 10_000, atMs: 0 }, scalingConfig: { maximumConcurrency: 20 } }],
      { durationMs: { dist: 'constant', value: 5000 }, timeoutMs: 10_000 });
    sim.runUntil(30_000);
    const p = eventSourceSample(sim.state, 30_000)!;
    expect(p.esDepth).toBeGreaterThan(5000);
    expect(p.esOldestAgeMs).toBeGreaterThanOrEqual(29_000); // sent at 0, the newest batches still hold some of the first messages
    expect(p.esConcurrency).toBeGreaterThan(5); // scaled up from five
    expect(p.esConcurrency).toBeLessThanOrEqual(20);
    expect(p.esLimit).toBe(20); // MaximumConcurrency
    expect(p.esIteratorAgeMs).toBe(0); // no stream
  });

  it("a stream's stalled shard shows as a growing iterator age", () => {
    const sim = withSources([{ type: 'kinesis', function: 'hello', name: 'clicks', batchSize: 100, stream: { shards: 2 }, producer: { process: 'poisson', ratePerSec: 50, poisonRate: 0.05 } }]);
    sim.runUntil(20_000);
    const a = eventSourceSample(sim.state, 20_000)!;
    sim.runUntil(40_000);
    const b = eventSourceSample(sim.state, 40_000)!;
    expect(b.esIteratorAgeMs).toBeGreaterThan(a.esIteratorAgeMs);
    expect(b.esIteratorAgeMs).toBeGreaterThan(15_000);
    expect(b.esLimit).toBe(2); // one batch per shard
  });

  it('a run without mappings has no event source series', () => {
    expect(eventSourceSample(withSources([]).state, 0)).toBeNull();
  });
});
