import type { Summary } from '../core/summary';

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const usd = (x: number) => (x >= 0.01 ? `$${x.toFixed(2)}` : `$${x.toPrecision(3)}`);

/** Event source mappings: one line of fates and one of activity each. */
function eventSourceLines(s: Summary): string[] {
  if (!s.eventSources.length) return [];
  return ['Event source mappings', ...s.eventSources.flatMap((e) => [
    `  ${e.type} ${e.name} → ${e.function} (${e.state}): ${e.received} received = ${e.deleted} deleted + ${e.toDlq} to DLQ/destination + ${e.expired} expired + ${e.discarded} discarded + ${e.remaining} remaining`,
    `    ${e.batches} batches, ${e.invocations} invocations (${e.functionErrors} failed, ${e.throttles} throttled or refused, ${e.partialFailures} partial), ${e.retried} redeliveries, peak ${e.peakConcurrency} concurrent; oldest ${ms(e.oldestAgeMs)}${e.iteratorAgeMs !== null ? ` (iterator age)` : ''}${e.recursionStopped ? `; ${e.recursionStopped} stopped by recursive loop detection` : ''}`,
  ])];
}

/** The human-readable summary `npm run sim` prints without --json. */
export function formatSummary(s: Summary): string {
  const i = s.invocations;
  const lat = (name: string, l: Summary['latencyMs']['all']) =>
    `  ${name.padEnd(5)} n=${String(l.count).padStart(9)}  mean ${ms(l.mean).padStart(9)}  p50 ${ms(l.p50).padStart(9)}  p90 ${ms(l.p90).padStart(9)}  p99 ${ms(l.p99).padStart(9)}  p99.9 ${ms(l.p999).padStart(9)}`;
  const lines = [
    `Lambdascope run — seed ${s.seed}, ${ms(s.simulatedMs)} simulated in ${ms(s.wallMs)} wall`,
    ``,
    `Invocations  ${i.total} total: ${i.succeeded} succeeded, ${i.functionErrors} function errors, ${i.timedOut} timed out,`,
    `             ${i.throttled} throttled (429), ${i.dryRun} dry runs, ${i.rejected} rejected (4xx), ${i.serviceErrors} service errors, ${i.inFlight} in flight`,
    `Cold starts  ${s.coldStarts} (${pct(s.coldStartRatio)} of invocations that ran); throttle ratio ${pct(s.throttleRatio)}`,
    ...Object.entries(s.throttleReasons).map(([r, n]) => `             429 ${r}: ${n}`),
    `Environments created ${s.environments.created}, reclaimed ${s.environments.reclaimed}, peak ${s.environments.peak}; proactive Init ${s.environments.proactive} (${s.environments.proactiveForLease} before a lease ended, ${s.environments.proactiveForRecycle} for a recycle); recycled ${s.environments.recycled}`,
    `             mean total ${s.environments.meanTotal.toFixed(2)} = busy ${s.environments.meanBusy.toFixed(2)} + idle ${s.environments.meanIdle.toFixed(2)} + initializing ${s.environments.meanInitializing.toFixed(2)} (+ shutting down ${s.environments.meanShuttingDown.toFixed(2)}); utilization ${pct(s.utilization)}`,
    `Workers      peak ${s.workers.peak}, added ${s.workers.added}, drained ${s.workers.drained}, failed ${s.faults.workersFailed}`,
    `Async        ${s.async.accepted} accepted (202): ${s.async.succeeded} succeeded, ${s.async.retries} retries, ${s.async.toDlq} to the DLQ, ${s.async.toOnFailure} to the on-failure destination, ${s.async.expired} expired, ${s.async.dropped} dropped, ${s.async.duplicates} duplicates, ${s.async.queued} still queued`,
    `             AsyncEventsReceived ${s.async.metrics.AsyncEventsReceived}, AsyncEventsDropped ${s.async.metrics.AsyncEventsDropped}, AsyncEventAge p50 ${ms(s.async.metrics.AsyncEventAge.p50)} / p99 ${ms(s.async.metrics.AsyncEventAge.p99)} / max ${ms(s.async.metrics.AsyncEventAge.max)}; pollers at most ${s.async.peakPollers}`,
    `Control plane ${s.controlPlane.calls} calls, ${s.controlPlane.errors} errors; faults injected ${s.faults.injected}; client-queued requests ${s.clientQueued}`,
    `Latency (request received → response)`,
    lat('all', s.latencyMs.all),
    lat('cold', s.latencyMs.cold),
    lat('warm', s.latencyMs.warm),
    `Cost         ${usd(s.cost.usd)} (${s.cost.pricing}${s.cost.freeTier ? `, free tier −${usd(s.cost.freeTierUsd)}` : ', no free tier'}): ${s.cost.requests} requests, ${s.cost.invokeGbSeconds.toFixed(1)} GB-s Invoke, ${s.cost.initGbSeconds.toFixed(1)} GB-s Init, ${s.cost.provisionedGbSeconds.toFixed(1)} GB-s provisioned`,
    `Functions`,
    ...Object.entries(s.functions).map(([n, f]) => `  ${n}: ${f.invocations} invocations, ${f.coldStarts} cold starts, ${f.throttled} throttled${s.cost.byFunction[n] ? `, ${usd(s.cost.byFunction[n].usd)} (${s.cost.byFunction[n].architecture})` : ''}`),
    ...eventSourceLines(s),
    ``,
    `Event log    ${s.eventLogRecords} records, sha256 ${s.eventLogSha256}`,
  ];
  return lines.join('\n') + '\n';
}
