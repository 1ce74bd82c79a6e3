import { useState } from 'react';
import { useUi } from '../store/uiStore';
import { request, send } from '../simClient';
import { toSnapshot } from '../pageApi';
import { formatTime } from '../format';
import { CHAPTERS, chapterById } from './chapters';
import { MarkedText } from './MarkedText';
import { closeTour, openTourStep, replayStep, resumeStep, tourNext } from './tourEngine';

/**
 * The tour's narration, docked beside the scene: chapter, step text (scrolls on its own if
 * long), the step's window playing (progress, pause / replay), predict-then-check, Back /
 * Next (PageUp / PageDown). The question, the answer box and Next never leave the screen:
 * they sit below the text, outside its scrolling area.
 */
export function TourPanel() {
  const tour = useUi((s) => s.tour);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const playing = useUi((s) => s.playing);
  const [guess, setGuess] = useState('');
  const [result, setResult] = useState<{ step: string; text: string; ok: boolean } | null>(null);
  if (!tour) return null;
  const ch = chapterById(tour.id);
  if (!ch) return null;
  const step = ch.steps[tour.step - 1];
  const key = `${tour.id}/${tour.step}`;
  const shown = result?.step === key ? result : null;
  const g = Number(guess);
  const guessError = guess.trim() === '' || !Number.isFinite(g) ? 'Enter a number first.' : null;
  const progress = Math.max(0, Math.min(1, (timeMs - step.fromMs) / (step.toMs - step.fromMs)));
  const done = timeMs >= step.toMs;

  const check = async () => {
    if (!step.predict || guessError) return;
    // Look ahead in the run, then come back: the picture stays with the narration.
    send({ type: 'pause' });
    const back = useUi.getState().frame?.timeMs ?? step.toMs;
    useUi.setState({ holdScene: true });
    await request({ type: 'seek', timeMs: step.predict.checkAtMs });
    const r = await request({ type: 'snapshot' });
    await request({ type: 'seek', timeMs: back });
    useUi.setState({ holdScene: false });
    if (!r.frame) return;
    const actual = step.predict.answer(toSnapshot(r.frame));
    const tol = step.predict.tolerance;
    const ok = tol === 0 ? Math.round(actual) === Math.round(g) : Math.abs(g - actual) <= tol * Math.max(1, actual);
    const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(0));
    setResult({ step: key, ok, text: `${ok ? 'Right' : 'Not quite'}: you said ${fmt(g)} ${step.predict.unit}; the run gives ${fmt(actual)} ${step.predict.unit}${tol > 0 ? ` (within ${Math.round(tol * 100)} % counts)` : ''}.` });
  };

  return (
    <aside className="tour" role="region" aria-label="Guided tour" data-testid="tour" data-tour-narration>
      <div className="tour-head">
        <select aria-label="Chapter" data-testid="tour.chapter" value={tour.id} onChange={(e) => { setResult(null); void openTourStep(e.target.value, 1); }}>
          {CHAPTERS.map((c) => <option key={c.id} value={c.id}>{c.title} · {c.steps.length} steps · ~{c.minutes} min</option>)}
        </select>
        <button className="link tour-close" onClick={closeTour} aria-label="Close the tour">×</button>
      </div>
      <div className="tour-body" data-testid="tour.body">
        <p className="tour-count" data-testid="tour.count">Step {tour.step} of {ch.steps.length}</p>
        <h2 data-testid="tour.title"><MarkedText text={step.title} /></h2>
        <p data-testid="tour.text"><MarkedText text={step.text} /></p>
      </div>
      <div className="tour-play" data-testid="tour.play">
        <div className="tour-progress" role="progressbar" aria-label="This step’s window" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <i style={{ width: `${progress * 100}%` }} />
        </div>
        <span className="tour-clock">t = {formatTime(timeMs)}</span>
        {playing ? <button data-testid="tour.pause" onClick={() => send({ type: 'pause' })}>❚❚ Pause</button>
          : done ? <button data-testid="tour.replay" onClick={replayStep}>⟲ Replay</button>
          : <button data-testid="tour.resume" onClick={resumeStep}>▶ Play</button>}
      </div>
      {step.predict && (
        <div className="predict" data-testid="tour.predict">
          <label>Predict: {step.predict.question}{' '}
            <input data-testid="tour.guess" value={guess} inputMode="decimal" size={7} onChange={(e) => setGuess(e.target.value)} aria-describedby="guess-hint" /> {step.predict.unit}
          </label>
          <button data-testid="tour.check" onClick={check} disabled={!!guessError}>Check against the run</button>
          {guessError && guess !== '' && <span id="guess-hint" className="field-error">{guessError}</span>}
          {shown && <p role="status" data-testid="tour.result" className={shown.ok ? 'ok' : 'off'}>{shown.text}</p>}
        </div>
      )}
      <div className="tour-nav">
        <button data-testid="tour.back" onClick={() => tourNext(-1)} disabled={tour.step <= 1} aria-keyshortcuts="PageUp ArrowLeft">◀ Back</button>
        <button data-testid="tour.next" className="primary" onClick={() => tourNext(1)} disabled={tour.step >= ch.steps.length} aria-keyshortcuts="PageDown ArrowRight">Next ▶</button>
      </div>
    </aside>
  );
}

/** The chapter menu as a compact select (kept for the top bar of narrow layouts and embed). */
export function ToursButton() {
  const tour = useUi((s) => s.tour);
  if (tour) return null;
  return (
    <select aria-label="Start a guided tour" data-testid="tours.open" value="" onChange={(e) => e.target.value && void openTourStep(e.target.value, 1)}>
      <option value="">Guided tours…</option>
      {CHAPTERS.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
    </select>
  );
}
