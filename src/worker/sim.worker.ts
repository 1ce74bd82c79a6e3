/// <reference lib="webworker" />
import { ASYNC_EVENT_TABLE, ENVIRONMENT_TABLE, MAX_SIMULATED_MS, MAX_SIMULATED_TEXT, parseScenario, toView } from '../core/index';
import { buildFrame, playSlice } from './playback';
import { PROTOCOL_VERSION, assertNever, type DebugToWorker, type FromWorker, type Input, type ToWorker } from '../protocol/messages';
import { isSeriesName, seriesValues } from '../protocol/series';
import { debugCrash, injectedCrash } from './debugCrash';
import { UserError, checkRecorded, timeProblem } from './inputs';
import { JobRunner } from './jobRunner';
import { jobSpecs } from './jobSpecs';
import { Pacer } from './pacer';
import { resolveScenarioInput } from './scenarioInput';
import { SeriesDelta } from './seriesDelta';
import { Session } from './session';
import { isWorkbenchMessage, type WorkbenchToWorker } from '../protocol/workbench';
import { handleWorkbench, type WorkbenchHost } from './workbench/handler';
import { jobRunning as workbenchJob } from './workbench/jobs';

/**
 * The simulation worker: hosts one Session, paces it against wall time, runs long operations
 * as sliced jobs (progress, cancel; other messages are answered between slices), and posts
 * at most one frame per animation frame (the page acknowledges each frame after drawing it).
 * Every handler is guarded: an exception becomes an `error` message, never a silent death.
 */
const DEBUG = import.meta.env.MODE === 'e2e'; // debug hooks exist only in builds made for tests
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);

const pacer = new Pacer();
const jobs = new JobRunner(() => pacer.wallNow(), (p) => post({ type: 'progress', ...p }));
/** Requests that arrived while a job ran: handled in order when it ends. */
const deferred: Exclude<ToWorker, WorkbenchToWorker>[] = [];
/** Answered at once, even while a job runs. */
const IMMEDIATE = new Set<ToWorker['type']>(['play', 'pause', 'setSpeed', 'frameAck', 'snapshot', 'series', 'cancel', 'ping', 'load']);
let session: Session | null = null;
/** Set after an error: the run waits for a restart (or a new load); changes are refused meanwhile. */
let broken: string | null = null;
let playing = false;
/** Virtual time at which playing stops by itself (a tour step's window end), or Infinity. */
let untilMs = Infinity;
let frameWanted = true; // the page has drawn the last frame and wants another
let dirty = true;
let lagging = false;
let loadedScenario: unknown = null;
let timer: ReturnType<typeof setTimeout> | -1 | null = null; // -1: a wake-up message is on its way
const series = new SeriesDelta();
/** Wall ms per slice of work: the worker answers messages between slices. */
const TICK_BUDGET_MS = 10;
/** Minimum wall time between frames (frames cost the worker time it could spend simulating). */
const FRAME_GAP_MS = 14;
const FRAME_GAP_LAGGING_MS = 40;
/** While a job runs for longer than a second, a frame every half second shows where it is. */
const FRAME_GAP_JOB_MS = 500;
let lastFrameWallMs = -Infinity;

/**
 * While busy, the next tick is a message to ourselves: it yields to the page's messages like
 * any task, without the ≥4 ms clamp browsers put on nested setTimeout(0).
 */
const wake = new MessageChannel();
wake.port1.onmessage = () => tick();

function schedule(): void {
  if (timer !== null) return;
  if (jobs.busy || (playing && lagging)) {
    timer = -1;
    wake.port2.postMessage(null);
  } else {
    timer = setTimeout(tick, playing ? 4 : 16); // keeping up: sleep, don't spin the CPU
  }
}

function tick(): void {
  if (timer !== null && timer !== -1) clearTimeout(timer);
  timer = null;
  if (!session) return;
  try {
    if (DEBUG) injectedCrash();
    if (jobs.busy) {
      if (jobs.slice(TICK_BUDGET_MS)) {
        dirty = true;
        pacer.start(); // playback resumes from here, not from before the job
        while (!jobs.busy && deferred.length) route(deferred.shift()!);
      } else if (jobs.elapsedMs > 1000 && frameWanted && pacer.wallNow() - lastFrameWallMs >= FRAME_GAP_JOB_MS) sendFrame();
    } else if (playing && !broken) play(session);
    const gap = lagging && pacer.speed !== Infinity ? FRAME_GAP_LAGGING_MS : FRAME_GAP_MS;
    if (!jobs.busy && dirty && frameWanted && (!playing || pacer.wallNow() - lastFrameWallMs >= gap)) sendFrame();
  } catch (e) {
    fail(e);
  }
  if (jobs.busy || playing || dirty) schedule();
}

