import type { SimState } from '../model/simState';
import { isStream } from './config';
import { INVOKES_PER_POLLER, SQS_MAX_BATCHES } from './constants';
import { walkCount } from './slab';

/**
 * Event source safety properties, checked after every event by the property tests and the
 * fuzzer (through checkInvariants):
 * - every message or record is accounted for: received = deleted + toDlq + expired +
 *   discarded + those still in the queue, stream or a batch — none lost, none counted twice;
 * - the message store holds exactly the messages in its lists (no leak, no double link);
 * - FIFO groups and stream lanes finish their messages in order (order violations = 0), a
 *   group or lane is held by at most one batch, and the batch holding it exists;
 * - a mapping never runs more batches than its hard limit (SQS 1,000 or the provisioned
 *   pollers' invokes; FIFO the number of groups; streams one per lane), not counting a batch
 *   whose visibility timeout passed while the function ran (its messages are delivered again);
 * - the pollers' counts of gathering, invoking and backing-off batches match the batches.
 */
export function checkEventSources(s: SimState): string[] {
  const problems: string[] = [];
  const es = s.eventSources;
  const perSource = es.sources.map(() => ({ gathering: 0, invoking: 0, orphaned: 0, backoff: 0, held: 0 }));
  for (const b of es.batches.values()) {
    const src = es.sources[b.source];
    if (!src) { problems.push(`batch ${b.id} belongs to no source`); continue; }
    const n = perSource[b.source];
    if (b.state === 'gathering') n.gathering++;
    else if (b.state === 'invoking') n.invoking++;
    else if (b.state === 'orphaned') n.orphaned++;
    else if (b.state === 'backoff') n.backoff++;
    n.held += b.msgs.size + b.held.size;
    if (isStream(src.cfg.type) && src.partLock[b.lane] !== b.id) problems.push(`${src.cfg.name}: batch ${b.id} of lane ${b.lane} does not hold it`);
  }
  es.sources.forEach((src, k) => {
    const c = src.counters, name = src.cfg.name, slab = src.slab;
    let parts = 0;
    for (const l of src.parts) parts += l.size;
    const held = slab.used - src.future.size;
    const fates = c.deleted + c.toDlq + c.expired + c.discarded;
    if (c.received !== fates + held) problems.push(`${name}: ${c.received} received ≠ ${c.deleted} deleted + ${c.toDlq} to DLQ + ${c.expired} expired + ${c.discarded} discarded + ${held} remaining`);
    const listed = src.future.size + src.pool.size + parts + perSource[k].held;
    if (listed !== slab.used) problems.push(`${name}: the store holds ${slab.used} messages, its lists ${listed}`);
    if (slab.used <= 10_000) {
      const walked = walkCount(slab, src.future) + walkCount(slab, src.pool) + src.parts.reduce((a, l) => a + walkCount(slab, l), 0);
      if (walked !== src.future.size + src.pool.size + parts) problems.push(`${name}: lists are linked wrong (${walked} entries walked)`);
    }
    if (src.orderViolations) problems.push(`${name}: ${src.orderViolations} messages finished out of order in an ordered group or lane`);
    const n = perSource[k];
    if (n.gathering !== src.gathering || n.invoking + n.orphaned !== src.invoking || n.backoff !== src.backoff) {
      problems.push(`${name}: pollers count ${src.gathering}/${src.invoking}/${src.backoff} gathering/invoking/backing off, batches say ${n.gathering}/${n.invoking + n.orphaned}/${n.backoff}`);
    }
    if (src.receiving < 0 || src.gatherClaim < 0) problems.push(`${name}: negative poller counts (${src.receiving} receiving, ${src.gatherClaim} claimed)`);
    const hardMax = isStream(src.cfg.type) ? src.parts.length
      : src.cfg.type === 'sqs-fifo' ? Math.min(src.parts.length, SQS_MAX_BATCHES)
      : src.cfg.provisionedPollerConfig ? src.cfg.provisionedPollerConfig.maximumPollers * INVOKES_PER_POLLER : SQS_MAX_BATCHES;
    // A batch whose visibility timeout passed while it ran no longer holds its messages: not counted.
    if (n.invoking > hardMax) problems.push(`${name}: ${n.invoking} batches invoking, more than the limit ${hardMax}`);
    src.partLock.forEach((id, p) => { if (id !== 0 && !es.batches.has(id)) problems.push(`${name}: partition ${p} is held by batch ${id}, which is gone`); });
    if (src.pool.head >= 0 && slab.sent[src.pool.tail] > s.nowMs) problems.push(`${name}: a message in the queue was sent in the future`);
  });
  return problems;
}
