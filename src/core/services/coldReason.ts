import type { VersionRuntime } from '../model/functionRuntime';
import type { ColdReason } from '../model/records';
import type { SimState } from '../model/simState';

/**
 * Why did this request need a new environment? Assignment found no idle environment of
 * this version (of this tenant, with tenant isolation), and the version's state says which
 * of these it was: its provisioned environments were all busy (spill-over to on-demand);
 * every existing environment was busy or still initializing; the last idle one had been
 * reclaimed (keep-alive, worker lease, recycle …) — never one that a proactive replacement
 * took over, which hid nothing; the code was updated and the old environments reaped; or
 * none had ever existed.
 */
export function coldReason(s: SimState, v: VersionRuntime, tenant = 0): ColdReason {
  if (tenant !== 0) {
    let others = 0;
    for (const e of s.environments.values()) if (e.ver === v.id && e.tenant !== tenant) others++;
    return { kind: 'tenant', tenant, others };
  }
  if (v.provisioned.live > 0) return { kind: 'provisioned-busy', provisioned: v.provisioned.live };
  if (v.busy + v.initializing > 0) return { kind: 'all-busy', busy: v.busy, initializing: v.initializing };
  const r = v.lastReclaim;
  if (r && !(r.atMs < v.updatedAtMs)) return { kind: 'reclaimed', env: r.env, atMs: r.atMs, idleSinceMs: r.idleSinceMs, cause: r.cause };
  if (!Number.isNaN(v.updatedAtMs)) return { kind: 'code-updated', atMs: v.updatedAtMs, revision: v.revision };
  return { kind: 'first', detail: v.placedEver === 0 ? 'first request to this version' : 'no environment of this version exists' };
}
