import type { SimContext } from '../context';
import { compileDist, draw } from '../engine/distributions';
import { RECEIVE_LATENCY } from './constants';
import type { SourceState } from './state';

const LATENCY = compileDist({ dist: 'lognormal', median: RECEIVE_LATENCY.median, sigma: RECEIVE_LATENCY.sigma });

/** One ReceiveMessage or GetRecords round trip, ms (lognormal, from the source's own stream) [INF]. */
export function receiveLatency(ctx: SimContext, src: SourceState): number {
  return draw(LATENCY, ctx.state.streams[src.rng.receive]);
}
