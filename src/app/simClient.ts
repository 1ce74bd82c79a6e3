import type { FromWorker, RunExport, ToWorker } from '../protocol/messages';
import type { FrameView } from '../core/view';
import { useUi } from './store/uiStore';
import { recordFrameTime } from './frameStats';
import type { WorkbenchReply } from '../protocol/workbench';
import { onWorkbenchProgress } from './workbench/wbStore';

/**
 * The only app module that knows about the worker. Sends typed messages; resolves the
 * page's promises when the worker answers; turns frames into store updates and acknowledges
 * each frame after the browser has painted it (so frames never queue up).
 */
type Reply = { ok: boolean; message?: string; problems?: string[]; frame?: FrameView; run?: RunExport; wb?: WorkbenchReply };
type Pending = { resolve: (v: Reply) => void };
type Request = ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

export function startWorker(): void {
  if (worker) return;
  worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    useUi.setState({ error: { message: `The simulation worker failed: ${e.message || 'unknown error'}`, recoverable: false } });
  };
}

/** After the worker died: a new one, the same scenario and seed, back at the last time shown. */
export async function restartWorker(): Promise<void> {
  const s = useUi.getState();
  stopWorker();
  startWorker();
  useUi.setState({ error: null });
  const r = await request({ type: 'load', scenario: s.scenarioJson, seed: s.seed, atMs: s.frame?.timeMs ?? 0, playing: false, speed: s.speed });
  if (!r.ok) useUi.setState({ error: { message: `Restart failed: ${r.message}`, recoverable: false } });
}

export function stopWorker(): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.resolve({ ok: false, message: 'worker stopped' });
  pending.clear();
}

export function send(msg: Extract<ToWorker, { type: 'play' | 'pause' | 'setSpeed' | 'frameAck' | 'debugCrash' | 'wb.cancel' }>): void {
  worker?.postMessage(msg);
}

export function request(msg: Request): Promise<Reply> {
  return new Promise((resolve) => {
    if (!worker) return resolve({ ok: false, message: 'the simulation worker is not running' });
    const requestId = nextId++;
    pending.set(requestId, { resolve });
    worker.postMessage({ ...msg, requestId } as ToWorker);
  });
}

function settle(requestId: number, value: Parameters<Pending['resolve']>[0]): void {
  const p = pending.get(requestId);
  if (!p) return;
  pending.delete(requestId);
  p.resolve(value);
}

function onMessage(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      useUi.setState({ ready: true, environmentMachine: m.environmentMachine });
      return;
    case 'loaded':
      if (m.ok) {
        useUi.setState((s) => ({ scenarioName: m.name, seed: m.seed, durationMs: m.durationMs, scenarioJson: m.scenario, error: null, selected: null, loads: s.loads + 1 }));
        settle(m.requestId, { ok: true });
      } else {
        settle(m.requestId, { ok: false, problems: m.problems, message: m.problems.join('\n') });
      }
      return;
    case 'frame': {
      const t0 = performance.now();
      const series = m.seriesReset ? m.series : m.series.length ? [...useUi.getState().series, ...m.series] : useUi.getState().series;
      useUi.setState({ frame: m.frame, playing: m.playing, speed: m.speed, lagging: m.lagging, series });
      requestAnimationFrame(() => {
        recordFrameTime(performance.now() - t0);
        worker?.postMessage({ type: 'frameAck' } satisfies ToWorker);
      });
      return;
    }
    case 'done':
      settle(m.requestId, { ok: m.ok, message: m.message });
      return;
    case 'snapshot':
      settle(m.requestId, { ok: true, frame: m.frame });
      return;
    case 'exportRun':
      settle(m.requestId, { ok: true, run: m.run });
      return;
    case 'error':
      useUi.setState({ error: { message: m.message, stack: m.stack, recoverable: m.recoverable } });
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
