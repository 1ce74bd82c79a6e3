import { useEffect, useState } from 'react';
import { useUi } from '../store/uiStore';
import { pageApi, quietly } from '../pageApi';
import { formatTime } from '../format';

/**
 * Time travel: a slider over the run so far (and up to the scenario's duration); dragging
 * seeks there. Going back restores the nearest checkpoint and replays deterministically, so
 * the whole scene is consistent; acting in the past forks the run (the old future is dropped).
 */
export function Scrubber() {
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const durationMs = useUi((s) => s.durationMs);
  const [maxSeen, setMaxSeen] = useState(0);
  const [drag, setDrag] = useState<number | null>(null);
  useEffect(() => setMaxSeen((m) => Math.max(m, timeMs)), [timeMs]);
  const max = Math.max(maxSeen, Math.min(durationMs, maxSeen * 1.25 + 10_000));
  const seek = (t: number) => { setDrag(null); void quietly(pageApi.seek(t)); };
  return (
    <div className="scrubber">
      <button data-testid="playback.back" onClick={() => void quietly(pageApi.stepBack())} title="Undo one simulation event (b)">◀<span className="wide-only"> Step</span> back</button>
      <input
        type="range" data-testid="scrubber" aria-label="Simulation time" min={0} max={Math.max(1, Math.round(max))} step={1}
        value={Math.round(drag ?? timeMs)} aria-valuetext={formatTime(drag ?? timeMs)}
        onChange={(e) => setDrag(Number(e.target.value))}
        onPointerUp={() => drag !== null && seek(drag)}
        onKeyUp={(e) => { if (drag !== null && (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page'))) seek(drag); }}
      />
    </div>
  );
}
