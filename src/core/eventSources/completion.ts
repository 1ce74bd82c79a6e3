import type { SimContext } from '../context';
import type { Invocation } from '../model/records';
import { dropBatch } from './batches';
import { isStream } from './config';
import { onSqsInvocationDone, pumpSqs } from './sqsPollers';
import { onStreamInvocationDone } from './streamLanes';

/** A mapping's invocation ended (any final state): its batch's messages learn their fate. */
export function onBatchInvocationDone(ctx: SimContext, inv: Invocation): void {
  const es = ctx.state.eventSources;
  const b = es.batches.get(inv.batch);
  if (!b) return;
  const src = es.sources[b.source];
  b.invocation = 0;
  if (b.state === 'orphaned') { // its messages reappeared at the visibility timeout already
    dropBatch(ctx, src, b);
    return pumpSqs(ctx, src);
  }
  if (isStream(src.cfg.type)) onStreamInvocationDone(ctx, src, b, inv);
  else onSqsInvocationDone(ctx, src, b, inv);
}
