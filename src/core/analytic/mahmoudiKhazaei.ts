import { exp, ln } from '../engine/fmath';

/**
 * The steady-state performance model of scale-per-request serverless platforms by
 * N. Mahmoudi and H. Khazaei, "Performance Modeling of Serverless Computing Platforms",
 * IEEE Transactions on Cloud Computing (2020) — the analytical model behind SimFaaS. This
 * is an implementation from the paper's description (and its reference code's structure,
 * pacsltk `perfmodel.get_sls_warm_count_dist`):
 *
 * - Requests arrive as a Poisson process (rate λ); each instance serves one at a time.
 * - With n instances, the warm pool behaves as an M/G/n/n loss system: a request finds all
 *   n busy — and is a cold start, adding an instance — with the Erlang B probability
 *   B(n, ρ), ρ = λ·s_warm. So the pool grows from n to n + 1 at rate λ·B(n, ρ).
 * - The m-th instance receives the overflow of the first m − 1: rate L_m = λ(B(m−1) − B(m)).
 *   It expires after an idle period longer than T: each request is the last one before its
 *   expiry with probability p = e^(−L_m·T); until then the gaps (shorter than T + s_warm)
 *   average ā = (1 − e^(−L·T′))/L − T′e^(−L·T′), T′ = T + s_warm; its lifetime is
 *   τ_m = T + (1/p − 1)·ā and it dies at rate 1/τ_m. With n instances the pool shrinks at
 *   rate Σ_{m≤n} 1/τ_m.
 * - The instance count is then a birth–death chain, solved for its steady state (detailed
 *   balance), truncated five states past the last state where births outpace deaths.
 * Outputs are the paper's: mean instances, running, idle, P(cold) = Σ π_n·B(n), utilisation
 * and mean response time.
 */
export interface MkInput {
  ratePerSec: number;
  warmServiceSec: number;
  coldServiceSec: number;
  idleBeforeExpirySec: number;
  /** Upper bound on instances (the concurrency limit): the chain never grows past it. */
  maxInstances?: number;
}

export interface MkResult {
  meanInstances: number;
  meanRunning: number;
  meanRunningWarm: number;
  meanIdle: number;
  coldProbability: number;
  utilization: number;
  meanResponseSec: number;
  /** Steady-state probability of each instance count 0, 1, 2, … */
  distribution: number[];
}

/** Erlang B blocking probability for m servers at offered load ρ (stable recursion). */
export function erlangB(rho: number, m: number): number {
  let b = 1;
  for (let j = 1; j <= m; j++) b = (rho * b) / (j + rho * b);
  return b;
}

/** The death rate contributed by the m-th instance, given its arrival rate L (per s). */
export function expiryRate(L: number, T: number, warmSec: number): number {
  if (!(L > 0)) return 1 / T; // never used again: it expires T after its last request
  const p = exp(-L * T);
  if (p <= 0) return 0; // practically never idle for T: it lives forever
  const Tp = T + warmSec;
  const gap = (1 - exp(-L * Tp)) / L - Tp * exp(-L * Tp);
  return 1 / (T + (1 / p - 1) * gap);
}

export function mahmoudiKhazaei(inp: MkInput): MkResult {
  const { ratePerSec: lambda, warmServiceSec: sw, coldServiceSec: sc, idleBeforeExpirySec: T } = inp;
  const maxN = inp.maxInstances ?? 1000;
  const rho = lambda * sw;
  const B = [1];
  const death = [0];
  let kill = 0, lastGrowing = 0;
  for (let n = 1; n <= maxN; n++) {
    B.push(erlangB(rho, n));
    kill += expiryRate(lambda * (B[n - 1] - B[n]), T, sw);
    death.push(kill);
    if (lambda * B[n] > kill) lastGrowing = n;
    if (n - lastGrowing >= 5) break;
  }
  // Detailed balance in log space: π(n+1)/π(n) = birth(n)/death(n+1).
  const logPi = [0];
  for (let n = 1; n < B.length; n++) {
    const birth = lambda * B[n - 1];
    logPi.push(death[n] > 0 ? logPi[n - 1] + ln(birth) - ln(death[n]) : Infinity);
  }
  const top = Math.max(...logPi);
  const w = logPi.map((x) => (top === Infinity ? (x === Infinity ? 1 : 0) : exp(x - top)));
  const total = w.reduce((a, b) => a + b, 0);
  const pi = w.map((x) => x / total);
  let inst = 0, running = 0, warm = 0, cold = 0, resp = 0;
  for (let n = 0; n < pi.length; n++) {
    inst += n * pi[n];
    warm += pi[n] * lambda * (1 - B[n]) * sw;
    running += pi[n] * (lambda * (1 - B[n]) * sw + lambda * B[n] * sc);
    cold += pi[n] * B[n];
    resp += pi[n] * (B[n] * sc + (1 - B[n]) * sw);
  }
  return { meanInstances: inst, meanRunning: running, meanRunningWarm: warm, meanIdle: inst - warm, coldProbability: cold, utilization: inst > 0 ? warm / inst : 0, meanResponseSec: resp, distribution: pi };
}
