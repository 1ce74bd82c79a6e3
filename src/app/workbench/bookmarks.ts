import { useWb } from './wbStore';

/**
 * Bookmarks: labelled moments of a run, kept in the link as `bm=<ms>:<label>,<ms>:<label>`
 * (labels URI-encoded, so they may hold commas and colons). A bad entry is reported and
 * left out; the page still loads.
 */
export interface Bookmark { atMs: number; label: string }

export const MAX_BOOKMARKS = 50;
const MAX_LABEL = 60;

export function encodeBookmarks(list: readonly Bookmark[]): string {
  return list.map((b) => `${Math.round(b.atMs)}:${encodeURIComponent(b.label)}`).join(',');
}

export function decodeBookmarks(raw: string): { bookmarks: Bookmark[]; problems: string[] } {
  const bookmarks: Bookmark[] = [];
  const problems: string[] = [];
  if (raw.trim() === '') return { bookmarks, problems };
  raw.split(',').forEach((item, i) => {
    const colon = item.indexOf(':');
    const t = Number(colon < 0 ? item : item.slice(0, colon));
    let label = '';
    try { label = colon < 0 ? '' : decodeURIComponent(item.slice(colon + 1)); } catch { label = '\u0000'; }
    if (colon < 0 || item.slice(0, colon).trim() === '' || !Number.isFinite(t) || t < 0) problems.push(`URL parameter bm: bookmark ${i + 1} ("${item}") ignored: must be <time in ms ≥ 0>:<label>`);
    else if (label === '\u0000' || label.length === 0 || label.length > MAX_LABEL) problems.push(`URL parameter bm: bookmark ${i + 1} ignored: its label must be 1 to ${MAX_LABEL} characters`);
    else if (bookmarks.length >= MAX_BOOKMARKS) problems.push(`URL parameter bm: bookmark ${i + 1} ignored: at most ${MAX_BOOKMARKS} bookmarks`);
    else bookmarks.push({ atMs: t, label });
  });
  bookmarks.sort((a, b) => a.atMs - b.atMs);
  return { bookmarks, problems };
}

export function addBookmark(atMs: number, label: string): string | null {
  const l = label.trim();
  if (l.length === 0 || l.length > MAX_LABEL) return `a bookmark's label must be 1 to ${MAX_LABEL} characters`;
  const list = useWb.getState().bookmarks;
  if (list.length >= MAX_BOOKMARKS) return `at most ${MAX_BOOKMARKS} bookmarks`;
  useWb.setState({ bookmarks: [...list, { atMs, label: l }].sort((a, b) => a.atMs - b.atMs) });
  return null;
}

export function removeBookmark(index: number): void {
  useWb.setState((s) => ({ bookmarks: s.bookmarks.filter((_, i) => i !== index) }));
}
