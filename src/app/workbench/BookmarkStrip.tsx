import { pageApi } from '../pageApi';
import { useUi } from '../store/uiStore';
import { useWb } from './wbStore';

/** The bookmarks as marks on the time axis next to the scrubber: click one to go there. */
export function BookmarkStrip() {
  const bookmarks = useWb((s) => s.bookmarks);
  const durationMs = useUi((s) => s.durationMs);
  if (bookmarks.length === 0 || !(durationMs > 0)) return null;
  return (
    <div className="bookmark-strip" data-testid="bookmark-strip" aria-label="Bookmarks">
      {bookmarks.map((b) => (
        <button key={`${b.atMs}-${b.label}`} className="bookmark-mark" style={{ left: `${Math.min(100, (b.atMs / durationMs) * 100)}%` }} title={b.label} data-testid="bookmark-mark" onClick={() => void pageApi.seek(b.atMs)}>
          ▾<span>{b.label}</span>
        </button>
      ))}
    </div>
  );
}
