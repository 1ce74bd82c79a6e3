import type { JobOp } from '../protocol/messages';

/** Where a job is: the run's clock, its target, how far along (0–1, or null when unknown). */
export interface JobPosition { atMs: number; targetMs: number | null; fraction: number | null }

export interface JobSpec<T> {
  op: JobOp;
  requestId: number | null;
  job: Generator<unknown, T>;
  position(yielded: unknown): JobPosition;
  /** Called once with the result when the job ends by itself. */
  finish(result: T): void;
  /** Called once when the job is stopped before its end; the run stays at its last yield. */
  cancelled(reason: string): void;
}

export interface ProgressReport extends JobPosition { requestId: number | null; op: JobOp; elapsedMs: number; etaMs: number | null }

/** Wall time between progress reports, ms. */
const PROGRESS_EVERY_MS = 100;

/**
 * Runs one long operation at a time in time-budgeted slices. Between slices the worker's
 * event loop answers other messages, so the worker never stops answering; a job can be
 * cancelled at any slice boundary. The clock is injected (the worker passes
 * performance.now; tests pass a fake), so this file runs in Node as it does in the worker.
 */
export class JobRunner {
  private current: { spec: JobSpec<unknown>; startedMs: number; reportedMs: number; last: unknown } | null = null;

  constructor(private readonly now: () => number, private readonly report: (p: ProgressReport) => void) {}

  get busy(): boolean { return this.current !== null; }
  get op(): JobOp | null { return this.current?.spec.op ?? null; }
  /** Wall ms the current job has run. */
  get elapsedMs(): number { return this.current ? this.now() - this.current.startedMs : 0; }

  start<T>(spec: JobSpec<T>): void {
    if (this.current) throw new Error(`a ${this.current.spec.op} job is already running`);
    const t = this.now();
    this.current = { spec: spec as JobSpec<unknown>, startedMs: t, reportedMs: t, last: undefined };
  }

  /**
   * Runs the current job until it ends or `budgetMs` of wall time has passed. Returns true if
   * it ended. An exception from the job propagates; the caller then `drop()`s the job and
   * answers its request with the error.
   */
  slice(budgetMs: number): boolean {
    const c = this.current;
    if (!c) return true;
    const deadline = this.now() + budgetMs;
    for (;;) {
      const r = c.spec.job.next();
      if (r.done) {
        this.current = null;
        c.spec.finish(r.value);
        return true;
      }
      c.last = r.value;
      if (this.now() >= deadline) break;
    }
    const t = this.now();
    if (t - c.reportedMs >= PROGRESS_EVERY_MS) {
      c.reportedMs = t;
      const p = c.spec.position(c.last);
      const elapsedMs = t - c.startedMs;
      // An estimate once there is something to go by: a second of work, or a percent done.
      const etaMs = p.fraction !== null && p.fraction > 0 && (p.fraction > 0.01 || elapsedMs > 1000) ? (elapsedMs * (1 - p.fraction)) / p.fraction : null;
      this.report({ ...p, requestId: c.spec.requestId, op: c.spec.op, elapsedMs, etaMs });
    }
    return false;
  }

  /** Stops the current job at its last yield (a consistent moment). Returns false if none ran. */
  cancel(reason: string): boolean {
    const c = this.current;
    if (!c) return false;
    this.current = null;
    c.spec.job.return(undefined as never);
    c.spec.cancelled(reason);
    return true;
  }

  /** Forgets the current job after it failed (no reply: the caller sends the error). */
  drop(): JobSpec<unknown> | null {
    const c = this.current;
    this.current = null;
    return c?.spec ?? null;
  }
}
