import { closeSync, openSync, writeSync } from 'node:fs';
import type { Invocation } from '../core/model/records';
import type { Scenario } from '../core/scenario/types';
import type { Simulation } from '../core/simulation';
import { PerfettoBuilder, TRACE_HEAD, traceTail } from '../core/export/perfetto';
import { invocationSpans, OTLP_HEAD, OTLP_TAIL } from '../core/export/otlp';

/**
 * `--perfetto FILE` and `--otlp FILE`: every completed invocation is written as it
 * completes (buffered in 64 KiB writes), so a long run never holds its trace in memory.
 */
export interface RunExports {
  invocation(inv: Invocation): void;
  close(sim: Simulation): void;
}

class Out {
  private buf: string[] = [];
  private size = 0;
  private first = true;
  constructor(private readonly fd: number) {}
  item(json: string): void {
    this.buf.push(this.first ? json : ',\n' + json);
    this.first = false;
    this.size += json.length;
    if (this.size > 65_536) this.flush();
  }
  raw(s: string): void { this.buf.push(s); }
  flush(): void { writeSync(this.fd, this.buf.join('')); this.buf = []; this.size = 0; }
  close(tail: string): void { this.raw(tail); this.flush(); closeSync(this.fd); }
}

function open(path: string, flag: string): Out {
  try {
    return new Out(openSync(path, 'w'));
  } catch (e) {
    throw new Error(`${flag} ${path}: cannot be written (${(e as Error).message})`);
  }
}

export function openExports(f: { perfetto?: string; otlp?: string }, scenario: Scenario): RunExports | null {
  if (f.perfetto === undefined && f.otlp === undefined) return null;
  const names = scenario.functions.map((x) => x.name);
  const fnName = (fn: number, requested: string) => names[fn] ?? requested.split(':')[0];
  const perfetto = f.perfetto !== undefined ? open(f.perfetto, '--perfetto') : null;
  const otlp = f.otlp !== undefined ? open(f.otlp, '--otlp') : null;
  const builder = new PerfettoBuilder(fnName);
  perfetto?.raw(TRACE_HEAD);
  otlp?.raw(OTLP_HEAD);
  return {
    invocation(inv) {
      if (perfetto) for (const e of builder.add(inv)) perfetto.item(JSON.stringify(e));
      if (otlp) for (const s of invocationSpans(inv, fnName(inv.fn, inv.functionName), scenario.seed)) otlp.item(JSON.stringify(s));
    },
    close(sim) {
      perfetto?.close(traceTail({ generator: 'Lambdascope', seed: scenario.seed, simulatedMs: sim.nowMs, invocations: builder.invocations, timeUnit: 'virtual ms since the run started' }));
      otlp?.close(OTLP_TAIL);
    },
  };
}
