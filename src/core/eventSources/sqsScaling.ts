import type { SimContext } from '../context';
import { LOG } from '../logCodes';
import { batchLimit } from './batches';
import {
  INVOKES_PER_POLLER, PROVISIONED_SCALE_FACTOR, SQS_BACKOFF_SHARE, SQS_LOW_TRAFFIC_AFTER_MS, SQS_LOW_TRAFFIC_BATCHES,
  SQS_MAX_BATCHES, SQS_SCALE_UP_PER_MINUTE, SQS_START_BATCHES, SQS_TICK_MS,
} from './constants';
import { readyCount } from './sourceQueue';
import type { SourceState } from './state';

/**
 * How many batches an SQS mapping runs at once [DOC services-sqs-scaling]: five when messages
 * are available, up to 300 more per minute while messages are still waiting, at most 1,000
 * (or MaximumConcurrency); back to five when traffic drops, and as few as two after a quiet
 * spell (not with MaximumConcurrency). Function errors and throttles make it back off
 * gradually [DOC services-sqs-errorhandling] — not errors reported as batch item failures.
 * Provisioned mode: between MinimumPollers and MaximumPollers, ten invokes each, scaling three
 * times faster [DOC services-sqs-parameters, services-sqs-scaling].
 */
export function concurrencyCap(src: SourceState): number {
  const c = src.cfg;
  if (c.provisionedPollerConfig) return c.provisionedPollerConfig.maximumPollers * INVOKES_PER_POLLER;
  return Math.min(SQS_MAX_BATCHES, c.scalingConfig?.maximumConcurrency ?? SQS_MAX_BATCHES);
}

export function concurrencyFloor(src: SourceState, nowMs: number): number {
  const c = src.cfg;
  if (c.provisionedPollerConfig) return c.provisionedPollerConfig.minimumPollers * INVOKES_PER_POLLER;
  const quiet = !c.scalingConfig && src.emptySinceMs >= 0 && nowMs - src.emptySinceMs >= SQS_LOW_TRAFFIC_AFTER_MS;
  return Math.min(concurrencyCap(src), quiet ? SQS_LOW_TRAFFIC_BATCHES : SQS_START_BATCHES);
}

/** The concurrency a mapping starts with when it is enabled. */
export function initialTarget(src: SourceState): number {
  return concurrencyFloor(src, -Infinity);
}

/** Per second: +5 batches (300 a minute) standard, +15 provisioned [DOC; the even spread over the minute: INF]. */
const stepPerTick = (src: SourceState) =>
  (SQS_SCALE_UP_PER_MINUTE / (60_000 / SQS_TICK_MS)) * (src.cfg.provisionedPollerConfig ? PROVISIONED_SCALE_FACTOR : 1);

export function rescale(ctx: SimContext, src: SourceState): void {
  const now = ctx.state.nowMs;
  const busy = src.receiving + src.gathering + src.invoking + src.backoff;
  const fifo = src.cfg.type === 'sqs-fifo';
  const waiting = fifo ? readyCount(src) - src.receiving : src.pool.size - src.receiving * batchLimit(src.cfg) - src.gatherClaim;
  let queued = src.pool.size;
  for (const g of src.parts) queued += g.size;
  if (queued === 0 && src.invoking === 0) { if (src.emptySinceMs < 0) src.emptySinceMs = now; }
  else src.emptySinceMs = -1;
  const cap = concurrencyCap(src), floor = concurrencyFloor(src, now), step = stepPerTick(src);
  let t = src.target;
  const failed = src.errorsSinceTick + src.throttlesSinceTick;
  if (failed > 0) t -= Math.min(failed, Math.max(1, Math.round(t * SQS_BACKOFF_SHARE))); // one batch fewer per failure, at most a fifth
  else if (waiting > 0 && busy >= Math.min(t, cap)) t += step;
  else if (waiting <= 0 && busy < t) t = Math.max(busy, t - step);
  t = Math.max(floor, Math.min(cap, t));
  src.errorsSinceTick = 0;
  src.throttlesSinceTick = 0;
  if (t !== src.target) {
    src.target = t;
    ctx.record(LOG.ESM_SCALE, src.index, t, cap);
  }
}
