import { performance } from 'node:perf_hooks';
import { Simulation } from '../core/simulation';
import { steadyHour } from './benchWorkloads';
import { nodeHasher } from './nodeHasher';

/** One steady run of N simulated hours in this process; prints wall time and peak RSS as JSON. */
const hours = Number(process.argv[2]);
const scenario = steadyHour(hours);
const t0 = performance.now();
const sim = new Simulation(scenario, { hasher: nodeHasher(), logRingSize: 16, recentInvocations: 0 });
sim.runUntil(scenario.durationMs);
const wallMs = Math.round(performance.now() - t0);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify({ hours, wallMs, invocations: sim.state.nextInvocationId - 1, maxRssMb }) + '\n');
