import { useState } from 'react';
import { useUi } from '../store/uiStore';
import { pageApi, quietly } from '../pageApi';
import { formatSpeed, formatTime } from '../format';
import { MAX_SPEED, MIN_SPEED } from '../url';
import { copyLink as copyShareLink } from '../copyLink';
import { Scrubber } from './Scrubber';
import { BookmarkStrip } from '../workbench/BookmarkStrip';

/** Play/pause, step, step to the next interesting event, speed (log slider), the clock, copy link. */
export function PlaybackBar() {
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const lagging = useUi((s) => s.lagging);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const seed = useUi((s) => s.seed);
  const scenarioName = useUi((s) => s.scenarioName);
  const [copied, setCopied] = useState(false);
  const logSpeed = Math.log10(speed === Infinity ? MAX_SPEED : speed);

  const copyLink = async () => {
    await copyShareLink();
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button data-testid="playback.play" onClick={() => (playing ? pageApi.pause() : pageApi.play())} aria-keyshortcuts="Space" title="Play / pause (Space or .)">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button data-testid="playback.step" onClick={() => void quietly(pageApi.step())} title="Run exactly one simulation event">Step</button>
      <button data-testid="playback.next" onClick={() => void quietly(pageApi.stepToInteresting())} title="Run to the next cold start, throttle, reclaim, retry, drain or fault">Next<span className="wide-only"> interesting</span> »</button>
      <label className="speed">
        <span>Speed</span>
        <input
          data-testid="playback.speed" type="range" min={Math.log10(MIN_SPEED)} max={Math.log10(MAX_SPEED)} step={0.05}
          value={logSpeed} aria-valuetext={formatSpeed(speed)} disabled={speed === Infinity}
          onChange={(e) => pageApi.setSpeed(Number(Math.pow(10, Number(e.target.value)).toPrecision(2)))}
        />
        <output data-testid="playback.speedValue">{formatSpeed(speed)}</output>
      </label>
      <label title="Run as fast as the worker can">
        <input type="checkbox" data-testid="playback.max" checked={speed === Infinity} onChange={(e) => pageApi.setSpeed(e.target.checked ? Infinity : 1)} /> max
      </label>
      <div className="scrub-wrap"><Scrubber /><BookmarkStrip /></div>
      <span className="clock" data-testid="clock" aria-live="off">t = {formatTime(timeMs)}</span>
      {lagging && speed !== Infinity && <span className="lagging" title="The worker cannot keep up with this speed; virtual time runs slower than asked">behind</span>}
      <span className="meta">{scenarioName} · seed {seed}</span>
      <button data-testid="copy-link" onClick={copyLink}>{copied ? 'Copied ✓' : 'Copy link'}</button>
    </div>
  );
}