function play(s: Session): void {
  const r = playSlice(s, pacer, TICK_BUDGET_MS, untilMs);
  lagging = r.lagging;
  dirty = true;
  if (r.stop) { playing = false; untilMs = Infinity; }
  if (r.stop === 'max-time') post({ type: 'notice', kind: 'info', text: `Playback stopped at the maximum simulated time, ${MAX_SIMULATED_TEXT}.` });
}

function sendFrame(): void {
  if (!session) return;
  post(buildFrame(session, series, { playing, speed: pacer.speed, lagging }));
  frameWanted = false;
  dirty = false;
  lastFrameWallMs = pacer.wallNow();
}

function fail(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  playing = false;
  broken = err.message;
  const spec = jobs.drop();
  if (spec?.requestId != null) done(spec.requestId, false, `${spec.op} failed: ${err.message}`);
  for (const m of deferred.splice(0)) refuse(m, `the simulation stopped with an error (${err.message})`);
  const good = session?.goodMoment();
  const inputs = good ? session!.inputLog.filter((r) => r.afterEvents < good.events || (r.afterEvents === good.events && r.atMs <= good.atMs)).length : 0;
  post({ type: 'error', message: err.message, stack: err.stack, recoverable: session !== null, goodMoment: good, inputs });
}

function done(requestId: number, ok = true, message?: string, extra: Partial<Extract<FromWorker, { type: 'done' }>> = {}): void {
  post({ type: 'done', requestId, ok, message, ...extra });
}

function refuse(m: ToWorker, reason: string): void {
  if ('requestId' in m) done(m.requestId, false, reason, { cancelled: true });
}

function cancelAll(reason: string): void {
  jobs.cancel(reason);
  for (const m of deferred.splice(0)) refuse(m, `cancelled ${reason}`);
}

const specs = jobSpecs({
  session: () => session!,
  done,
  post,
  changed: () => { dirty = true; },
  pause: () => { playing = false; },
  scenario: () => loadedScenario,
});

function userAction(requestId: number, input: Input): void {
  if (!session) return done(requestId, false, 'no scenario is loaded');
  if (broken) return done(requestId, false, `the simulation stopped with an error; restart it first (${broken})`);
  let r: ReturnType<Session['apply']>;
  try {
    r = session.apply(input);
  } catch (e) {
    if (e instanceof UserError) return done(requestId, false, e.message); // broke a rule: not recorded
    throw e;
  }
  dirty = true;
  schedule(); // paused or not, the page must see the effect
  done(requestId, r.ok, r.message, { recorded: { ...r.recorded, index: r.index } });
}

