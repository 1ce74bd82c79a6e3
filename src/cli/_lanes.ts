import { readFileSync } from 'node:fs';
import { Simulation } from '../core/simulation';
import { parseScenario } from '../core/scenario/parseScenario';
import { eventSourceViews } from '../core/eventSources/view';
const r = parseScenario(JSON.parse(readFileSync(process.argv[2], 'utf8'))) as any;
const sim = new Simulation(r.scenario);
for (let t = 10000; t <= Number(process.argv[3] ?? 240000); t += 10000) { sim.runUntil(t); const v = eventSourceViews(sim.state)[0]; console.log(t, v.lanes.map((l) => `${l.retries}/${Math.round(l.oldestAgeMs / 1000)}s`).join(' '), 'conc', v.concurrency, v.limit, 'vis', v.visible, 'dlq', v.toDlq, 'age', Math.round(v.oldestAgeMs)); }
