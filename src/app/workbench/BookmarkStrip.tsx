import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { pageApi } from '../pageApi';
import { useUi } from '../store/uiStore';
import { useWb } from './wbStore';

/**
 * The bookmarks as marks under the scrubber, at their place on its scale: click one to go
 * there. The scale is the scrubber's own (the run so far, and some way ahead, up to the
 * scenario's duration); a bookmark beyond it sits at the right end.
 */
export function BookmarkStrip() {
  const bookmarks = useWb((s) => s.bookmarks);
  const durationMs = useUi((s) => s.durationMs);
  const timeMs = useUi((s) => s.frame?.timeMs ?? 0);
  const [maxSeen, setMaxSeen] = useState(0);
  useEffect(() => setMaxSeen((m) => Math.max(m, timeMs)), [timeMs]);
  const ref = useRef<HTMLDivElement>(null);
  const [track, setTrack] = useState({ left: 0, width: 0 });
  useLayoutEffect(() => {
    const input = ref.current?.parentElement?.querySelector<HTMLInputElement>('input[type="range"]');
    if (input && (input.offsetLeft !== track.left || input.offsetWidth !== track.width)) setTrack({ left: input.offsetLeft, width: input.offsetWidth });
  });
  if (bookmarks.length === 0) return null;
  // The same scale as Scrubber.tsx.
  const max = Math.max(1, maxSeen, Math.min(durationMs, maxSeen * 1.25 + 10_000));
  return (
    <div ref={ref} className="bookmark-strip" data-testid="bookmark-strip" aria-label="Bookmarks" style={{ marginLeft: track.left, width: track.width }}>
      {bookmarks.map((b) => (
        <button key={`${b.atMs}-${b.label}`} className="bookmark-mark" style={{ left: `${Math.min(100, (b.atMs / max) * 100)}%` }} title={b.label} aria-label={`Bookmark: ${b.label}`} data-testid="bookmark-mark" onClick={() => void pageApi.seek(b.atMs)}>
          ▾<span>{b.label}</span>
        </button>
      ))}
    </div>
  );
}
