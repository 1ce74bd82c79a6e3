import { meanOf } from '../engine/distributions';
import { presetInitDist, zipDownloadMs } from '../scenario/runtimes';
import type { Scenario } from '../scenario/types';
import { coldProbabilitySingle, meanEnvironmentsSingle } from './closedForm';
import { mahmoudiKhazaei, type MkResult } from './mahmoudiKhazaei';

/**
 * The analytic values a run is drawn against: the single-environment closed form and the
 * Mahmoudi & Khazaei model, for the scenario's first function, with the inputs read from
 * the scenario (means of its distributions). They apply only to Poisson traffic.
 */
export interface ModelInputs {
  function: string;
  ratePerSec: number;
  keepAliveMs: number;
  /** Time an environment is busy with a warm request: handler + platform overhead (ms). */
  warmServiceMs: number;
  /** The same for a cold one: + placement, code download and Init (ms). */
  coldServiceMs: number;
}

export type Overlay =
  | { applies: true; inputs: ModelInputs; closedForm: { coldProbability: number; meanEnvironments: number; load: number }; mk: MkResult }
  | { applies: false; reason: string };

export function modelInputs(s: Scenario): ModelInputs | string {
  const f = s.functions[0];
  if (!f) return 'the scenario has no function';
  const others = new Set(s.workload.map((w) => w.function.split(':')[0]).filter((n) => n !== f.name));
  if (others.size > 0 || s.trace) return `the models describe one function under Poisson traffic; this scenario also invokes ${s.trace ? 'a replayed trace' : [...others].join(', ')}`;
  const entries = s.workload.filter((w) => w.function.split(':')[0] === f.name);
  if (entries.length === 0) return `no workload entry invokes ${f.name}`;
  const notPoisson = entries.find((w) => w.arrival.process !== 'poisson' || w.mode !== 'RequestResponse' || w.startMs > 0 || w.endMs < Infinity);
  if (notPoisson) return `the models assume synchronous Poisson traffic over the whole run; ${f.name} also gets ${notPoisson.mode} ${notPoisson.arrival.process} arrivals${notPoisson.startMs > 0 || notPoisson.endMs < Infinity ? ' in a window' : ''}`;
  const ratePerSec = entries.reduce((a, w) => a + (w.arrival as { ratePerSec: number }).ratePerSec, 0);
  const p = s.platform;
  const warmServiceMs = meanOf(f.durationMs) + meanOf(p.warmOverheadMs);
  const init = meanOf(f.initMs ?? presetInitDist(f.runtime, f.package.type));
  const code = f.package.type === 'zip' ? zipDownloadMs(f.package.sizeMb) : meanOf(p.imageFetchMs);
  return { function: f.name, ratePerSec, keepAliveMs: meanOf(f.keepAliveMs), warmServiceMs, coldServiceMs: warmServiceMs + meanOf(p.placementMs) + code + init };
}

export function analyticOverlay(s: Scenario): Overlay {
  const i = modelInputs(s);
  if (typeof i === 'string') return { applies: false, reason: i };
  const mk = mahmoudiKhazaei({
    ratePerSec: i.ratePerSec, warmServiceSec: i.warmServiceMs / 1000, coldServiceSec: i.coldServiceMs / 1000,
    idleBeforeExpirySec: i.keepAliveMs / 1000, maxInstances: s.account.concurrencyLimit,
  });
  return {
    applies: true, inputs: i, mk,
    closedForm: {
      coldProbability: coldProbabilitySingle(i.ratePerSec, i.keepAliveMs, i.warmServiceMs),
      meanEnvironments: meanEnvironmentsSingle(i.ratePerSec, i.keepAliveMs, i.warmServiceMs),
      load: (i.ratePerSec * i.warmServiceMs) / 1000,
    },
  };
}

/** Words for the overlay: what each model assumes (shown beside its line). */
export const ASSUMPTIONS = {
  closedForm: 'One environment: Poisson arrivals at rate λ, each served for s, then idle for the keep-alive T; the next request is warm iff it comes within T + s, so P(cold) = exp(−λ(T + s)). Ignores requests that arrive while it is busy: holds while λs ≪ 1.',
  mk: 'Mahmoudi & Khazaei (IEEE TCC 2020): Poisson arrivals; with n environments a request is cold exactly when all n are busy (Erlang B, M/G/n/n); each environment expires after T idle; the instance count is a birth–death chain solved in steady state. Steady state only; assumes requests overflow to environments in a fixed order.',
  simulation: 'The run itself: batch means over simulated time (first batch discarded as warm-up), 95 % Student-t interval.',
} as const;
