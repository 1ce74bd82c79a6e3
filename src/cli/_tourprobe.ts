import { readFileSync } from 'node:fs';
import { Simulation } from '../core/simulation';
import { parseScenario } from '../core/scenario/parseScenario';
import { eventSourceViews } from '../core/eventSources/view';
const r = parseScenario(JSON.parse(readFileSync(process.argv[2], 'utf8'))) as any;
if (!r.ok) { console.log(r.problems); process.exit(1); }
const sim = new Simulation(r.scenario);
for (const t of process.argv[3].split(',').map(Number)) {
  sim.runUntil(t); const s = sim.state.eventSources.sources[0], c = s.counters; const v = eventSourceViews(sim.state)[0];
  console.log(t, `state ${s.state} conc ${s.invoking} tgt ${s.target} vis ${v.visible} fe ${c.functionErrors} part ${c.partialFailures} dlq ${c.toDlq} retried ${c.retried} deleted ${c.deleted} lanes ${v.lanes.map((l) => `${l.retries}/${Math.round(l.oldestAgeMs / 1000)}`).join(' ')} age ${Math.round(v.oldestAgeMs)}`);
}
