import type { DebugToWorker, FromWorker, Recorded, RunExport, SeriesPoint, ToWorker } from '../protocol/messages';
import type { FrameView } from '../core/index';
import { notify, useUi } from './store/uiStore';
import { recordFrameTime } from './frameStats';
import { formatTime } from './format';
import type { WorkbenchReply } from '../protocol/workbench';
import { onWorkbenchProgress } from './workbench/wbStore';

/**
 * The only app module that knows about the worker. Sends typed messages; resolves the
 * page's promises when the worker answers; turns frames into store updates and acknowledges
 * each frame after the browser has painted it (so frames never queue up).
 *
 * It also keeps what a new worker needs to rebuild the run if this one dies: the scenario and
 * seed (in the store), every recorded user input (each `done` reply carries it, with its
 * place in the log) and the exact moment last shown (time and event count, from each frame).
 * A heartbeat notices a worker that stopped answering.
 */
export type Reply = { ok: boolean; message?: string; problems?: string[]; frame?: FrameView; run?: RunExport; cancelled?: boolean; timeMs?: number; series?: { timeMs: number[]; values: number[]; intervalMs: number }; wb?: WorkbenchReply };
type Request = ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (v: Reply) => void; inputs?: Recorded[] }>();
/** The run's input log, as the worker recorded it (including inputs ahead of the moment shown). */
let inputLog: Recorded[] = [];
/** The exact moment on screen. */
let shown = { atMs: 0, events: 0 };
let heartbeat: ReturnType<typeof setInterval> | null = null;
let awaitingPong: { n: number; sentMs: number } | null = null;
let pingN = 0;
/** A worker that has not answered a ping for this long is dead (its slices are ≤ ~15 ms). */
const DEAD_AFTER_MS = 10_000;
const PING_EVERY_MS = 2_000;

export const recordedInputs = (): readonly Recorded[] => inputLog;
export const shownMoment = () => ({ ...shown });

export function startWorker(): void {
  if (worker) return;
  worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    workerDied(`failed outside its handlers: ${e.message || 'unknown error'}`);
  };
  awaitingPong = null;
  heartbeat = setInterval(() => {
    if (!worker) return;
    const now = performance.now();
    if (awaitingPong) {
      if (now - awaitingPong.sentMs > DEAD_AFTER_MS) workerDied(`stopped answering (no reply for ${DEAD_AFTER_MS / 1000} s)`);
      return;
    }
    awaitingPong = { n: ++pingN, sentMs: now };
    worker.postMessage({ type: 'ping', n: pingN } satisfies ToWorker);
  }, PING_EVERY_MS);
}

export function stopWorker(): void {
  worker?.terminate();
  worker = null;
  if (heartbeat) clearInterval(heartbeat);
  heartbeat = null;
  for (const p of pending.values()) p.resolve({ ok: false, message: 'the simulation worker stopped' });
  pending.clear();
}

/** The worker is gone (an uncaught error, or it stopped answering): say so, and what a restart will do. */
function workerDied(why: string): void {
  stopWorker();
  useUi.setState({ error: { message: `The simulation worker ${why}.`, recoverable: false, moment: { ...shown }, inputs: inputsUpTo(shown) }, progress: null, playing: false });
}

/** How many recorded inputs were applied by a moment. */
function inputsUpTo(m: { atMs: number; events: number }): number {
  return inputLog.filter((x) => x.afterEvents < m.events || (x.afterEvents === m.events && x.atMs <= m.atMs)).length;
}

/**
 * After the worker died: a new one, the same scenario and seed, every recorded input, and the
 * exact moment last shown (time and event count). Resolves with what to tell the user.
 */
export async function restartWorker(): Promise<void> {
  const s = useUi.getState();
  const moment = { ...shown };
  const inputs = inputLog.slice();
  stopWorker();
  startWorker();
  useUi.setState({ error: null });
  const r = await request({ type: 'load', scenario: s.scenarioJson, seed: s.seed, inputs, playing: false, speed: s.speed });
  if (!r.ok) return void useUi.setState({ error: { message: `Restart failed: ${r.message}`, recoverable: false, moment, inputs: inputsUpTo(moment) } });
  const g = await request({ type: 'seek', timeMs: moment.atMs, events: moment.events });
  if (g.cancelled) return; // the worker's message says where the run stopped
  if (!g.ok) return void useUi.setState({ error: { message: `Restart failed while replaying: ${g.message}`, recoverable: false, moment, inputs: inputsUpTo(moment) } });
  const applied = inputsUpTo(moment);
  notify(`A new simulation worker resumed the run at t = ${formatTime(moment.atMs)} (after event ${moment.events.toLocaleString('en-US')}) with ${describeInputs(applied, inputs.length)}.`, 'info');
}