function handle(msg: Exclude<ToWorker, WorkbenchToWorker> | DebugToWorker): void {
  if (DEBUG && msg.type === 'debugCrash') return debugCrash(msg.mode, schedule, () => scope.close());
  const m = msg as Exclude<ToWorker, WorkbenchToWorker>;
  if (jobs.busy && !IMMEDIATE.has(m.type)) {
    deferred.push(m);
    return;
  }
  // The workbench runs its own jobs on the same session: changes wait until it is done.
  const wb = IMMEDIATE.has(m.type) ? null : workbenchJob();
  if (wb && 'requestId' in m) return done(m.requestId, false, `${wb} is still running: wait for it or cancel it`);
  const needRun = (id: number): Session | null => {
    if (!session) done(id, false, 'no scenario is loaded');
    else if (broken) done(id, false, `the simulation stopped with an error; restart it first (${broken})`);
    else return session;
    return null;
  };
  switch (m.type) {
    case 'load': {
      cancelAll('because a new scenario was loaded');
      const input = resolveScenarioInput(m.scenario);
      if (!input.ok) return post({ type: 'loaded', requestId: m.requestId, ok: false, problems: [input.problem] });
      const parsed = parseScenario(input.value, m.seed === undefined ? {} : { seed: m.seed });
      if (!parsed.ok) return post({ type: 'loaded', requestId: m.requestId, ok: false, problems: parsed.problems });
      const bad = m.inputs === undefined ? null : checkRecorded(m.inputs);
      if (bad) return post({ type: 'loaded', requestId: m.requestId, ok: false, problems: [bad] });
      session = new Session(parsed.scenario, false, { inputs: m.inputs });
      broken = null;
      untilMs = Infinity;
      loadedScenario = input.value;
      playing = m.playing;
      pacer.speed = m.speed;
      pacer.start();
      dirty = true;
      frameWanted = true;
      post({ type: 'loaded', requestId: m.requestId, ok: true, seed: parsed.scenario.seed, name: input.name, durationMs: parsed.scenario.durationMs, scenario: input.value });
      schedule();
      return;
    }
    case 'play':
      playing = true;
      untilMs = m.untilMs ?? Infinity;
      pacer.start();
      dirty = true;
      schedule();
      return;
    case 'pause':
      playing = false;
      untilMs = Infinity;
      dirty = true;
      schedule();
      return;
    case 'setSpeed':
      pacer.speed = m.speed;
      dirty = true;
      schedule();
      return;
    case 'step': {
      const s = needRun(m.requestId);
      if (!s) return;
      playing = false;
      if (m.back) return startJob(specs.stepBack(m.requestId));
      if (m.interesting) return startJob(specs.stepToInteresting(m.requestId));
      if (s.sim.nextEventMs() > MAX_SIMULATED_MS) return done(m.requestId, false, `step(): the next event is past the maximum simulated time, ${MAX_SIMULATED_TEXT}`);
      s.step();
      dirty = true;
      schedule();
      return done(m.requestId);
    }
    case 'seek': {
      if (!needRun(m.requestId)) return;
      const problem = timeProblem(m.timeMs, 'seek(timeMs)') ?? (m.events !== undefined && !(Number.isInteger(m.events) && m.events >= 0) ? `seek: events must be a whole number, at least 0; got ${m.events}` : null);
      if (problem) return done(m.requestId, false, problem);
      return startJob(specs.seek(m.requestId, m.timeMs, m.events));
    }
    case 'invoke':
      return userAction(m.requestId, { kind: 'invoke', function: m.function, mode: m.mode, count: m.count, payloadBytes: m.payloadBytes, tenantId: m.tenantId });
    case 'setLoad':
      return userAction(m.requestId, { kind: 'load', load: m.load });
    case 'controlPlane':
      return userAction(m.requestId, { kind: 'control', call: m.call as never });
    case 'fault':
      return userAction(m.requestId, { kind: 'fault', fault: m.fault });
    case 'snapshot':
      if (!session) return done(m.requestId, false, 'no scenario is loaded');
      post({ type: 'snapshot', requestId: m.requestId, frame: toView(session.sim) });
      return;
    case 'series': {
      if (!session) return done(m.requestId, false, 'no scenario is loaded');
      if (!isSeriesName(m.name)) return done(m.requestId, false, `series(name): unknown series "${String(m.name).slice(0, 40)}"`);
      const v = session.seriesView();
      const points = v.points.slice(0, v.count);
      post({ type: 'series', requestId: m.requestId, timeMs: points.map((p) => p.t), values: seriesValues(points, v.intervalMs, m.name), intervalMs: v.intervalMs });
      return;
    }
    case 'exportRun':
      if (!needRun(m.requestId)) return;
      return startJob(specs.exportRun(m.requestId, m.maxRecords));
    case 'frameAck':
      frameWanted = true;
      if (dirty) schedule();
      return;
    case 'restart':
      // After an error: rebuild from checkpoints and replay to the last good moment, paused there.
      if (!session) return done(m.requestId, false, 'no scenario is loaded');
      broken = null;
      playing = false;
      return startJob(specs.restart(m.requestId));
    case 'cancel':
      cancelAll('by the user');
      dirty = true;
      schedule();
      return;
    case 'ping':
      return post({ type: 'pong', n: m.n });
    default:
      assertNever(m);
  }
}

function startJob(spec: Parameters<JobRunner['start']>[0]): void {
  jobs.start(spec);
  schedule();
}

/** The workbench (issue #12, src/worker/workbench/): trace replay, A/B runs, run-until, exports. */
const workbenchHost: WorkbenchHost = {
  get session() { return session; },
  get scenarioJson() { return loadedScenario; },
  load(scenario, name) {
    session = new Session(scenario);
    broken = null;
    playing = false;
    dirty = true;
    frameWanted = true;
    post({ type: 'loaded', requestId: 0, ok: true, seed: scenario.seed, name, durationMs: scenario.durationMs, scenario: loadedScenario });
    schedule();
  },
  pause() { playing = false; },
  changed() { dirty = true; schedule(); },
  post: (m) => scope.postMessage(m),
};

/** Workbench requests that only read: answered even while one of our jobs runs. */
const WORKBENCH_READS = new Set(['wb.cancel', 'wb.estimates', 'wb.envHistory']);

function route(m: ToWorker | DebugToWorker): void {
  if (!isWorkbenchMessage(m)) return handle(m);
  if (jobs.busy && !WORKBENCH_READS.has(m.type) && 'requestId' in m) {
    return post({ type: 'wb.reply', requestId: m.requestId, ok: false, problems: [`a ${jobs.op} is still running: wait for it or cancel it`] });
  }
  handleWorkbench(m, workbenchHost);
}

scope.onmessage = (e: MessageEvent<ToWorker | DebugToWorker>) => {
  try {
    if (isWorkbenchMessage(e.data)) return handleWorkbench(e.data, workbenchHost);
    handle(e.data as Exclude<ToWorker, WorkbenchToWorker>);
  } catch (err) {
    fail(err);
    const id = (e.data as { requestId?: number }).requestId;
    if (id !== undefined) done(id, false, err instanceof Error ? err.message : String(err));
  }
};

post({ type: 'ready', protocolVersion: PROTOCOL_VERSION, environmentMachine: ENVIRONMENT_TABLE, asyncMachine: ASYNC_EVENT_TABLE });
