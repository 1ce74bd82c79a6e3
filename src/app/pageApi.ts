import { checkInvokeRequest } from '../core/index';
import type { LambdaSimPageApi, Snapshot } from '../protocol/pageApi';
import type { FrameView } from '../core/view';
import { frameStats } from './frameStats';
import { request, send } from './simClient';
import { useUi } from './store/uiStore';
import { MAX_SPEED, MIN_SPEED } from './url';

async function check(p: Promise<{ ok: boolean; message?: string }>, what: string): Promise<void> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.message ?? 'failed'}`);
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
  step: () => check(request({ type: 'step' }), 'step()'),
  stepToInteresting: () => check(request({ type: 'step', interesting: true }), 'stepToInteresting()'),
  stepBack: () => check(request({ type: 'step', back: true }), 'stepBack()'),
  setSpeed(x) {
    if (typeof x !== 'number' || !(x === Infinity || (x >= MIN_SPEED && x <= MAX_SPEED))) {
      throw new RangeError(`setSpeed(x): x must be a number from ${MIN_SPEED} to ${MAX_SPEED} (virtual ms per wall ms), or Infinity for as fast as possible; got ${String(x)}`);
    }
    send({ type: 'setSpeed', speed: x });
    useUi.setState({ speed: x });
  },
  async seek(timeMs) {
    if (typeof timeMs !== 'number' || !Number.isFinite(timeMs) || timeMs < 0) throw new RangeError(`seek(timeMs): timeMs must be a finite number of ms, at least 0; got ${String(timeMs)}`);
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
};
