/// <reference lib="webworker" />
import { ASYNC_EVENT_TABLE, ENVIRONMENT_TABLE, parseScenario, toView } from '../core/index';
import { PROTOCOL_VERSION, assertNever, type FromWorker, type ToWorker } from '../protocol/messages';
import { Pacer } from './pacer';
import { resolveScenarioInput } from './scenarioInput';
import { Session, UserError, type Input } from './session';
import { isWorkbenchMessage, type WorkbenchToWorker } from '../protocol/workbench';
import { handleWorkbench, type WorkbenchHost } from './workbench/handler';

/**
 * The simulation worker: hosts one Session, paces it against wall time, and posts at most
 * one frame per animation frame (the page acknowledges each frame after drawing it).
 * Every handler is guarded: an exception becomes an `error` message, never a silent death.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);

const pacer = new Pacer();
let session: Session | null = null;
let playing = false;
let frameWanted = true;   // the page has drawn the last frame and wants another
let dirty = true;
let lagging = false;
let lastGoodMs = 0;
let loadedScenario: unknown = null;
let crashNextTick = false;
let timer: ReturnType<typeof setTimeout> | -1 | null = null; // -1: a wake-up message is on its way
/** Series points already sent; reset after a load or a seek back. */
let seriesSent = 0;
let seriesReset = true;
let seriesGeneration = -1;
const TICK_BUDGET_MS = 10;
/**
 * Minimum wall time between frames. Building and posting a frame costs the worker time it
 * could spend simulating, so when the simulation falls behind the requested speed, frames
 * yield (~25 per second) until it catches up.
 */
const FRAME_GAP_MS = 14;
const FRAME_GAP_LAGGING_MS = 40;
let lastFrameWallMs = -Infinity;

/**
 * While playing, the next tick is a message to ourselves: it yields to the page's messages
 * like any task, without the ≥4 ms clamp browsers put on nested setTimeout(0) — that clamp
 * alone would idle the worker for up to a third of every 10 ms tick.
 */
const wake = new MessageChannel();
wake.port1.onmessage = () => tick();

function schedule(): void {
  if (timer !== null) return;
  if (playing && lagging) {
    timer = -1; // behind the requested speed: no sleep at all
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
    if (crashNextTick) {
      crashNextTick = false;
      throw new Error('injected crash (diagnostics): the simulation threw while running');
    }
    if (playing) {
      const advance = pacer.advance();
      const deadline = pacer.budget(TICK_BUDGET_MS);
      const target = advance === Infinity ? Infinity : session.sim.nowMs + advance;
      const reached = session.runTo(target, () => pacer.wallNow() > deadline);
      lagging = !reached || advance === Infinity; // as fast as possible: always behind
      dirty = true;
      if (session.sim.nextEventMs() === Infinity && advance === Infinity) playing = false;
    }
    lastGoodMs = session.sim.nowMs;
    const gap = lagging && pacer.speed !== Infinity ? FRAME_GAP_LAGGING_MS : FRAME_GAP_MS;
    if (dirty && frameWanted && (!playing || pacer.wallNow() - lastFrameWallMs >= gap)) sendFrame();
  } catch (e) {
    fail(e);
    playing = false;
  }
  if (playing || dirty) schedule();
}

function sendFrame(): void {
  if (!session) return;
  session.sample();
  const frame = toView(session.sim, { recentLimit: 120, inflightLimit: 200, logLimit: 150 });
  const series = session.series;
  if (session.seriesGeneration !== seriesGeneration) {
    seriesGeneration = session.seriesGeneration;
    seriesReset = true;
  }
  const delta = seriesReset ? series.slice() : series.slice(Math.min(seriesSent, series.length));
  post({ type: 'frame', frame, playing, speed: pacer.speed, lagging, series: delta, seriesReset });
  seriesSent = series.length;
  seriesReset = false;
  frameWanted = false;
  dirty = false;
  lastFrameWallMs = pacer.wallNow();
}

function fail(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', message: err.message, stack: err.stack, recoverable: session !== null });
}

function done(requestId: number, ok = true, message?: string): void {
  post({ type: 'done', requestId, ok, message });
}

function userAction(requestId: number, input: Input): void {
  if (!session) return done(requestId, false, 'no scenario is loaded');
  try {
    const message = session.apply(input);
    dirty = true;
    schedule(); // paused or not, the page must see the effect
    done(requestId, true, message);
  } catch (e) {
    if (e instanceof UserError) done(requestId, false, e.message);
    else throw e;
  }
}

