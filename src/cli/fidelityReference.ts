import { RandomStream } from '../core/engine/random';

/**
 * The reference model of SimFaaS (Mahmoudi & Khazaei): scale-per-request serverless, written
 * here from the papers' description — Poisson arrivals; each instance serves one request at a
 * time; a request finding no idle instance is a cold start and creates one; among idle
 * instances the newest (most recently created) serves, so older ones expire; an instance idle
 * for the expiration threshold is removed. Service times as given (warm; cold when the
 * instance was just created). Returns P(cold) and the time-averaged instance count.
 */
export interface ReferenceInput { ratePerSec: number; warmMs: number; coldMs: number; expiryMs: number; horizonMs: number; seed: number }
export interface ReferenceResult { requests: number; coldStarts: number; pCold: number; meanInstances: number }

export function referenceModel(inp: ReferenceInput): ReferenceResult {
  const rng = new RandomStream(inp.seed, 'fidelity:reference');
  const meanGap = 1000 / inp.ratePerSec;
  // Instances: creation id (newest = largest), busy until, idle since. Few at these rates: arrays suffice.
  const busyUntil: number[] = [];
  const idleSince: number[] = [];
  const alive: boolean[] = [];
  let live = 0, area = 0, last = 0, requests = 0, cold = 0;
  const advance = (t: number) => { area += live * (t - last); last = t; };
  /** Removes instances whose idle period passed the threshold before `t`, at the moment they expired. */
  const expireBefore = (t: number) => {
    for (;;) {
      let first = -1, at = Infinity;
      for (let i = 0; i < alive.length; i++) {
        if (!alive[i]) continue;
        const idleFrom = Math.max(idleSince[i], busyUntil[i]);
        const expires = idleFrom + inp.expiryMs;
        if (busyUntil[i] <= t && expires < t && expires < at) { at = expires; first = i; }
      }
      if (first < 0) return;
      advance(at);
      alive[first] = false;
      live--;
    }
  };
  /** Drops removed instances, keeping creation order (the newest stays last). */
  const compact = () => {
    let k = 0;
    for (let i = 0; i < alive.length; i++) {
      if (!alive[i]) continue;
      busyUntil[k] = busyUntil[i]; idleSince[k] = idleSince[i]; alive[k] = true; k++;
    }
    busyUntil.length = idleSince.length = alive.length = k;
  };
  let t = -meanGap * Math.log(rng.nextOpen());
  while (t < inp.horizonMs) {
    expireBefore(t);
    advance(t);
    requests++;
    let pick = -1;
    for (let i = alive.length - 1; i >= 0; i--) if (alive[i] && busyUntil[i] <= t) { pick = i; break; } // the newest idle one
    if (pick >= 0) {
      idleSince[pick] = t + inp.warmMs;
      busyUntil[pick] = t + inp.warmMs;
    } else {
      cold++;
      alive.push(true);
      busyUntil.push(t + inp.coldMs);
      idleSince.push(t + inp.coldMs);
      live++;
    }
    t += -meanGap * Math.log(rng.nextOpen());
    if (alive.length > 256 && live * 4 < alive.length) compact();
  }
  expireBefore(inp.horizonMs);
  advance(inp.horizonMs);
  return { requests, coldStarts: cold, pCold: cold / requests, meanInstances: area / inp.horizonMs };
}
