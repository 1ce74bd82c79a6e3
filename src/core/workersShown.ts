import type { Worker } from './model/records';

/** Most workers a frame lists (the rest of a large cell is counted in the frame's `fleet`). */
export const WORKERS_SHOWN = 256;
/** Empty active workers listed when there is room, so a fresh cell shows a few. */
export const EMPTY_SHOWN = 4;

/**
 * The workers worth drawing, in id order: every one hosting environments or draining, plus
 * the first few empty ones, at most WORKERS_SHOWN in all. A cell of 200 mostly empty workers
 * is drawn as the few that matter (the views and the scene share this rule).
 */
export function workersShown(workers: Iterable<Worker>): Worker[] {
  const shown: Worker[] = [];
  let emptyShown = 0;
  for (const w of workers) {
    if (shown.length >= WORKERS_SHOWN) break;
    const isEmpty = w.environments === 0 && w.state === 'Active';
    if (!isEmpty || emptyShown++ < EMPTY_SHOWN) shown.push(w);
  }
  return shown;
}
