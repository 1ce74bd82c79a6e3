import type { Invocation } from '../model/records';
import type { Scenario } from '../scenario/types';
import { Simulation } from '../simulation';
import { summarize, type Summary } from '../summary';
import { gaugeMeans } from '../metrics/environmentGauge';
import { deltaOf, type Delta } from './delta';
import { Pairing, pairable, type Flip, type PairStats } from './pairing';

/**
 * An A/B run for the page: both configurations advance together, bucket by bucket of
 * simulated time, on the same arrivals (sameTraffic.ts). Per bucket it keeps what the
 * difference charts draw — cold starts, p99 latency of the requests completed in it,
 * mean concurrency and mean environments — and, by arrival bucket, how many paired
 * requests were warm in both, cold in both, or flipped. Memory: the buckets (a few hundred)
 * and the flips (at most 5,000), never the requests themselves.
 */
export interface SideSeries { coldStarts: number[]; p99Ms: number[]; meanBusy: number[]; meanEnvironments: number[] }

export interface CompareResult {
  a: Summary;
  b: Summary;
  delta: Delta;
  pairs: PairStats & { unpaired: number };
  flips: Flip[];
  bucketMs: number;
  /** Bucket end times (ms). */
  t: number[];
  series: { a: SideSeries; b: SideSeries };
  /** Paired requests by arrival bucket. */
  strip: { bothWarm: number[]; bothCold: number[]; coldToWarm: number[]; warmToCold: number[] };
}

const emptySeries = (): SideSeries => ({ coldStarts: [], p99Ms: [], meanBusy: [], meanEnvironments: [] });

export class CompareRun {
  readonly sims: [Simulation, Simulation];
  readonly bucketMs: number;
  private readonly pairing = new Pairing();
  private readonly latencies: [number[], number[]] = [[], []];
  private readonly series = { a: emptySeries(), b: emptySeries() };
  private readonly t: number[] = [];
  private readonly last = [{ cold: 0, busyArea: 0, envArea: 0 }, { cold: 0, busyArea: 0, envArea: 0 }];
  private readonly strip: CompareResult['strip'] = { bothWarm: [], bothCold: [], coldToWarm: [], warmToCold: [] };
  private bucket = 0;

  constructor(a: Scenario, b: Scenario, buckets = 200) {
    this.bucketMs = Math.max(1, a.durationMs / buckets);
    const observe = (side: 0 | 1) => (inv: Invocation) => {
      if (inv.cold || !Number.isNaN(inv.invokeStartMs)) this.latencies[side].push(inv.respondedMs - inv.receivedMs);
      if (!pairable(inv)) return;
      const before = { ...this.pairing.stats };
      this.pairing.add(side, inv);
      const s = this.pairing.stats;
      if (s.paired === before.paired) return;
      const k = Math.min(buckets - 1, Math.floor(inv.receivedMs / this.bucketMs));
      const bump = (x: number[]) => { while (x.length <= k) x.push(0); x[k]++; };
      if (s.bothWarm > before.bothWarm) bump(this.strip.bothWarm);
      else if (s.bothCold > before.bothCold) bump(this.strip.bothCold);
      else if (s.coldToWarm > before.coldToWarm) bump(this.strip.coldToWarm);
      else if (s.warmToCold > before.warmToCold) bump(this.strip.warmToCold);
    };
    this.sims = [new Simulation(a, { recentInvocations: 0, onInvocationDone: observe(0) }), new Simulation(b, { recentInvocations: 0, onInvocationDone: observe(1) })];
  }

  get done(): boolean {
    return this.sims[0].nowMs >= this.sims[0].scenario.durationMs;
  }

  get fraction(): number {
    return Math.min(1, this.sims[0].nowMs / this.sims[0].scenario.durationMs);
  }

  /** Runs both configurations to the end of the next bucket. */
  advance(): void {
    if (this.done) return;
    const end = Math.min(this.sims[0].scenario.durationMs, (this.bucket + 1) * this.bucketMs);
    this.bucket++;
    this.t.push(end);
    this.sims.forEach((sim, side) => {
      sim.runUntil(end);
      const s = sim.state;
      let cold = 0;
      for (const f of s.functions) cold += f.stats.coldStarts;
      const m = gaugeMeans(s.gauge, 0, end);
      const busyArea = m.busy * end, envArea = m.total * end;
      const l = this.last[side];
      const out = side === 0 ? this.series.a : this.series.b;
      out.coldStarts.push(cold - l.cold);
      out.meanBusy.push((busyArea - l.busyArea) / this.bucketMs);
      out.meanEnvironments.push((envArea - l.envArea) / this.bucketMs);
      const lat = this.latencies[side].sort((x, y) => x - y);
      out.p99Ms.push(lat.length ? lat[Math.min(lat.length - 1, Math.ceil(0.99 * lat.length) - 1)] : NaN);
      this.latencies[side] = [];
      this.last[side] = { cold, busyArea, envArea };
    });
  }

  result(): CompareResult {
    const [a, b] = this.sims.map((s) => summarize(s));
    const n = this.t.length;
    const pad = (x: number[]) => Array.from({ length: n }, (_, i) => x[i] ?? 0);
    return {
      a, b, delta: deltaOf(a, b), pairs: { ...this.pairing.stats, unpaired: this.pairing.unpaired }, flips: this.pairing.flips,
      bucketMs: this.bucketMs, t: [...this.t], series: this.series,
      strip: { bothWarm: pad(this.strip.bothWarm), bothCold: pad(this.strip.bothCold), coldToWarm: pad(this.strip.coldToWarm), warmToCold: pad(this.strip.warmToCold) },
    };
  }
}