function handle(msg: Exclude<ToWorker, WorkbenchToWorker>): void {
  switch (msg.type) {
    case 'load': {
      const input = resolveScenarioInput(msg.scenario);
      if (!input.ok) return post({ type: 'loaded', requestId: msg.requestId, ok: false, problems: [input.problem] });
      const parsed = parseScenario(input.value, msg.seed === undefined ? {} : { seed: msg.seed });
      if (!parsed.ok) return post({ type: 'loaded', requestId: msg.requestId, ok: false, problems: parsed.problems });
      session = new Session(parsed.scenario);
      loadedScenario = input.value;
      seriesReset = true;
      if (msg.atMs) session.runTo(msg.atMs);
      playing = msg.playing;
      pacer.speed = msg.speed;
      pacer.start();
      dirty = true;
      frameWanted = true;
      post({ type: 'loaded', requestId: msg.requestId, ok: true, seed: parsed.scenario.seed, name: input.name, durationMs: parsed.scenario.durationMs, scenario: input.value });
      schedule();
      return;
    }
    case 'play':
      playing = true;
      pacer.start();
      dirty = true;
      schedule();
      return;
    case 'pause':
      playing = false;
      dirty = true;
      schedule();
      return;
    case 'setSpeed':
      pacer.speed = msg.speed;
      dirty = true;
      schedule();
      return;
    case 'step':
      if (!session) return done(msg.requestId, false, 'no scenario is loaded');
      playing = false;
      if (msg.back) {
        session.stepBack();
        seriesReset = true;
      } else if (msg.interesting) session.stepInteresting();
      else session.step();
      dirty = true;
      schedule();
      return done(msg.requestId);
    case 'seek':
      if (!session) return done(msg.requestId, false, 'no scenario is loaded');
      if (msg.timeMs < session.sim.nowMs) seriesReset = true;
      session.seek(msg.timeMs);
      dirty = true;
      schedule();
      return done(msg.requestId);
    case 'invoke':
      return userAction(msg.requestId, { kind: 'invoke', function: msg.function, mode: msg.mode, count: msg.count, payloadBytes: msg.payloadBytes, tenantId: msg.tenantId });
    case 'setLoad':
      return userAction(msg.requestId, { kind: 'load', load: msg.load });
    case 'controlPlane':
      return userAction(msg.requestId, { kind: 'control', call: msg.call as never });
    case 'fault':
      return userAction(msg.requestId, { kind: 'fault', fault: msg.fault });
    case 'snapshot':
      if (!session) return done(msg.requestId, false, 'no scenario is loaded');
      post({ type: 'snapshot', requestId: msg.requestId, frame: toView(session.sim) });
      return;
    case 'exportRun': {
      if (!session) return done(msg.requestId, false, 'no scenario is loaded');
      const run = session.exportRun(msg.maxRecords);
      post({
        type: 'exportRun', requestId: msg.requestId,
        run: {
          format: 'lambdascope-run/1', scenario: loadedScenario, seed: session.scenario.seed, timeMs: session.sim.nowMs, inputs: run.inputs,
          eventLog: { records: run.records, included: run.entries.length, sha256: run.sha256, entries: run.entries.map((e) => ({ atMs: e.atMs, kind: e.kind, text: e.text })) },
          summary: run.summary,
        },
      });
      return;
    }
    case 'debugCrash':
      crashNextTick = true;
      schedule();
      return;
    case 'frameAck':
      frameWanted = true;
      if (dirty) schedule();
      return;
    case 'restart':
      // Restart from the last good moment: replay to it and pause there.
      if (!session) return done(msg.requestId, false, 'no scenario is loaded');
      session.seek(Math.max(0, lastGoodMs - 1));
      seriesReset = true;
      playing = false;
      dirty = true;
      schedule();
      return done(msg.requestId, true, `restarted at ${Math.round(lastGoodMs)} ms`);
    default:
      assertNever(msg);
  }
}

/** The workbench (issue #12, src/worker/workbench/): trace replay, A/B runs, run-until, exports. */
const workbenchHost: WorkbenchHost = {
  get session() { return session; },
  get scenarioJson() { return loadedScenario; },
  load(scenario, name) {
    session = new Session(scenario);
    seriesReset = true;
    playing = false;
    dirty = true;
    frameWanted = true;
    post({ type: 'loaded', requestId: 0, ok: true, seed: scenario.seed, name, durationMs: scenario.durationMs, scenario: loadedScenario });
    schedule();
  },
  pause() { playing = false; },
  changed() { seriesReset = true; dirty = true; schedule(); },
  post: (m) => scope.postMessage(m),
};

scope.onmessage = (e: MessageEvent<ToWorker>) => {
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