/** After an error inside a living worker: it rebuilds the run from checkpoints to its last good moment. */
export async function restartInWorker(): Promise<void> {
  useUi.setState({ error: null });
  const r = await request({ type: 'restart' });
  if (r.ok) notify(r.message ?? 'Restarted.', 'info');
  else if (!r.cancelled) useUi.setState({ error: { message: `Restart failed: ${r.message}`, recoverable: false, moment: { ...shown }, inputs: inputsUpTo(shown) } });
}

function describeInputs(applied: number, total: number): string {
  const later = total - applied;
  const base = applied === 0 ? 'no user inputs before that moment' : applied === 1 ? 'your 1 input up to then' : `all ${applied} of your inputs up to then`;
  return later > 0 ? `${base} (and the ${later} made later in the explored run, kept for seeking forward)` : base;
}

export function send(msg: Extract<ToWorker, { type: 'play' | 'pause' | 'setSpeed' | 'frameAck' | 'cancel' | 'wb.cancel' }>): void {
  worker?.postMessage(msg);
}

/** Diagnostics (builds made for tests only: the worker ignores it otherwise). */
export function sendDebug(msg: DebugToWorker): void {
  worker?.postMessage(msg);
}

export function request(msg: Request): Promise<Reply> {
  return new Promise((resolve) => {
    if (!worker) return resolve({ ok: false, message: 'the simulation worker is not running' });
    const requestId = nextId++;
    pending.set(requestId, { resolve, inputs: msg.type === 'load' ? msg.inputs ?? [] : undefined });
    worker.postMessage({ ...msg, requestId } as ToWorker);
  });
}

function settle(requestId: number, value: Reply): void {
  const p = pending.get(requestId);
  if (useUi.getState().progress?.requestId === requestId) useUi.setState({ progress: null });
  if (!p) return;
  pending.delete(requestId);
  p.resolve(value);
}

function mergeSeries(old: SeriesPoint[], from: number, points: SeriesPoint[]): SeriesPoint[] {
  if (from === old.length && points.length === 0) return old;
  return from === 0 ? points : [...old.slice(0, from), ...points];
}

function onMessage(m: FromWorker): void {
  awaitingPong = null; // any message proves the worker is alive
  switch (m.type) {
    case 'ready':
      useUi.setState({ ready: true, environmentMachine: m.environmentMachine });
      return;
    case 'loaded':
      if (m.ok) {
        inputLog = (pending.get(m.requestId)?.inputs ?? []).slice();
        shown = { atMs: 0, events: 0 };
        useUi.setState((s) => ({ scenarioName: m.name, seed: m.seed, durationMs: m.durationMs, scenarioJson: m.scenario, error: null, selected: null, loads: s.loads + 1 }));
        settle(m.requestId, { ok: true });
      } else {
        settle(m.requestId, { ok: false, problems: m.problems, message: m.problems.join('\n') });
      }
      return;
    case 'frame': {
      const t0 = performance.now();
      shown = { atMs: m.frame.timeMs, events: m.events };
      const series = mergeSeries(useUi.getState().series, m.seriesFrom, m.series);
      useUi.setState({ frame: m.frame, playing: m.playing, speed: m.speed, lagging: m.lagging, series, seriesIntervalMs: m.seriesIntervalMs });
      requestAnimationFrame(() => {
        recordFrameTime(performance.now() - t0);
        worker?.postMessage({ type: 'frameAck' } satisfies ToWorker);
      });
      return;
    }
    case 'done':
      if (m.recorded) {
        const { index, ...r } = m.recorded;
        inputLog.length = Math.min(inputLog.length, index);
        inputLog.push(r);
      }
      if (m.cancelled && m.message) notify(m.timeMs === undefined ? m.message : `${m.message} (${formatTime(m.timeMs)})`, 'info');
      settle(m.requestId, { ok: m.ok, message: m.message, cancelled: m.cancelled, timeMs: m.timeMs });
      return;
    case 'snapshot':
      settle(m.requestId, { ok: true, frame: m.frame });
      return;
    case 'series':
      settle(m.requestId, { ok: true, series: { timeMs: m.timeMs, values: m.values, intervalMs: m.intervalMs } });
      return;
    case 'exportRun':
      settle(m.requestId, { ok: true, run: m.run });
      return;
    case 'progress':
      useUi.setState({ progress: { requestId: m.requestId, op: m.op, atMs: m.atMs, targetMs: m.targetMs, fraction: m.fraction, elapsedMs: m.elapsedMs, etaMs: m.etaMs } });
      return;
    case 'notice':
      notify(m.text, m.kind);
      return;
    case 'pong':
      return;
    case 'error':
      useUi.setState({ error: { message: m.message, stack: m.stack, recoverable: m.recoverable, moment: m.goodMoment, inputs: m.inputs }, progress: null });
      return;
    // The workbench (issue #12): src/app/workbench/.
    case 'wb.reply':
      settle(m.requestId, m.ok ? { ok: true, wb: m.reply } : { ok: false, problems: m.problems, message: m.problems.join('\n') });
      return;
    case 'wb.progress':
      onWorkbenchProgress(m);
      return;
  }
}
