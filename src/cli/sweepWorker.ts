import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../core/scenario/parseScenario';
import { runScenario } from './run';

/** A sweep worker thread: runs one (scenario, seed) at a time and posts its summary back. */
export interface SweepTask { id: number; json: string; seed: number; durationMs?: number }
export type SweepReply = { id: number; ok: true; summary: unknown } | { id: number; ok: false; problems: string[] };

const port = parentPort!;
port.on('message', (t: SweepTask) => {
  const parsed = parseScenario(JSON.parse(t.json), { seed: t.seed, durationMs: t.durationMs });
  const reply: SweepReply = parsed.ok ? { id: t.id, ok: true, summary: runScenario(parsed.scenario) } : { id: t.id, ok: false, problems: parsed.problems };
  port.postMessage(reply);
});
