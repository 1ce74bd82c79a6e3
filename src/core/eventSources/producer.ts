import type { SimContext } from '../context';
import { chance, uniform } from '../engine/random';
import type { WorkloadEntry } from '../scenario/types';
import { firstArrival, nextArrival, requestsPerArrival } from '../workload/arrivals';
import { isStream, type EventSourceConfig } from './config';
import { POISON, alloc, push } from './slab';
import type { SourceState } from './state';

/**
 * The customer's producer: SendMessage / PutRecord calls with the workload's arrival
 * processes. Arrivals are drawn one tick ahead of the clock into `future`, so that reading
 * the queue at any moment (summary, view, series) needs no drawing and never changes the run,
 * and so that a busy mapping needs no event per message. Each message draws its partition key
 * and its poison flag from the source's own streams.
 */
function asEntry(cfg: EventSourceConfig, createdAtMs: number): WorkloadEntry {
  const p = cfg.producer;
  return {
    function: cfg.function, mode: 'Event', arrival: p.arrival, startMs: Math.max(p.startMs, createdAtMs), endMs: p.endMs,
    client: { maxAttempts: 1, queueDuringOutage: false }, payloadBytes: p.messageBytes,
  };
}

export function startProducer(ctx: SimContext, src: SourceState): void {
  src.nextArrivalMs = firstArrival(asEntry(src.cfg, src.createdAtMs), src.arrival, ctx.state.streams[src.arrival.stream]);
}

/** Draws every arrival at or before `untilMs` into `future`. */
export function drawArrivals(ctx: SimContext, src: SourceState, untilMs: number): void {
  if (src.nextArrivalMs > untilMs) {
    src.horizonMs = Math.max(src.horizonMs, untilMs);
    return;
  }
  const s = ctx.state, p = src.cfg.producer;
  const entry = asEntry(src.cfg, src.createdAtMs);
  const rng = s.streams[src.arrival.stream], keyRng = s.streams[src.rng.keys], poisonRng = s.streams[src.rng.poison];
  const perArrival = requestsPerArrival(p.arrival);
  while (src.nextArrivalMs <= untilMs) {
    const t = src.nextArrivalMs;
    for (let n = 0; n < perArrival; n++) {
      const key = p.keys > 1 ? drawKey(uniform(keyRng), p.keys, p.hotKeyShare) : 0;
      const poison = p.poisonRate > 0 && chance(poisonRng, p.poisonRate) ? POISON : 0;
      push(src.slab, src.future, alloc(src.slab, t, partitionOf(src.cfg, key), poison));
    }
    src.nextArrivalMs = nextArrival(entry, src.arrival, rng, t);
  }
  src.horizonMs = untilMs;
}

/** A group or key: the hottest (0) with probability `hot`, otherwise any of them evenly. */
export function drawKey(u: number, keys: number, hot: number): number {
  if (u < hot) return 0;
  return Math.min(keys - 1, Math.floor(((u - hot) / (1 - hot)) * keys));
}

/**
 * FIFO: the message group. Streams: the lane — the shard Kinesis hashes the partition key to
 * (a fixed integer hash instead of MD5 ranges [INF]), then one of ParallelizationFactor lanes by
 * a second hash of the key, so one key always lands in one lane and its order is kept [DOC with-kinesis].
 */
export function partitionOf(cfg: EventSourceConfig, key: number): number {
  if (cfg.type === 'sqs-fifo') return key;
  if (!isStream(cfg.type)) return 0;
  const h = mix(key + 1);
  const shard = h % cfg.stream!.shards;
  return shard * cfg.parallelizationFactor + (mix(h ^ 0x5bd1e995) % cfg.parallelizationFactor);
}

function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export const partitionCount = (cfg: EventSourceConfig) =>
  cfg.type === 'sqs-fifo' ? cfg.producer.keys : isStream(cfg.type) ? cfg.stream!.shards * cfg.parallelizationFactor : 0;
