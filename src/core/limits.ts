/**
 * The longest simulated time anything may ask for: a `t=` link, `seek()`, `--duration-ms`,
 * playback. 7 days (604,800,000 ms) covers a weekly cycle and keeps the longest forward run a
 * bounded job (at 1,000 req/s about 1.2 billion events). Shared by the page, the worker and
 * the CLI so all three refuse the same times with the same words.
 */
export const MAX_SIMULATED_MS = 7 * 24 * 3_600_000;

/** "604,800,000 ms (7 days)": how messages name the limit. */
export const MAX_SIMULATED_TEXT = '604,800,000 ms (7 days)';
