import type { SimState } from '../model/simState';
import { PRICING } from './pricing';
import { cacheGbSeconds, provisionedPeriodGbSeconds } from './meter';

/** One function's bill (CONTRACTS.md §2 `cost.byFunction`). Dollars unrounded; quantities in GB-seconds. */
export interface FunctionCost {
  usd: number;
  architecture: string;
  requests: number;
  invokeGbSeconds: number;
  initGbSeconds: number;
  provisionedGbSeconds: number;
  provisionedInvokeGbSeconds: number;
  snapStartCacheGbSeconds: number;
  snapStartRestoredGb: number;
  /** Dollars by line: requests, duration (Invoke), Init, provisioned allocated, duration on provisioned, SnapStart. */
  lines: { requests: number; invoke: number; init: number; provisioned: number; provisionedInvoke: number; snapStart: number };
}

export interface CostSummary {
  usd: number;
  requests: number;
  invokeGbSeconds: number;
  initGbSeconds: number;
  provisionedGbSeconds: number;
  byFunction: Record<string, FunctionCost>;
  byAccount: Record<string, { usd: number }>;
  /** The pricing table's id (region and date): cost/pricing.ts. */
  pricing: string;
  region: string;
  freeTier: boolean;
  /** Dollars the free tier took off (0 when off). */
  freeTierUsd: number;
}

/**
 * The bill at the simulation's current moment, from the meters (cost/meter.ts): pure, it
 * closes no period. Provisioned concurrency open now is billed as if disabled now (rounded up
 * to 5 minutes); a SnapStart cache open now for at least 3 hours.
 */
export function bill(s: SimState): CostSummary {
  const byFunction: Record<string, FunctionCost> = {};
  const byAccount: Record<string, { usd: number }> = {};
  for (const a of s.scenario.accounts) byAccount[a.id] = { usd: 0 };
  let usd = 0, requests = 0, invoke = 0, init = 0, provisioned = 0, odX86 = 0, odArm = 0;
  for (const fn of s.functions) {
    const m = fn.cost;
    const arch = s.versions[fn.versions.get('$LATEST')!].cfg.architecture;
    let pcGbs = 0, pcUsd = 0, cacheGbs = 0, cacheUsd = 0;
    for (const id of fn.versions.values()) {
      const v = s.versions[id], b = v.billing;
      const vPc = b.pcGbSeconds + (b.pcMb > 0 ? provisionedPeriodGbSeconds(b.pcMb, s.nowMs - b.pcSinceMs) : 0);
      pcGbs += vPc;
      pcUsd += vPc * PRICING.provisionedPerGbSecond[v.cfg.architecture];
      const vCache = b.cacheGbSeconds + (Number.isNaN(b.cacheSinceMs) ? 0 : cacheGbSeconds(v.cfg.memoryMb, s.nowMs - b.cacheSinceMs));
      cacheGbs += vCache;
      cacheUsd += vCache * PRICING.snapStartCachePerGbSecond;
    }
    const rate = PRICING.durationPerGbSecond[arch];
    const total = m.usd + pcUsd + cacheUsd;
    const name = byFunction[fn.name] ? `${fn.name}#${fn.index}` : fn.name; // a deleted and re-created name
    byFunction[name] = {
      usd: total, architecture: arch, requests: m.requests, invokeGbSeconds: m.invokeGbSeconds, initGbSeconds: m.initGbSeconds,
      provisionedGbSeconds: pcGbs, provisionedInvokeGbSeconds: m.provisionedInvokeGbSeconds, snapStartCacheGbSeconds: cacheGbs, snapStartRestoredGb: m.restoredGb,
      lines: {
        requests: m.requests * PRICING.perRequest, invoke: m.invokeGbSeconds * rate, init: m.initGbSeconds * rate,
        provisioned: pcUsd, provisionedInvoke: m.provisionedInvokeGbSeconds * PRICING.provisionedDurationPerGbSecond[arch],
        snapStart: cacheUsd + m.restoredGb * PRICING.snapStartRestorePerGb + m.restoreGbSeconds * rate,
      },
    };
    byAccount[s.scenario.accounts[fn.account].id].usd += total;
    usd += total;
    requests += m.requests;
    invoke += m.invokeGbSeconds;
    init += m.initGbSeconds;
    provisioned += pcGbs;
    odX86 += m.onDemandGbSecondsX86; // what the free tier covers: on-demand duration
    odArm += m.onDemandGbSecondsArm;
  }
  let freeTierUsd = 0;
  if (s.scenario.cost.freeTier) {
    // The monthly free tier, applied to the run as if it were the whole month [INF]: x86 GB-s first.
    const freeReq = Math.min(requests, PRICING.freeTier.requests);
    const freeX86 = Math.min(odX86, PRICING.freeTier.gbSeconds);
    const freeArm = Math.min(odArm, PRICING.freeTier.gbSeconds - freeX86);
    freeTierUsd = freeReq * PRICING.perRequest + freeX86 * PRICING.durationPerGbSecond.x86_64 + freeArm * PRICING.durationPerGbSecond.arm64;
    const share = usd > 0 ? Math.max(0, usd - freeTierUsd) / usd : 0;
    for (const k of Object.keys(byFunction)) byFunction[k].usd *= share; // spread in proportion [INF]
    for (const k of Object.keys(byAccount)) byAccount[k].usd *= share;
    usd = Math.max(0, usd - freeTierUsd);
  }
  return {
    usd, requests, invokeGbSeconds: invoke, initGbSeconds: init, provisionedGbSeconds: provisioned,
    byFunction, byAccount, pricing: PRICING.id, region: PRICING.region, freeTier: s.scenario.cost.freeTier, freeTierUsd,
  };
}
