import type { SimContext } from '../context';
import { LOG, PROACTIVE_WHY } from '../logCodes';
import type { Environment } from '../model/records';
import { checkConcurrency, lease } from './counting';
import { placeEnvironment } from './placement';

/**
 * Proactive initialization, make-before-break (lambda-facts.md §2.2, §10): before a worker's
 * lease ends, and when an environment is recycled, Lambda "might initialize a new execution
 * environment to replace an execution environment that is about to be shut down" [DOC
 * troubleshooting-invocation]. The replacement is placed on a worker with lease left and
 * initialized with no request waiting; the old environment keeps serving until the
 * replacement is ready, then retires. The replacement inherits the old one's idle clock
 * (keep-alive deadline), so a replaced environment expires when it would have.
 */
export function replaceEnvironment(ctx: SimContext, old: Environment, why: keyof typeof PROACTIVE_WHY): boolean {
  const s = ctx.state;
  if (!s.scenario.platform.proactiveReplacement) return false;
  if (old.replacedBy !== 0 || old.retiring || old.state === 'ShuttingDown' || old.state === 'Terminated') return false;
  const fn = s.functions[old.fn];
  const v = s.versions[old.ver];
  if (fn.state === 'Deleted' || old.revision !== v.revision) return false;
  if (old.provisioned) {
    // A provisioned replacement holds its own unit while both run; without one, break before make.
    if (checkConcurrency(s, fn)) return false;
    lease(s, fn);
    v.provisioned.live++;
  }
  const env = placeEnvironment(ctx, fn, v, null, old.provisioned, old.id, old.tenant);
  old.replacedBy = env.id;
  s.metrics.proactive++;
  if (why === 'lease') s.metrics.proactiveForLease++;
  else s.metrics.proactiveForRecycle++;
  ctx.record(LOG.PROACTIVE_INIT, env.id, old.id, PROACTIVE_WHY[why]);
  return true;
}

/**
 * A replacement is initialized and idle: it takes over. Returns the old environment if it is
 * still there to retire (the caller retires it), with its idle clock copied onto `env`.
 */
export function takeOver(ctx: SimContext, env: Environment): Environment | undefined {
  const s = ctx.state;
  const old = s.environments.get(env.replaces);
  env.replaces = 0;
  if (!old || old.replacedBy !== env.id) return undefined;
  old.replacedBy = 0;
  if (!old.provisioned && (old.state === 'Idle' || old.state === 'Reset')) {
    env.idleSinceMs = old.idleSinceMs;
    env.keepAliveDeadlineMs = old.keepAliveDeadlineMs;
  }
  ctx.record(LOG.REPLACED, env.id, old.id, 0);
  return old;
}

/** The old environment went away first (expired, lost): its replacement has no one to replace. */
export function abandonReplacement(ctx: SimContext, old: Environment, stillNeeded: boolean): void {
  if (old.replacedBy === 0) return;
  const repl = ctx.state.environments.get(old.replacedBy);
  old.replacedBy = 0;
  if (!repl) return;
  repl.replaces = 0;
  if (!stillNeeded) repl.retiring = true; // shut down when its Init ends: nobody needs it
}
