import { pageApi } from '../pageApi';
import { useUi } from '../store/uiStore';
import type { ClipPlan } from './clipPlan';
import { createEncoder, type ClipFormat } from './encoders';
import { captureStyles, rasterize } from './rasterize';

export interface ClipJob {
  plan: ClipPlan;
  fps: number;
  width: number;
  height: number;
  format: ClipFormat;
  /** The element to draw each frame from (the clip's Stage). */
  stage: () => HTMLElement | null;
  onProgress: (done: number, total: number, timeMs: number) => void;
  signal: AbortSignal;
}

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves once the store holds the frame of virtual time `t` (after a seek). */
function frameAt(t: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => Math.abs((useUi.getState().frame?.timeMs ?? NaN) - t) < 1e-6;
    if (ok()) return resolve();
    const stop = useUi.subscribe(() => { if (ok()) { stop(); resolve(); } });
    signal.addEventListener('abort', () => { stop(); reject(new DOMException('cancelled', 'AbortError')); }, { once: true });
  });
}

/** Waits until the view in the stage has drawn time `t` (views mark it with data-time), then a paint. */
async function drawn(stage: HTMLElement, t: number): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const marked = stage.querySelector('[data-time]');
    if (!marked || Math.abs(Number(marked.getAttribute('data-time')) - t) < 1e-6) break;
    await nextPaint();
  }
  await nextPaint();
}

/**
 * Renders the clip: for each frame, seek the worker to its virtual time, wait for the view to
 * draw it, rasterize the stage, encode. The run is paused throughout and put back where it
 * was afterwards. Rejects with an AbortError when cancelled.
 */
export async function renderClip(job: ClipJob): Promise<Blob> {
  const before = useUi.getState();
  const restoreMs = before.frame?.timeMs ?? 0;
  const wasPlaying = before.playing;
  pageApi.pause();
  const canvas = document.createElement('canvas');
  canvas.width = job.width;
  canvas.height = job.height;
  const styles = captureStyles();
  const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  const encoder = await createEncoder(job.format, canvas, job.fps);
  // Where the time goes (wall ms per stage, summed), for `window.__clipTimings` and bench notes.
  const timings = { seek: 0, draw: 0, rasterize: 0, encode: 0, frames: 0 };
  (window as unknown as { __clipTimings: typeof timings }).__clipTimings = timings;
  const lap = (key: keyof typeof timings, t0: number) => { timings[key] += performance.now() - t0; return performance.now(); };
  try {
    for (let k = 0; k < job.plan.frames; k++) {
      if (job.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const t = job.plan.times[k];
      let t0 = performance.now();
      await pageApi.seek(t);
      await frameAt(t, job.signal);
      t0 = lap('seek', t0);
      const stage = job.stage();
      if (!stage) throw new Error('the clip view is not on the page');
      await drawn(stage, t);
      t0 = lap('draw', t0);
      await rasterize(stage, canvas, styles, background);
      t0 = lap('rasterize', t0);
      await encoder.add(canvas, k);
      lap('encode', t0);
      timings.frames++;
      job.onProgress(k + 1, job.plan.frames, t);
    }
    return await encoder.finish();
  } catch (e) {
    await encoder.cancel().catch(() => {});
    throw e;
  } finally {
    await pageApi.seek(restoreMs).catch(() => {});
    if (wasPlaying) pageApi.play();
  }
}
