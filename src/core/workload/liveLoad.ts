import type { RandomStream } from '../engine/random';
import type { SimEvent } from '../events';
import type { WorkloadEntry } from '../scenario/types';
import { firstArrival, nextArrival, requestsPerArrival, type ArrivalState } from './arrivals';

type Request = Extract<SimEvent, { type: 'invoke.request' }>;

/**
 * The page's load generator: one workload entry that starts now and can be replaced at any
 * time. Each replacement gets a new generation and its own random stream (`live:<gen>`), so
 * arrivals already scheduled by the previous one are recognised as stale and dropped.
 */
export class LiveLoad {
  private live: { entry: WorkloadEntry; rng: RandomStream; state: ArrivalState; request: Request; gen: number } | null = null;
  private gen = 0;

  constructor(
    private readonly stream: (name: string) => RandomStream,
    private readonly schedule: (atMs: number, ev: SimEvent) => void,
  ) {}

  get entry(): WorkloadEntry | null {
    return this.live ? this.live.entry : null;
  }

  set(entry: Omit<WorkloadEntry, 'startMs' | 'endMs'> | null, nowMs: number): void {
    this.gen++;
    if (!entry) {
      this.live = null;
      return;
    }
    const full: WorkloadEntry = { ...entry, startMs: nowMs, endMs: Infinity };
    const rng = this.stream(`live:${this.gen}`);
    const state: ArrivalState = { cursor: 0 };
    const request: Request = {
      type: 'invoke.request', functionName: full.function, mode: full.mode, payloadBytes: full.payloadBytes, source: -1,
      attempt: 1, maxAttempts: full.client.maxAttempts, queueDuringOutage: full.client.queueDuringOutage, asyncEvent: 0, duplicate: false,
    };
    this.live = { entry: full, rng, state, request, gen: this.gen };
    const t = firstArrival(full, state, rng);
    if (t !== Infinity) this.schedule(t, { type: 'live.arrival', gen: this.gen });
  }

  /** An arrival of generation `gen`: hands its requests to `handle` and schedules the next. */
  onArrival(gen: number, nowMs: number, handle: (req: Request) => void): void {
    const live = this.live;
    if (!live || live.gen !== gen) return;
    for (let n = requestsPerArrival(live.entry.arrival); n > 0; n--) handle(live.request);
    const t = nextArrival(live.entry, live.state, live.rng, nowMs);
    if (t !== Infinity) this.schedule(t, { type: 'live.arrival', gen });
  }
}
