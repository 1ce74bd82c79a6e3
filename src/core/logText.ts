import type { LogRecord } from './engine/eventLog';
import { ASYNC_STATE_CODES, ENVIRONMENT_STATE_CODES, INVOCATION_STATE_CODES, LOG, PROACTIVE_WHY } from './logCodes';
import type { SimState } from './model/simState';
import { describeEventSourceRecord } from './eventSources/logText';

/** An event-log record in words, for the page's event list. */
export interface LogEntry {
  seq: number;
  atMs: number;
  kind: 'request' | 'environment' | 'outcome' | 'async' | 'control' | 'fault' | 'worker' | 'eventSource';
  text: string;
  env?: number;
  invocation?: number;
  interesting: boolean;
}

const INTERESTING_ENV = new Set(['Provisioning', 'ShuttingDown', 'InitRetry', 'Restoring']);

export function describeRecord(sim: { readonly state: SimState }, r: LogRecord, seq: number): LogEntry {
  const s = sim.state;
  const fnName = (i: number) => s.functions[i]?.name ?? '?';
  switch (r.code) {
    case LOG.REQUEST_RECEIVED:
      return { seq, atMs: r.atMs, kind: 'request', invocation: r.a, interesting: false,
        text: `inv-${r.a} received by the Frontend${r.b === 0xffffffff ? ' (unknown function)' : ` for ${fnName(r.b)}`}${r.c > 1 ? `, attempt ${r.c}` : ''}` };
    case LOG.WORKER_ADDED: return { seq, atMs: r.atMs, kind: 'worker', interesting: true, text: `worker-${r.a} joined the fleet` };
    case LOG.WORKER_DRAINING: return { seq, atMs: r.atMs, kind: 'worker', interesting: true, text: `worker-${r.a} is draining: its lease ends soon` };
    case LOG.WORKER_TERMINATED: return { seq, atMs: r.atMs, kind: 'worker', interesting: true, text: `worker-${r.a} terminated` };
    case LOG.MICROVM_BOOTED: return { seq, atMs: r.atMs, kind: 'worker', interesting: false, text: `worker-${r.a} booted a microVM into its pool (${r.b} ready)` };
    case LOG.ENVIRONMENT_STATE: {
      const state = ENVIRONMENT_STATE_CODES[r.b];
      return { seq, atMs: r.atMs, kind: 'environment', env: r.a, invocation: r.c || undefined, interesting: INTERESTING_ENV.has(state),
        text: `env-${r.a} → ${state}${r.c ? ` (inv-${r.c})` : ''}` };
    }
    case LOG.INVOCATION_OUTCOME: {
      const state = INVOCATION_STATE_CODES[r.b];
      return { seq, atMs: r.atMs, kind: 'outcome', invocation: r.a, env: r.c || undefined, interesting: state === 'Throttled' || state === 'ServiceError' || state === 'TimedOut',
        text: `inv-${r.a} ${state}${r.c ? ` on env-${r.c}` : ''}` };
    }
    case LOG.ASYNC_EVENT_STATE: {
      const state = ASYNC_STATE_CODES[r.b];
      return { seq, atMs: r.atMs, kind: 'async', invocation: r.c || undefined, interesting: state === 'RetryWait' || state === 'DeadLettered' || state === 'Dropped' || state === 'Backoff',
        text: `event-${r.a} → ${state}` };
    }
    case LOG.CONTROL_PLANE_CALL: {
      // The results list keeps the latest calls; call #a sits (calls − a) from its end, if still kept.
      const res = s.controlPlaneResults[s.controlPlaneResults.length - (s.controlPlaneCalls - r.a)];
      return { seq, atMs: r.atMs, kind: 'control', interesting: true, text: res ? `${res.action} ${res.function}: ${res.ok ? '' : 'failed — '}${res.message}` : `control-plane call #${r.a} ${r.b ? 'ok' : 'failed'}` };
    }
    case LOG.FAULT: {
      const f = s.faults.history[r.a];
      return { seq, atMs: r.atMs, kind: 'fault', interesting: true, text: `fault ${f?.type ?? r.a} ${r.b ? 'started' : 'ended'}${r.c ? ` (worker-${r.c})` : ''}` };
    }
    case LOG.PROACTIVE_INIT:
      return { seq, atMs: r.atMs, kind: 'environment', env: r.a, interesting: true,
        text: `proactive Init: env-${r.a} initializes with no request waiting, to replace env-${r.b} ${r.c === PROACTIVE_WHY.lease ? 'before its worker\u2019s lease ends' : 'due for recycling'}` };
    case LOG.REPLACED:
      return { seq, atMs: r.atMs, kind: 'environment', env: r.a, interesting: true, text: `env-${r.a} is ready and takes over from env-${r.b} (its idle clock too); env-${r.b} retires` };
    case LOG.POLLER_ADDED:
      return { seq, atMs: r.atMs, kind: 'async', interesting: false, text: `the async poller fleet grows to ${r.a} pollers` };
    case LOG.ASYNC_DELIVERED:
      return { seq, atMs: r.atMs, kind: 'async', invocation: r.c || undefined, interesting: true,
        text: r.b === 1 ? `event-${r.a}'s body sent to the dead-letter queue` : `an invocation record of event-${r.a} sent to the on-failure destination` };
    case LOG.CONTROL_PLANE_THROTTLED:
      return { seq, atMs: r.atMs, kind: 'control', interesting: true, text: `PublishVersion ${fnName(r.b)}: 429 ConcurrentSnapshotCreateLimitExceeded` };
    default: {
      const e = describeEventSourceRecord(s, r);
      if (e) return { seq, atMs: r.atMs, kind: 'eventSource', ...e };
      return { seq, atMs: r.atMs, kind: 'worker', interesting: false, text: `record ${r.code}` };
    }
  }
}
