import type { SimContext } from '../context';
import { deepFreeze } from '../engine/plainCopy';
import type { LiveLoadState } from '../model/simState';
import type { WorkloadEntry } from '../scenario/types';
import { drawTenant } from '../services/tenants';
import { handleRequest } from '../services/frontend';
import { firstArrival, nextArrival, requestsPerArrival } from './arrivals';

/**
 * The page's load generator: one workload entry that starts now and can be replaced at any
 * time. Each replacement gets a new generation and its own random stream (`live:<gen>`), so
 * arrivals already scheduled by the previous one are recognised as stale and dropped.
 * Its whole state is data in `SimState.live`: a restored simulation carries it on.
 */
export function createLiveLoad(): LiveLoadState {
  return { gen: 0, current: null };
}

export function setLiveLoad(ctx: SimContext, entry: Omit<WorkloadEntry, 'startMs' | 'endMs'> | null): void {
  const live = ctx.state.live;
  live.gen++;
  if (!entry) {
    live.current = null;
    return;
  }
  const full: WorkloadEntry = deepFreeze({ ...entry, startMs: ctx.state.nowMs, endMs: Infinity }, 'liveLoad');
  const arrival = { cursor: 0, stream: ctx.stream(`live:${live.gen}`) };
  live.current = {
    entry: full,
    arrival,
    request: {
      type: 'invoke.request', functionName: full.function, mode: full.mode, payloadBytes: full.payloadBytes, source: -1,
      attempt: 1, maxAttempts: full.client.maxAttempts, queueDuringOutage: full.client.queueDuringOutage, asyncEvent: 0, duplicate: false, tenant: 0,
    },
  };
  const t = firstArrival(full, arrival, ctx.state.streams[arrival.stream]);
  if (t !== Infinity) ctx.schedule(t, { type: 'live.arrival', gen: live.gen });
}

/** An arrival of generation `gen`: its requests reach the Frontend, then the next one is scheduled. */
export function onLiveArrival(ctx: SimContext, gen: number): void {
  const live = ctx.state.live.current;
  if (!live || ctx.state.live.gen !== gen) return;
  const tenants = live.entry.tenants;
  for (let n = requestsPerArrival(live.entry.arrival); n > 0; n--) handleRequest(ctx, tenants ? { ...live.request, tenant: drawTenant(ctx.state, tenants) } : live.request);
  const t = nextArrival(live.entry, live.arrival, ctx.state.streams[live.arrival.stream], ctx.state.nowMs);
  if (t !== Infinity) ctx.schedule(t, { type: 'live.arrival', gen });
}
