import { checkInvokeRequest, type FrameView, type InvokeMode } from '../core/index';
import type { LambdaSimPageApi, Snapshot } from '../protocol/pageApi';
import { MAX_SIMULATED_MS, MAX_SIMULATED_TEXT } from '../core/index';
import { SERIES_NAMES, isSeriesName } from '../protocol/series';
import { frameStats } from './frameStats';
import { request, send, type Reply } from './simClient';
import { notify, useUi } from './store/uiStore';
import { MAX_SPEED, MIN_SPEED } from './url';

const MODES: InvokeMode[] = ['RequestResponse', 'Event', 'DryRun'];

/** A rejection of the page API; `cancelled` when the user (or a new load) stopped a long operation. */
export class PageApiError extends Error {
  constructor(message: string, readonly cancelled = false) { super(message); }
}

async function check(p: Promise<Reply>, what: string): Promise<Reply> {
  const r = await p;
  if (!r.ok) throw new PageApiError(`${what}: ${r.message ?? 'failed'}`, r.cancelled === true);
  return r;
}

/**
 * For the page's own buttons and keys: a refusal becomes a notice instead of an unhandled
 * rejection; a cancellation is already announced (the worker's message says where the run is).
 */
export function quietly(p: Promise<unknown>): Promise<void> {
  return p.then(() => undefined, (e: unknown) => {
    if (!(e instanceof PageApiError && e.cancelled)) notify(e instanceof Error ? e.message : String(e), 'warning');
  });
}

export function toSnapshot(f: FrameView): Snapshot {
  const e = f.environments;
  const environments = Array.from({ length: e.count }, (_, i) => ({
    id: `env-${e.id[i]}`, function: f.functions[e.fn[i]]?.name ?? '?', version: e.version[i], worker: `worker-${e.worker[i]}`,
    state: f.stateNames[e.state[i]], provisioned: e.provisioned[i] === 1,
  }));
  return {
    timeMs: f.timeMs,
    environments,
    workers: f.workers.map((w) => ({ id: `worker-${w.id}`, state: w.state })),
    queueDepth: f.queue.depth,
    summary: f.summary,
  };
}

/**
 * `window.lambdaSim` (CONTRACTS.md §4): a small scripting surface for slides, the console and
 * tests. Bad calls throw (or reject) with a message naming the argument and the rule.
 */
export const pageApi: LambdaSimPageApi = {
  async load(scenario) {
    if (scenario === null || (typeof scenario !== 'object' && typeof scenario !== 'string')) {
      throw new TypeError('load(scenario): scenario must be a scenario object, a preset name or base64url JSON');
    }
    const { playing, speed } = useUi.getState();
    const r = await request({ type: 'load', scenario, playing, speed });
    if (!r.ok) throw new Error(`load(scenario): invalid scenario:\n${(r.problems ?? [r.message]).join('\n')}`);
  },
  play: () => send({ type: 'play' }),
  pause: () => send({ type: 'pause' }),
  step: async () => void (await check(request({ type: 'step' }), 'step()')),
  stepToInteresting: async () => void (await check(request({ type: 'step', interesting: true }), 'stepToInteresting()')),
  stepBack: async () => void (await check(request({ type: 'step', back: true }), 'stepBack()')),
  setSpeed(x) {
    if (typeof x !== 'number' || !(x === Infinity || (x >= MIN_SPEED && x <= MAX_SPEED))) {
      throw new RangeError(`setSpeed(x): x must be a number from ${MIN_SPEED} to ${MAX_SPEED} (virtual ms per wall ms), or Infinity for as fast as possible; got ${String(x)}`);
    }
    send({ type: 'setSpeed', speed: x });
    useUi.setState({ speed: x });
  },
  async seek(timeMs) {
    if (typeof timeMs !== 'number' || !Number.isFinite(timeMs) || timeMs < 0) throw new RangeError(`seek(timeMs): timeMs must be a finite number of ms, at least 0; got ${String(timeMs)}`);
    if (timeMs > MAX_SIMULATED_MS) {
      const message = `seek(timeMs): ${timeMs} ms is past the maximum simulated time, ${MAX_SIMULATED_TEXT}`;
      notify(message, 'warning');
      throw new RangeError(message);
    }
    await check(request({ type: 'seek', timeMs }), 'seek()');
  },
  async invoke(req) {
    // The core's validator: the same rules and messages as the worker applies.
    const r = checkInvokeRequest(req);
    if (!r.ok) throw new RangeError(`invoke(req): ${r.problems.join('; ')}`);
    await check(request({ type: 'invoke', ...r.value }), 'invoke()');
  },
  async snapshot() {
    const r = await request({ type: 'snapshot' });
    if (!r.ok || !r.frame) throw new Error(`snapshot(): ${r.message ?? 'no scenario is loaded'}`);
    return toSnapshot(r.frame);
  },
  frameStats,
  async setLiveLoad(entry) {
    if (entry !== null && (typeof entry !== 'object' || typeof entry.function !== 'string' || !entry.arrival || typeof entry.arrival !== 'object')) {
      throw new TypeError('setLiveLoad(entry): entry must be null or { function, mode?, arrival }');
    }
    const mode = entry?.mode ?? 'RequestResponse';
    if (!MODES.includes(mode)) throw new RangeError(`setLiveLoad(entry): entry.mode must be one of ${MODES.join(', ')}; got ${String(mode)}`);
    await check(request({ type: 'setLoad', load: entry && { function: entry.function, mode, arrival: entry.arrival as never } }), 'setLiveLoad()');
  },
  async exportRun() {
    const r = await check(request({ type: 'exportRun', maxRecords: 200_000 }), 'exportRun()');
    return r.run!;
  },
  async series(name) {
    if (!isSeriesName(name)) throw new RangeError(`series(name): name must be one of ${SERIES_NAMES.join(', ')}; got ${String(name)}`);
    const r = await check(request({ type: 'series', name }), 'series()');
    return { timeMs: r.series!.timeMs, values: r.series!.values };
  },
  cancel: () => send({ type: 'cancel' }),
};
