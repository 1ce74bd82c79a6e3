import { useState } from 'react';
import { useUi } from '../store/uiStore';
import { CHAPTERS } from './chapters';
import { openTourStep } from './tourEngine';

const KEY = 'lambdascope.welcomed';

/** Shown on a first visit only: not in embed mode, not on a link with parameters, not once dismissed. */
export function shouldWelcome(search: string, embed: boolean): boolean {
  if (embed || search.replace(/^\?/, '') !== '') return false;
  try { return localStorage.getItem(KEY) === null; } catch { return false; }
}

function remember(): void {
  try { localStorage.setItem(KEY, '1'); } catch { /* private mode: show again next time */ }
}

/** A short welcome over the scene: what the picture is, and the first tour. */
export function Welcome() {
  const embed = useUi((s) => s.embed);
  const [open, setOpen] = useState(() => shouldWelcome(location.search, embed));
  if (!open) return null;
  const first = CHAPTERS[0];
  const close = () => { remember(); setOpen(false); };
  return (
    <div className="welcome" role="dialog" aria-labelledby="welcome-h" data-testid="welcome">
      <h2 id="welcome-h">AWS Lambda, from the inside</h2>
      <p>This picture is Lambda running a function. Each dot is one request, travelling at its real timing through the services that run it: the <b>Frontend</b>, <b>Counting</b>, <b>Assignment</b>, <b>Placement</b>, and a <b>Firecracker microVM</b> on a worker. Event requests wait in the <b>internal queue</b> for a poller. Click any dot to read why it was cold or warm.</p>
      <div className="buttons">
        <button className="primary" data-testid="welcome.tour" autoFocus onClick={() => { close(); void openTourStep(first.id, 1); }}>
          ▶ Start the first tour: {first.title.replace(/^\d+\.\s*/, '')} (~{first.minutes} min)
        </button>
        <button data-testid="welcome.close" onClick={close}>Explore on my own</button>
      </div>
    </div>
  );
}
