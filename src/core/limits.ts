import { LIMITS } from './scenario/limits';

/**
 * The longest simulated time anything may ask for: a scenario's `durationMs` and times, the
 * CLI's `--duration-ms`, a `t=` link, `seek()`, playback. One constant (the scenario limit
 * `LIMITS.timeMs`, 30 days) so the page, the worker and the CLI refuse the same times with the
 * same words. The longest forward run it allows is a bounded job: the page runs it in slices
 * with progress and Cancel.
 */
export const MAX_SIMULATED_MS: number = LIMITS.timeMs;

/** "2,592,000,000 ms (30 days)": how messages name the limit. */
export const MAX_SIMULATED_TEXT = `${String(MAX_SIMULATED_MS).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ms (${MAX_SIMULATED_MS / 86_400_000} days)`;
