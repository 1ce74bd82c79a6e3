import type { SimContext } from '../context';
import type { VersionRuntime } from '../model/functionRuntime';
import type { Environment } from '../model/records';
import { retireEnvironment } from './environmentLifecycle';
import { growProvisioned, updateProvisionedStatus } from './provisionedConcurrency';

/**
 * A provisioned-concurrency configuration takes effect (PutProvisionedConcurrencyConfig, or
 * its removal): environments are added up to the requested number, or the surplus is
 * retired, idle ones first.
 */
export function allocateProvisioned(ctx: SimContext, v: VersionRuntime): void {
  if (ctx.state.functions[v.fn].state === 'Deleted') return;
  if (!growProvisioned(ctx, v)) return;
  if (v.provisioned.live > v.provisioned.requested) {
    let surplus = v.provisioned.live - v.provisioned.requested;
    const mine = [...ctx.state.environments.values()].filter((e) => e.ver === v.id && e.provisioned && !e.retiring);
    mine.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    for (const env of mine) {
      if (surplus-- <= 0) break;
      retireEnvironment(ctx, env, 'provisioned-removed');
    }
  }
  updateProvisionedStatus(ctx, v);
}

const rank = (e: Environment) => (e.state === 'Idle' || e.state === 'Reset' ? 0 : 1);
