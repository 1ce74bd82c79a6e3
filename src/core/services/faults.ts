import { LOG } from '../logCodes';
import type { Fault } from '../scenario/faultTypes';
import type { Simulation } from '../simulation';
import type { Worker } from '../model/records';
import { addWorker } from './fleet';
import { loseEnvironment } from './environmentLifecycle';

/**
 * Active fault windows, queried by the services they affect. Faults come from the scenario
 * (scheduled at start) or live from the page; both are recorded in `history`.
 */
export class Faults {
  readonly history: (Fault & { index: number })[] = [];
  /** The last few workers lost to a worker-failure fault (bounded: read by the scene). */
  readonly failedWorkers: { id: number; atMs: number; environments: number }[] = [];
  private readonly active = new Set<number>();
  /** Active invoke-service outages: checked on every request, so kept as a count. */
  private outages = 0;

  constructor(private readonly sim: Simulation) {}

  /** Registers a fault and schedules its start (and end). Returns its index. */
  add(fault: Fault): number {
    const index = this.history.length;
    this.history.push({ ...fault, index });
    const start = fault.type === 'worker-failure' ? fault.atMs : fault.fromMs;
    this.sim.schedule(Math.max(this.sim.nowMs, start), { type: 'fault.start', index });
    if (fault.type !== 'worker-failure') this.sim.schedule(Math.max(this.sim.nowMs, fault.toMs), { type: 'fault.end', index });
    return index;
  }

  onStart(index: number): void {
    const f = this.history[index];
    this.active.add(index);
    if (f.type === 'invoke-outage') this.outages++;
    let subject = 0;
    if (f.type === 'worker-failure') {
      subject = failWorker(this.sim, f.worker, (w) => {
        this.failedWorkers.push({ id: w.id, atMs: this.sim.nowMs, environments: w.environments });
        if (this.failedWorkers.length > 16) this.failedWorkers.shift();
      });
      this.active.delete(index);
    }
    this.sim.log.record(this.sim.nowMs, LOG.FAULT, index, 1, subject);
  }

  onEnd(index: number): void {
    if (this.active.delete(index) && this.history[index].type === 'invoke-outage') this.outages--;
    this.sim.log.record(this.sim.nowMs, LOG.FAULT, index, 0, 0);
  }

  activeFaults(): Fault[] {
    return [...this.active].map((i) => this.history[i]);
  }

  /** Whether the Frontend Invoke service is unavailable to clients right now. */
  invokeOutage(): boolean {
    return this.outages > 0;
  }

  /** When the current outage ends (the latest end among active outages). */
  outageEndMs(nowMs: number): number {
    let end = nowMs; // nothing active: now
    for (const i of this.active) {
      const f = this.history[i];
      if (f.type === 'invoke-outage') end = Math.max(end, f.toMs);
    }
    return end;
  }

  /** How many times slower a poller's receive is right now (1 = normal). */
  pollerSlowdown(): number {
    let factor = 1;
    for (const i of this.active) {
      const f = this.history[i];
      if (f.type === 'slow-pollers') factor = Math.max(factor, f.factor);
    }
    return factor;
  }

  /** Probability that an Init of function `fn` throws right now. */
  initFailureRate(fn: number): number {
    let rate = 0;
    for (const i of this.active) {
      const f = this.history[i];
      if (f.type === 'init-failure' && (f.function === null || this.sim.fnByName.get(f.function)?.index === fn)) rate = Math.max(rate, f.rate);
    }
    return rate;
  }
}

/**
 * A worker fails: every environment on it vanishes (in-flight requests get a service error;
 * async events return to the queue through the 5xx path), and a replacement joins the fleet.
 * 'any' picks one of the active workers with the seeded fault stream. Returns its id (0: none).
 */
function failWorker(sim: Simulation, which: 'any' | number, onFail: (w: Worker) => void): number {
  const active = [...sim.workers.values()].filter((w) => w.state !== 'Terminated');
  const w = which === 'any' ? active[sim.rng.faults.int(Math.max(1, active.length))] : sim.workers.get(which);
  if (!w) return 0;
  onFail(w);
  for (const env of [...sim.environments.values()]) {
    if (env.worker === w.id) loseEnvironment(sim, env, 'worker-lost');
  }
  sim.workers.delete(w.id);
  w.state = 'Terminated';
  sim.workersFailed++;
  if (sim.workers.size < sim.scenario.fleet.workers) addWorker(sim, sim.nowMs, sim.nowMs + sim.scenario.fleet.leaseMs);
  return w.id;
}
