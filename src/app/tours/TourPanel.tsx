import { useState } from 'react';
import { useUi } from '../store/uiStore';
import { request } from '../simClient';
import { toSnapshot } from '../pageApi';
import { CHAPTERS, chapterById } from './chapters';
import { closeTour, openTourStep, tourNext } from './tourEngine';

/** The narrated tour: chapter menu, step text, predict-then-check, Back / Next (PageUp / PageDown). */
export function TourPanel() {
  const tour = useUi((s) => s.tour);
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

  const check = async () => {
    if (!step.predict || guessError) return;
    await request({ type: 'seek', timeMs: step.predict.checkAtMs });
    const r = await request({ type: 'snapshot' });
    if (!r.frame) return;
    const actual = step.predict.answer(toSnapshot(r.frame));
    const tol = step.predict.tolerance;
    const ok = tol === 0 ? Math.round(actual) === Math.round(g) : Math.abs(g - actual) <= tol * Math.max(1, actual);
    const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(0));
    setResult({ step: key, ok, text: `${ok ? 'Right' : 'Not quite'}: you said ${fmt(g)} ${step.predict.unit}; the run gives ${fmt(actual)} ${step.predict.unit}${tol > 0 ? ` (within ${Math.round(tol * 100)} % counts)` : ''}.` });
  };

  return (
    <aside className="tour" role="region" aria-label="Guided tour" data-testid="tour">
      <div className="tour-head">
        <select aria-label="Chapter" data-testid="tour.chapter" value={tour.id} onChange={(e) => { setResult(null); void openTourStep(e.target.value, 1); }}>
          {CHAPTERS.map((c) => <option key={c.id} value={c.id}>{c.title} · {c.steps.length} steps · ~{c.minutes} min</option>)}
        </select>
        <span className="tour-count" data-testid="tour.count">Step {tour.step} of {ch.steps.length}</span>
        <button className="link" onClick={closeTour} aria-label="Close the tour">×</button>
      </div>
      <h2 data-testid="tour.title">{step.title}</h2>
      <p data-testid="tour.text">{step.text}</p>
      {step.predict && (
        <div className="predict" data-testid="tour.predict">
          <label>Predict: {step.predict.question}{' '}
            <input data-testid="tour.guess" value={guess} inputMode="decimal" size={8} onChange={(e) => setGuess(e.target.value)} aria-describedby="guess-hint" /> {step.predict.unit}
          </label>
          <button data-testid="tour.check" onClick={check} disabled={!!guessError}>Check against the run</button>
          {guessError && guess !== '' && <span id="guess-hint" className="field-error">{guessError}</span>}
          {shown && <p role="status" data-testid="tour.result" className={shown.ok ? 'ok' : 'off'}>{shown.text}</p>}
        </div>
      )}
      <div className="buttons">
        <button data-testid="tour.back" onClick={() => tourNext(-1)} disabled={tour.step <= 1} aria-keyshortcuts="PageUp ArrowLeft">◀ Back</button>
        <button data-testid="tour.next" onClick={() => tourNext(1)} disabled={tour.step >= ch.steps.length} aria-keyshortcuts="PageDown ArrowRight">Next ▶</button>
      </div>
    </aside>
  );
}

/** The button that opens the chapter menu when no tour is running. */
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
