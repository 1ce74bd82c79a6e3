import { performance } from 'node:perf_hooks';
import { parseScenario } from '../../core/scenario/parseScenario';
import { summarize } from '../../core/summary';
import { Sha256 } from '../../core/engine/sha256';
import { nodeHasher } from '../nodeHasher';
import { nodeReplayDigest } from './replay';
import { runStraight } from './straight';
import { runTravelling } from './travel';
import { DEFAULT_BUDGET, FuzzFailure, type Budget, type FuzzCase } from './types';

export interface CaseResult { events: number; invocations: number; wallMs: number }

/**
 * Runs one case and checks every property; throws a FuzzFailure naming the first that fails:
 * - the scenario is valid (the generator stays within the validated maxima);
 * - the straight run: every invariant after every event, the summary identity, bounded work;
 * - time travel: every path to every moment gives the straight run's log hash and summary;
 * - hashing: the page's built-in SHA-256 equals node:crypto's, live and on replay.
 */
export function runCase(c: FuzzCase, budget: Budget = DEFAULT_BUDGET): CaseResult {
  const t0 = performance.now();
  const deadline = cpuNowMs() + budget.maxCpuMs;
  const parsed = parseScenario(c.scenario);
  if (!parsed.ok) throw new FuzzFailure('generator', `produced an invalid scenario: ${parsed.problems.slice(0, 3).join('; ')}`);
  const scenario = parsed.scenario;

  const straight = runStraight(scenario, c.script, budget, deadline, cpuNowMs);
  const session = runTravelling(scenario, c.script, straight.moments, () => cpuNowMs() > deadline, c.checkpointEvery);

  const live = summarize(session.sim, { final: true }).eventLogSha256;
  const expected = straight.final.eventLogSha256;
  if (live !== expected) throw new FuzzFailure('time-travel equivalence', `final event-log hash: straight run ${expected}, time-travelling session ${live}`);
  const exported = session.exportRun(16);
  if (exported.sha256 !== expected) throw new FuzzFailure('page-equivalent hashing', `exportRun's replay hashes ${exported.sha256}, the straight run ${expected}`);
  const node = nodeReplayDigest(scenario, exported.inputs, session.sim.eventsProcessed, session.sim.nowMs);
  if (node !== expected) throw new FuzzFailure('page-equivalent hashing', `node:crypto replay hashes ${node}, the built-in SHA-256 ${expected}`);
  return { events: straight.events, invocations: straight.final.invocations.total, wallMs: performance.now() - t0 };
}

/** The built-in SHA-256 against node:crypto on bytes of every length around the block size. */
export function hashersAgree(bytes: Uint8Array): boolean {
  const a = new Sha256(), b = nodeHasher();
  a.update(bytes);
  b.update(bytes);
  return a.digestHex() === b.digestHex();
}

/** This process's CPU time, ms (user + system): what a case has cost, whatever the machine's load. */
function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
