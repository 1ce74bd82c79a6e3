import { InvariantMonitor } from '../../core/invariantMonitor';
import { Simulation } from '../../core/simulation';
import type { Scenario } from '../../core/scenario/types';
import { summarize, type Summary } from '../../core/summary';
import { summaryIdentityProblems } from '../../core/summaryIdentity';
import { UserError, checkInput, perform, type Input } from '../../worker/session';
import { momentOf, type Moment } from './moment';
import { FuzzFailure, type Budget, type Step } from './types';

export interface StraightRun { moments: Moment[]; final: Summary; events: number }

/**
 * The straight run: one Simulation stepped event by event with every invariant checked
 * after every event, the user's inputs applied at their moments exactly as the page's
 * Session applies them (validated first; a refused call changes nothing), no time travel.
 * Returns the moment after each script step, for the other paths to be held against.
 */
export function runStraight(scenario: Scenario, script: Step[], budget: Budget, deadline: number, cpuNow: () => number): StraightRun {
  const sim = new Simulation(scenario, { recentInvocations: 0, logRingSize: 16 });
  const monitor = new InvariantMonitor();
  let sameInstant = 0;
  const stepOnce = (): boolean => {
    const before = sim.nowMs;
    if (!sim.step()) return false;
    sameInstant = sim.nowMs === before ? sameInstant + 1 : 0;
    const problems = monitor.check(sim);
    if (problems.length) throw new FuzzFailure('invariant', `after event ${sim.eventsProcessed} at t=${sim.nowMs}: ${problems.slice(0, 3).join('; ')}`);
    if (sameInstant > budget.maxEventsAtOneInstant) throw new FuzzFailure('hang', `${sameInstant} events at t=${sim.nowMs} without time advancing (a zero-time loop)`);
    if (sim.eventsProcessed > budget.maxEvents) throw new FuzzFailure('hang', `more than ${budget.maxEvents} events by t=${sim.nowMs} (budget)`);
    if ((sim.eventsProcessed & 1023) === 0 && cpuNow() > deadline) throw new FuzzFailure('hang', `over ${budget.maxCpuMs} ms of CPU time at t=${sim.nowMs}, event ${sim.eventsProcessed}`);
    return true;
  };
  const moments: Moment[] = [];
  for (const step of script) {
    switch (step.do) {
      case 'run':
        while (sim.nextEventMs() <= step.toMs) stepOnce();
        if (step.toMs > sim.nowMs) sim.nowMs = step.toMs;
        break;
      case 'steps':
        for (let i = 0; i < step.events && stepOnce(); i++);
        break;
      case 'stepBackOn':
        for (let i = 0; i < step.on && stepOnce(); i++);
        break;
      case 'input':
      case 'fork':
        apply(sim, step.input);
        break;
      default:
        break; // excursions: the straight run stays where it is
    }
    moments.push(momentOf(sim));
  }
  const final = summarize(sim, { final: true });
  const identity = summaryIdentityProblems(final);
  if (identity.length) throw new FuzzFailure('summary identity', identity.join('; '));
  return { moments, final, events: sim.eventsProcessed };
}

/** Applies an input as Session.apply does: validated, then performed; refusals are part of the run. */
function apply(sim: Simulation, input: Input): void {
  try {
    perform(sim, checkInput(sim, input));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
}
