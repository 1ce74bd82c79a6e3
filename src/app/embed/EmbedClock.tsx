import { useUi } from '../store/uiStore';
import { pageApi } from '../pageApi';
import { formatSpeed, formatTime } from '../format';

/** `controls=clock`: the virtual clock and the play state, nothing else. */
export function EmbedClock() {
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  return (
    <div className="embed-clock" role="toolbar" aria-label="Playback">
      <button data-testid="playback.play" onClick={() => (playing ? pageApi.pause() : pageApi.play())} aria-keyshortcuts="Space" title="Play / pause (Space or .)">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <span className="clock" data-testid="clock" aria-live="off">t = {formatTime(timeMs)}</span>
      <span className="embed-speed">{playing ? `playing at ${formatSpeed(speed)}` : 'paused'}</span>
    </div>
  );
}
