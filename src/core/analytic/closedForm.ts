import { exp } from '../engine/fmath';

/**
 * P(cold) for one execution environment, in closed form: P(cold) = exp(−λ(T + s)).
 *
 * Assumptions: requests arrive as a Poisson process of rate λ; the environment serves one
 * request for a time s and then waits idle for its keep-alive T; the next request is warm
 * exactly when it arrives within T + s of the previous one — which, for exponential gaps,
 * has probability 1 − exp(−λ(T + s)). It ignores requests that arrive while the environment
 * is busy (each would start a second environment), so it holds only while λs ≪ 1; beyond
 * that the pool grows and Mahmoudi & Khazaei's model (mahmoudiKhazaei.ts) applies.
 *
 * @param ratePerSec λ, requests per second
 * @param keepAliveMs T, idle time before the environment is reclaimed (ms)
 * @param serviceMs s, time the environment is busy per request (ms)
 */
export function coldProbabilitySingle(ratePerSec: number, keepAliveMs: number, serviceMs: number): number {
  return exp(-(ratePerSec / 1000) * (keepAliveMs + serviceMs));
}

/** Expected environments of the single-environment picture: the fraction of time one is alive. */
export function meanEnvironmentsSingle(ratePerSec: number, keepAliveMs: number, serviceMs: number): number {
  // Each cold start begins a lifetime that lasts until a gap longer than T + s; by renewal,
  // P(alive) = 1 − P(in a gap, past T + s) = 1 − λ·E[(X − (T + s))⁺] = 1 − exp(−λ(T + s)).
  return 1 - coldProbabilitySingle(ratePerSec, keepAliveMs, serviceMs);
}
