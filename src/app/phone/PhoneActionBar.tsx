import { useUi, notify } from '../store/uiStore';
import { pageApi } from '../pageApi';
import { formatTime } from '../format';
import type { InvokeMode } from '../../core/index';

/**
 * On a phone the controls sit below every view, so this bar stays at the bottom of the
 * screen: play/pause, the clock and the Invoke buttons, to act and watch at once. Hidden by
 * CSS on wider screens (the side panel is there).
 */
export function PhoneActionBar() {
  const playing = useUi((s) => s.playing);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const fn = useUi((s) => s.frame?.functions[0]?.name ?? '');
  const fire = (mode: InvokeMode, count = 1) => pageApi.invoke({ function: fn, mode, count }).catch((e: Error) => notify(e.message, 'error'));
  return (
    <nav className="phone-bar" aria-label="Quick actions" data-testid="phone-bar">
      <button data-testid="phone.play" onClick={() => (playing ? pageApi.pause() : pageApi.play())} aria-label={playing ? 'Pause' : 'Play'}>{playing ? '❚❚' : '▶'}</button>
      <span className="clock">{formatTime(timeMs)}</span>
      <span className="phone-fn">Invoke {fn}:</span>
      <button data-testid="phone.invoke.sync" disabled={!fn} onClick={() => fire('RequestResponse')} title="Synchronous invoke (RequestResponse)">Sync</button>
      <button data-testid="phone.invoke.event" disabled={!fn} onClick={() => fire('Event')} title="Asynchronous invoke (Event)">Event</button>
      <button data-testid="phone.invoke.burst" disabled={!fn} onClick={() => fire('RequestResponse', 100)} title="A burst of 100 synchronous invokes">×100</button>
    </nav>
  );
}
