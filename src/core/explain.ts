import type { Invocation, ThrottleDetail } from './model/records';
import { THROTTLE_REASONS } from './services/throttleReasons';

const t = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(1)} ms`);
const d = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/**
 * Why an invocation was cold or warm, and where its time went, in words with the times:
 * the causal chain the Counting, Assignment and Placement services followed.
 */
export function explainInvocation(inv: Omit<Invocation, 'pendingOutcome'>): string[] {
  const out: string[] = [];
  const who = `inv-${inv.id} (${inv.mode}${inv.asyncEvent ? `, poller attempt for event-${inv.asyncEvent}${inv.duplicate ? ', duplicate delivery' : ''}` : ''}${inv.attempt > 1 ? `, client attempt ${inv.attempt}` : ''})`;
  out.push(`${who} reached the Frontend Invoke service at t=${t(inv.receivedMs)}.`);
  if (inv.rejectReason) {
    out.push(`It was rejected with ${inv.statusCode} ${inv.rejectReason}${inv.rejectReason === 'ResourceConflictException' ? ': the function (or version) is Pending' : ''}.`);
    return out;
  }
  if (inv.state === 'DryRunSucceeded') {
    out.push('DryRun: the Frontend checked parameters and permissions and answered 204. Nothing ran.');
    return out;
  }
  if (inv.serviceErrorReason === 'ServiceException') {
    out.push('The invoke service was unavailable (an injected outage): 5xx ServiceException.');
    return out;
  }
  if (inv.throttleReason) {
    out.push(`Throttled: 429 TooManyRequestsException (${inv.throttleReason})${inv.throttle ? ` — ${throttleWhy(inv.throttle)}` : ''}.`);
    if (inv.throttle) {
      const map = THROTTLE_REASONS[inv.throttle.cause];
      out.push(`Which reason AWS gives for this limit: ${map.source}.${inv.throttle.retryAfterSeconds ? ` Retry-After: ${inv.throttle.retryAfterSeconds} s.` : ''}`);
    }
    return out;
  }
  out.push(`Counting granted a concurrency unit by t=${t(inv.countedMs)}; Assignment answered by t=${t(inv.assignedMs)}.`);
  if (inv.provisioned) out.push('Warm: a provisioned-concurrency environment was idle — initialized ahead of time, so no Init on this request.');
  else if (!inv.cold) {
    out.push(`Warm: Assignment found idle environment env-${inv.env} of version ${inv.version} and thawed it.`);
    if (inv.reinit) out.push('That environment had been reset after a timeout or crash, so its runtime re-initialized inside this Invoke (no Init Duration is reported).');
  } else {
    const r = inv.coldReason;
    let because = 'no idle environment of this version was available';
    if (r?.kind === 'first') because = `${r.detail}`;
    else if (r?.kind === 'all-busy') because = `all ${r.busy + r.initializing} environments of version ${inv.version} were busy (${r.busy} invoking, ${r.initializing} initializing)`;
    else if (r?.kind === 'reclaimed') because = `the last idle environment, env-${r.env}, idle since t=${t(r.idleSinceMs)}, had been reclaimed at t=${t(r.atMs)} (${reclaimWhy(r.cause, r.atMs - r.idleSinceMs)})`;
    else if (r?.kind === 'code-updated') because = `the code was updated at t=${t(r.atMs)} and the old environments were reaped`;
    else if (r?.kind === 'provisioned-busy') because = `all ${r.provisioned} provisioned environments were busy, so the request spilled over to on-demand`;
    else if (r?.kind === 'tenant') because = `tenant isolation: no idle environment dedicated to this tenant existed (${r.others} environments serve other tenants and are never shared)`;
    out.push(`Cold: ${because}.`);
    out.push(`Placement chose worker-${inv.worker} in ${d(inv.placedMs - inv.assignedMs)}; the microVM was ready ${inv.microvmReadyMs > inv.placedMs ? `after ${d(inv.microvmReadyMs - inv.placedMs)}: no worker with room had a pre-booted microVM left, so it waited for the worker's boot capacity (microVM creations per second) and a boot` : 'at once, from the pre-booted pool'}; code in place after ${d(inv.codeReadyMs - inv.microvmReadyMs)}.`);
    if (inv.restored) out.push(`SnapStart: restored the snapshot in ${d(inv.restoreEndMs - inv.codeReadyMs)} instead of running Init.`);
    else if (!Number.isNaN(inv.functionInitEndMs)) {
      out.push(`Init: extension ${d(inv.extensionInitEndMs - inv.codeReadyMs)}, runtime ${d(inv.runtimeInitEndMs - inv.extensionInitEndMs)}, function ${d(inv.functionInitEndMs - inv.runtimeInitEndMs)}.`);
    } else if (!Number.isNaN(inv.invokeStartMs)) {
      out.push('Init did not finish within its 10 s limit (or failed), so Lambda retried it inside the Invoke phase, bounded by the function timeout.');
    }
  }
  if (!Number.isNaN(inv.invokeEndMs)) out.push(`Invoke: ${d(inv.invokeEndMs - inv.invokeStartMs)} on env-${inv.env}; outcome ${inv.state}${inv.state === 'TimedOut' ? ' (the function timeout ended it and reset the environment)' : ''}.`);
  if (inv.serviceErrorReason === 'WorkerLost') out.push('The worker was lost mid-request: 5xx service error.');
  if (!Number.isNaN(inv.respondedMs)) out.push(`Response at t=${t(inv.respondedMs)}: ${d(inv.respondedMs - inv.receivedMs)} end to end, status ${inv.statusCode}.`);
  return out;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The limit that ran out, in the scenario's own numbers. */
function throttleWhy(t: ThrottleDetail): string {
  switch (t.cause) {
    case 'account-concurrency': return `the account's unreserved concurrency (${n(t.limit)}) was all in use`;
    case 'reserved-concurrency': return t.limit === 0 ? 'the function\u2019s reserved concurrency is 0: every invocation is throttled' : `the function's reserved concurrency (${n(t.limit)}) was all in use`;
    case 'scaling-rate': return `no idle environment existed and the function's scaling rate (${n(t.limit)} new environments per ${d(t.perMs)}) was used up`;
    case 'function-request-rate': return `the function's request rate reached its quota of ${n(t.limit)} requests per second (10 × its concurrency limit)`;
    case 'reserved-request-rate': return `the function's request rate reached ${n(t.limit)} requests per second (10 × its reserved concurrency)`;
    case 'account-request-rate': return `the account's invocation requests reached the Region's quota of ${n(t.limit)} per second (10 × its concurrency quota)`;
    case 'provisioned-request-rate': return `requests to this version reached ${n(t.limit)} per second (10 × its provisioned concurrency)`;
    case 'tenant-environments': return `the function already had ${n(t.limit)} tenant environments (at most 2,500 per 1,000 concurrency)`;
  }
}

function reclaimWhy(cause: string, idleMs: number): string {
  switch (cause) {
    case 'keep-alive': return `keep-alive expired after ${d(idleMs)} idle`;
    case 'worker-lease': return 'its worker\u2019s lease ended and no replacement was initialized';
    case 'recycled': return 'recycled after its lifetime (Lambda replaces environments every few hours) without a replacement';
    default: return cause;
  }
}
