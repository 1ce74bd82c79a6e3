import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useUi } from '../store/uiStore';
import { VIEWS, defaultView, slideViews } from '../viewRegistry';
import { download } from '../exports';
import { FPS_CHOICES, SIZES, planClip } from './clipPlan';
import { FORMAT_LABEL, canEncode, hasWebCodecs, type ClipFormat } from './encoders';
import { renderClip } from './renderClip';
import { ClipStage } from './ClipStage';
import './clip.css';

const EXT: Record<ClipFormat, string> = { webm: 'webm', mp4: 'mp4', gif: 'gif' };
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/**
 * Export a time range of a view as a video or a GIF, rendered frame by frame in virtual time.
 * A modal dialog: Escape or × closes it (and cancels an export in progress).
 */
export function ClipDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const nowMs = useUi.getState().frame?.timeMs ?? 0;
  const durationMs = useUi((s) => s.durationMs);
  const [view, setView] = useState(defaultView());
  const [from, setFrom] = useState(String(Math.round(nowMs) / 1000));
  const [to, setTo] = useState(String(Math.round(nowMs + 1000) / 1000));
  const [speed, setSpeed] = useState('0.1');
  const [fps, setFps] = useState(24);
  const [size, setSize] = useState(1);
  const [format, setFormat] = useState<ClipFormat>(hasWebCodecs() ? 'webm' : 'gif');
  const [formats, setFormats] = useState<ClipFormat[]>(['gif']);
  const [progress, setProgress] = useState<{ done: number; total: number; timeMs: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const { width, height } = SIZES[size];

  useEffect(() => {
    ref.current?.showModal();
    return () => abort.current?.abort();
  }, []);
  useEffect(() => {
    let live = true;
    void Promise.all((['webm', 'mp4', 'gif'] as ClipFormat[]).map(async (f) => ((await canEncode(f, width, height)) ? f : null))).then((ok) => {
      if (!live) return;
      const list = ok.filter((f): f is ClipFormat => f !== null);
      setFormats(list);
      setFormat((cur) => (list.includes(cur) ? cur : list[0]));
    });
    return () => { live = false; };
  }, [width, height]);

  const plan = planClip({ fromMs: num(from) * 1000, toMs: num(to) * 1000, speed: num(speed), fps, width, height }, durationMs || Infinity);
  const running = progress !== null && abort.current !== null;

  const start = async () => {
    if (!plan.ok) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setProgress({ done: 0, total: plan.plan.frames, timeMs: plan.plan.times[0] });
    useUi.setState({ exporting: true });
    try {
      const blob = await renderClip({
        plan: plan.plan, fps, width, height, format, stage: () => (stageRef.current?.firstElementChild as HTMLElement | null) ?? null, signal: ctl.signal,
        onProgress: (done, total, timeMs) => setProgress({ done, total, timeMs }),
      });
      const name = `${useUi.getState().scenarioName || 'run'}-${view}-${from}s-${to}s.${EXT[format]}`;
      download(name, blob);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(`The export failed: ${(e as Error).message}`);
    } finally {
      abort.current = null;
      setProgress(null);
      useUi.setState({ exporting: false });
    }
  };
  const close = () => { abort.current?.abort(); onClose(); };

  return createPortal(
    <dialog ref={ref} className="clip-dialog" aria-labelledby="clip-h" data-testid="clip.dialog" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="clip-h">Export a clip <button className="link" onClick={close} aria-label="Close (Escape)" data-testid="clip.close">×</button></h2>
      {!hasWebCodecs() && <p className="clip-note" role="note" data-testid="clip.noWebCodecs">This browser has no WebCodecs (VideoEncoder), so video export is off: the clip is saved as a GIF, which works everywhere.</p>}
      <fieldset className="clip-fields" disabled={running}>
        <label>View <select data-testid="clip.view" value={view} onChange={(e) => setView(e.target.value)}>{slideViews().map((k) => <option key={k} value={k}>{VIEWS[k].title}</option>)}</select></label>
        <label>From (s) <input data-testid="clip.from" inputMode="decimal" size={8} value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To (s) <input data-testid="clip.to" inputMode="decimal" size={8} value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>Speed × <input data-testid="clip.speed" inputMode="decimal" size={6} value={speed} onChange={(e) => setSpeed(e.target.value)} /></label>
        <label>Frames/s <select data-testid="clip.fps" value={fps} onChange={(e) => setFps(Number(e.target.value))}>{FPS_CHOICES.map((f) => <option key={f}>{f}</option>)}</select></label>
        <label>Size <select data-testid="clip.size" value={size} onChange={(e) => setSize(Number(e.target.value))}>{SIZES.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}</select></label>
        <label>Format <select data-testid="clip.format" value={format} onChange={(e) => setFormat(e.target.value as ClipFormat)}>{formats.map((f) => <option key={f} value={f}>{FORMAT_LABEL[f]}</option>)}</select></label>
      </fieldset>
      {plan.ok
        ? <p className="hint" data-testid="clip.summary">{plan.plan.durationSec.toFixed(1)} s of video, {plan.plan.frames} frames; each frame is {plan.plan.stepMs.toFixed(plan.plan.stepMs < 10 ? 2 : 0)} ms of simulated time later than the one before.</p>
        : <ul className="field-error" role="alert" data-testid="clip.problems">{plan.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <ClipStage ref={stageRef} view={view} width={width} height={height} speed={num(speed)} exporting={running} previewWidth={420} />
      {progress && (
        <p className="clip-progress" role="status" data-testid="clip.progress">
          <progress max={progress.total} value={progress.done} /> Frame {progress.done} of {progress.total} (t = {(progress.timeMs / 1000).toFixed(3)} s)
        </p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="buttons">
        {running
          ? <button data-testid="clip.cancel" onClick={() => abort.current?.abort()}>Cancel</button>
          : <button data-testid="clip.export" onClick={start} disabled={!plan.ok}>Export {FORMAT_LABEL[format]}</button>}
        <button onClick={close} disabled={running}>Close</button>
      </div>
    </dialog>,
    document.body,
  );
}

/** The button that opens the clip dialog (in the export panel). */
export function ClipButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button data-testid="export.clip" onClick={() => setOpen(true)} title="A time range of a view as WebM / MP4 video or GIF, rendered frame by frame">Video / GIF clip…</button>
      {open && <ClipDialog onClose={() => setOpen(false)} />}
    </>
  );
}
