import { Simulation, describeRecord, recentRecords, summarize, type Invocation, type LogEntry, type Scenario, type Summary } from '../core/index';
import type { Recorded } from '../protocol/messages';
import { replayInput } from './inputs';

export interface ExportedRun { inputs: Recorded[]; entries: LogEntry[]; records: number; sha256: string; summary: Summary }

/** Events replayed between yields (~1–2 ms with hashing). */
const CHUNK = 1024;

/**
 * The run up to a moment with its complete event log (up to `maxRecords` entries), rebuilt by
 * replaying the scenario and the inputs with a large, hashed log: the same events as the live
 * run, so the same SHA-256 the CLI prints. `onInvocationDone` sees every invocation as it
 * completes (the workbench's trace exports). A generator: the worker runs it in slices, and each
 * yield reports the fraction of events replayed.
 */
export function* exportRun(scenario: Scenario, inputs: Recorded[], to: { events: number; atMs: number }, maxRecords: number, onInvocationDone?: (inv: Invocation) => void): Generator<number, ExportedRun> {
  const replay = new Simulation(scenario, { recentInvocations: 0, logRingSize: Math.max(16, maxRecords), onInvocationDone });
  let k = 0;
  const apply = () => {
    while (k < inputs.length && inputs[k].afterEvents === replay.eventsProcessed && inputs[k].atMs <= to.atMs) {
      if (inputs[k].atMs > replay.nowMs) replay.nowMs = inputs[k].atMs;
      replayInput(replay, inputs[k].input);
      k++;
    }
  };
  apply();
  while (replay.eventsProcessed < to.events) {
    for (let i = 0; i < CHUNK && replay.eventsProcessed < to.events; i++) {
      replay.step();
      apply();
    }
    yield replay.eventsProcessed / Math.max(1, to.events);
  }
  if (to.atMs > replay.nowMs) replay.nowMs = to.atMs;
  apply();
  const records = recentRecords(replay.state.log, maxRecords);
  const first = replay.state.log.count - records.length;
  const summary = summarize(replay, { final: true });
  return { inputs: inputs.slice(0, k), entries: records.map((r, i) => describeRecord(replay, r, first + i)), records: replay.state.log.count, sha256: summary.eventLogSha256, summary };
}
