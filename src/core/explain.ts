import type { Invocation, ThrottleDetail } from './model/records';
import { THROTTLE_REASONS } from './services/throttleReasons';

const t = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(1)} ms`);
const d = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/**
 * Why an invocation was cold or warm, and where its time went, in words with the times:
 * the causal chain the Counting, Assignment and Placement services followed.
 *
 * With `asOfMs`, only what has happened by then: the core lays a request's whole timeline
 * when it arrives, but a view following the request (a tour step in slow motion) must not
 * tell the end of the story before the picture gets there.
 */
export function explainInvocation(inv: Omit<Invocation, 'pendingOutcome'>, asOfMs = Infinity): string[] {
  const out: string[] = [];
  const seen = (ms: number) => !Number.isNaN(ms) && ms <= asOfMs;
  const who = `inv-${inv.id} (${inv.mode}${inv.asyncEvent ? `, poller attempt for event-${inv.asyncEvent}${inv.duplicate ? ', duplicate delivery' : ''}` : ''}${inv.attempt > 1 ? `, client attempt ${inv.attempt}` : ''})`;
  out.push(`${who} reached the Frontend Invoke service at t=${t(inv.receivedMs)}.`);
  const answeredMs = inv.respondedMs - inv.responseOverheadMs; // when the outcome was decided
  if (inv.rejectReason || inv.state === 'DryRunSucceeded' || (inv.serviceErrorReason === 'ServiceException')) {
    if (!seen(answeredMs)) return out;
    if (inv.rejectReason) out.push(`It was rejected with ${inv.statusCode} ${inv.rejectReason}${inv.rejectReason === 'ResourceConflictException' ? ': the function (or version) is Pending' : ''}.`);
    else if (inv.state === 'DryRunSucceeded') out.push('DryRun: the Frontend checked parameters and permissions and answered 204. Nothing ran.');
    else out.push('The invoke service was unavailable (an injected outage): 5xx ServiceException.');
    return out;
  }
  if (!seen(inv.countedMs)) {
    out.push('It is on its way to Counting, which must grant it a unit of concurrency.');
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
  if (!seen(inv.assignedMs)) {
    out.push(`Counting granted a concurrency unit by t=${t(inv.countedMs)}; Assignment is looking for an idle environment of version ${inv.version}.`);
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
    if (!seen(inv.placedMs)) {
      out.push('Placement is choosing a worker for a new execution environment.');
      return out;
    }
    out.push(`Placement chose worker-${inv.worker} in ${d(inv.placedMs - inv.assignedMs)}.`);
    out.push(microVmLine(inv, asOfMs));
    if (!seen(inv.microvmReadyMs)) return out;
    if (!seen(inv.codeReadyMs)) {
      out.push(`${inv.restored ? 'The SnapStart snapshot' : 'The code'} is being copied to the worker.`);
      return out;
    }
    out.push(`Code in place after ${d(inv.codeReadyMs - inv.microvmReadyMs)} more (${inv.restored ? 'the SnapStart snapshot' : 'the package'} on the worker).`);
    if (inv.restored) {
      if (!seen(inv.restoreEndMs)) { out.push('SnapStart: restoring the snapshot instead of running Init.'); return out; }
      out.push(`SnapStart: restored the snapshot in ${d(inv.restoreEndMs - inv.codeReadyMs)} instead of running Init.`);
    } else if (!Number.isNaN(inv.functionInitEndMs) && seen(inv.functionInitEndMs)) {
      out.push(`Init: extension ${d(inv.extensionInitEndMs - inv.codeReadyMs)}, runtime ${d(inv.runtimeInitEndMs - inv.extensionInitEndMs)}, function ${d(inv.functionInitEndMs - inv.runtimeInitEndMs)}.`);
    } else if (seen(inv.invokeStartMs)) {
      out.push('Init did not finish within its 10 s limit (or failed), so Lambda retried it inside the Invoke phase, bounded by the function timeout.');
    } else {
      const phase = seen(inv.runtimeInitEndMs) ? 'function init (the code outside the handler)' : seen(inv.extensionInitEndMs) ? 'runtime init' : 'extension init';
      out.push(`Init is running: now ${phase}.`);
      return out;
    }
  }
  if (!seen(inv.invokeStartMs)) {
    out.push('The payload is on its way from the Frontend to the microVM.');
    return out;
  }
  if (!seen(inv.invokeEndMs)) {
    if (inv.serviceErrorReason === 'WorkerLost' && seen(answeredMs)) out.push('The worker was lost mid-request: 5xx service error.');
    else out.push(`Invoke: the handler is running on env-${inv.env}.`);
    return out;
  }
  out.push(`Invoke: ${d(inv.invokeEndMs - inv.invokeStartMs)} on env-${inv.env}; outcome ${inv.state}${inv.state === 'TimedOut' ? ' (the function timeout ended it and reset the environment)' : ''}.`);
  if (inv.serviceErrorReason === 'WorkerLost') out.push('The worker was lost mid-request: 5xx service error.');
  if (seen(inv.respondedMs)) out.push(`Response at t=${t(inv.respondedMs)}: ${d(inv.respondedMs - inv.receivedMs)} end to end, status ${inv.statusCode}.`);
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

/**
 * Where the microVM came from. With the worker's pre-booted pool empty, the wait for
 * microVM capacity (a creation slot: the MicroManager creates a bounded number per second)
 * is told apart from the Firecracker boot itself.
 */
function microVmLine(inv: Omit<Invocation, 'pendingOutcome'>, asOfMs: number): string {
  if (!(inv.microvmReadyMs > inv.placedMs)) return 'The microVM came at once from the worker’s pool of pre-booted Firecracker microVMs: no boot on this request’s path.';
  const start = Number.isNaN(inv.microvmBootStartMs) ? inv.placedMs : inv.microvmBootStartMs;
  const wait = start - inv.placedMs;
  const boot = inv.microvmReadyMs - start;
  if (asOfMs < start) return `The worker’s pre-booted pool was empty: waiting for microVM capacity (a creation slot on worker-${inv.worker}).`;
  if (asOfMs < inv.microvmReadyMs) return `The worker’s pre-booted pool was empty${wait > 0.05 ? ` (waited ${d(wait)} for microVM capacity)` : ''}: a Firecracker microVM is booting.`;
  const waited = wait > 0.05
    ? `waited ${d(wait)} for microVM capacity (a creation slot on worker-${inv.worker}: its MicroManager was already creating microVMs as fast as it may), then`
    : 'needed no wait for microVM capacity, but';
  return `The worker’s pre-booted pool was empty: the request ${waited} waited ${d(boot)} for the microVM to boot.`;
}
