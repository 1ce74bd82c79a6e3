import type { FromWorker, JobOp } from '../protocol/messages';
import { MAX_SIMULATED_MS } from '../core/index';
import type { JobSpec } from './jobRunner';
import type { Session } from './session';
import type { ExportedRun } from './exportRun';

type Done = (requestId: number, ok?: boolean, message?: string, extra?: Partial<Extract<FromWorker, { type: 'done' }>>) => void;

export interface JobContext {
  session(): Session;
  done: Done;
  post(m: FromWorker): void;
  /** The run changed: a frame is due. */
  changed(): void;
  pause(): void;
  /** The scenario as the user gave it (for the exported run file). */
  scenario(): unknown;
}

/** "t = 3,600,000 ms": how the worker names a moment in its messages. */
export const at = (ms: number) => `t = ${Math.round(ms).toLocaleString('en-US')} ms`;

/** The long operations the worker runs as jobs, each with its progress and its replies. */
export function jobSpecs(ctx: JobContext) {
  /** Progress by time toward `targetMs` (from where the job was first seen), or by events toward `targetEvents`. */
  const tracker = (s: Session, targetMs: number | null, targetEvents: number | null) => {
    let fromMs: number | null = null, fromEvents: number | null = null;
    return () => {
      const now = s.sim.nowMs, ev = s.sim.eventsProcessed;
      fromMs ??= now;
      fromEvents ??= ev;
      let fraction: number | null = null;
      if (targetEvents !== null && targetEvents > fromEvents) fraction = (ev - fromEvents) / (targetEvents - fromEvents);
      else if (targetMs !== null && targetMs > fromMs) fraction = (now - fromMs) / (targetMs - fromMs);
      return { atMs: now, targetMs, fraction: fraction === null ? null : Math.max(0, Math.min(1, fraction)) };
    };
  };
  const cancelled = (s: Session, requestId: number, op: string) => (reason: string) => {
    ctx.pause();
    ctx.changed();
    ctx.done(requestId, false, `${op} cancelled ${reason}; the run is paused at ${at(s.sim.nowMs)}`, { cancelled: true, timeMs: s.sim.nowMs });
  };
  const finished = (s: Session, requestId: number, message?: string) => {
    ctx.changed();
    ctx.done(requestId, true, message, { timeMs: s.sim.nowMs });
  };
  const spec = <T>(op: JobOp, requestId: number, job: Generator<unknown, T>, position: JobSpec<T>['position'], finish: (r: T) => void, onCancel: (reason: string) => void): JobSpec<T> =>
    ({ op, requestId, job, position, finish, cancelled: onCancel });

  return {
    seek(requestId: number, timeMs: number, events?: number): JobSpec<boolean> {
      const s = ctx.session();
      return spec('seek', requestId, s.seekJob(timeMs, events ?? Infinity), tracker(s, timeMs, events ?? null), () => finished(s, requestId), cancelled(s, requestId, 'seek'));
    },
    stepBack(requestId: number): JobSpec<void> {
      const s = ctx.session();
      return spec('stepBack', requestId, s.stepBackJob(), tracker(s, null, Math.max(0, s.sim.eventsProcessed - 1)), () => finished(s, requestId), cancelled(s, requestId, 'step back'));
    },
    stepToInteresting(requestId: number): JobSpec<boolean> {
      const s = ctx.session();
      return spec('stepToInteresting', requestId, s.stepInterestingJob(10_000_000, MAX_SIMULATED_MS), tracker(s, null, null),
        (found) => finished(s, requestId, found ? undefined : `no interesting event within 10,000,000 events or before the maximum simulated time; stopped at ${at(s.sim.nowMs)}`),
        cancelled(s, requestId, 'run to the next interesting event'));
    },
    restart(requestId: number): JobSpec<boolean> {
      const s = ctx.session();
      const m = s.goodMoment();
      return spec('restart', requestId, s.recoverJob(), tracker(s, m.atMs, m.events), () => {
        const n = s.inputsApplied;
        finished(s, requestId, `Resumed at ${at(s.sim.nowMs)} (after event ${s.sim.eventsProcessed.toLocaleString('en-US')}) with ${n === 1 ? 'the 1 input' : `all ${n} inputs`} applied up to then.`);
      }, cancelled(s, requestId, 'restart'));
    },
    exportRun(requestId: number, maxRecords: number): JobSpec<ExportedRun> {
      const s = ctx.session();
      const timeMs = s.sim.nowMs;
      return spec('export', requestId, s.exportJob(maxRecords), (f) => ({ atMs: timeMs, targetMs: null, fraction: typeof f === 'number' ? f : null }), (run) => {
        ctx.post({
          type: 'exportRun', requestId,
          run: {
            format: 'lambdascope-run/1', scenario: ctx.scenario(), seed: s.scenario.seed, timeMs, inputs: run.inputs,
            eventLog: { records: run.records, included: run.entries.length, sha256: run.sha256, entries: run.entries.map((e) => ({ atMs: e.atMs, kind: e.kind, text: e.text })) },
            summary: run.summary,
          },
        });
      }, (reason) => ctx.done(requestId, false, `export cancelled ${reason}`, { cancelled: true, timeMs }));
    },
  };
}
