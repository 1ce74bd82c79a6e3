import { PerfettoBuilder, TRACE_HEAD, traceTail, invocationSpans, OTLP_HEAD, OTLP_TAIL } from '../../core/index';
import type { WorkbenchReply } from '../../protocol/workbench';
import type { Session } from '../session';
import type { Job } from './jobs';

/**
 * Perfetto / OpenTelemetry export of the run so far: the session replays the run (with the
 * user's inputs) from the start, as the Run JSON export does, and every completed
 * invocation is written. At most MAX_INVOCATIONS are written (the file says so), so a
 * long run cannot exhaust the page's memory.
 */
const MAX_INVOCATIONS = 100_000;

export function* exportJob(session: Session, format: 'perfetto' | 'otlp', done: (r: WorkbenchReply) => void): Job {
  yield { fraction: 0, text: `replaying the run for the ${format} export` };
  const names = session.scenario.functions.map((f) => f.name);
  const fnName = (fn: number, requested: string) => names[fn] ?? requested.split(':')[0];
  const builder = new PerfettoBuilder(fnName);
  const parts: string[] = [];
  let n = 0, truncated = false;
  const seed = session.scenario.seed;
  session.exportRun(16, (inv) => {
    if (n >= MAX_INVOCATIONS) { truncated = true; return; }
    n++;
    if (format === 'perfetto') for (const e of builder.add(inv)) parts.push(JSON.stringify(e));
    else for (const s of invocationSpans(inv, fnName(inv.fn, inv.functionName), seed)) parts.push(JSON.stringify(s));
  });
  const text = format === 'perfetto'
    ? TRACE_HEAD + parts.join(',\n') + traceTail({ generator: 'Lambdascope', seed, simulatedMs: session.sim.nowMs, invocations: n, truncated, timeUnit: 'virtual ms since the run started' })
    : OTLP_HEAD + parts.join(',\n') + OTLP_TAIL;
  done({ kind: 'export', name: format === 'perfetto' ? 'perfetto-trace.json' : 'otlp-spans.json', text, invocations: n, truncated });
}
