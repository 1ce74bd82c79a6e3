import { useState } from 'react';
import { pageApi } from '../pageApi';
import { useUi } from '../store/uiStore';
import { formatTime } from '../format';
import { addBookmark, removeBookmark } from './bookmarks';
import { useWb } from './wbStore';

/** Labelled moments of the run: add one at the current time, jump to one. They travel in "Copy link". */
export function BookmarksPanel() {
  const bookmarks = useWb((s) => s.bookmarks);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const e = addBookmark(useUi.getState().frame?.timeMs ?? 0, label);
    setError(e);
    if (!e) setLabel('');
  };
  return (
    <div className="field" data-testid="wb.bookmarks">
      <b>Bookmarks</b>
      <input data-testid="wb.bookmark.label" aria-label="Bookmark label" placeholder="label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
      <button data-testid="wb.bookmark.add" onClick={add}>Add at the current time</button>
      {error && <span className="field-error">{error}</span>}
      <ul className="wb-bookmarks">
        {bookmarks.map((b, i) => (
          <li key={`${b.atMs}-${b.label}`}>
            <button className="link" data-testid="wb.bookmark" onClick={() => void pageApi.seek(b.atMs)}>{formatTime(b.atMs)} — {b.label}</button>
            <button className="link" aria-label={`Remove bookmark ${b.label}`} onClick={() => removeBookmark(i)}>✕</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
