import { describe, expect, it } from 'vitest';
import { parseScenario, Simulation, summarize } from '../../core';
import { CHAPTERS, chapterById } from './chapters';

describe('the tour chapter on multi-tenancy and isolation', () => {
  it('every chapter\'s scenario is valid', () => {
    for (const c of CHAPTERS) {
      const r = parseScenario(c.scenario);
      expect(r.ok ? [] : r.problems, c.id).toEqual([]);
    }
  });

  it('tells the run as it happens: three tenants get three environments, globex alone is throttled at its quota', () => {
    const c = chapterById('isolation')!;
    const r = parseScenario(c.scenario);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const sim = new Simulation(r.scenario);
    sim.runUntil(30_000);
    const render = [...sim.state.environments.values()].filter((e) => sim.state.functions[e.fn].name === 'render');
    expect(render).toHaveLength(3);
    const workers = new Set([...sim.state.environments.values()].map((e) => e.worker));
    expect(workers.size).toBeLessThanOrEqual(2);
    sim.runUntil(62_000);
    const s = summarize(sim);
    expect(s.functions.render.throttled).toBe(0);
    expect(s.functions.mailer.throttled).toBeGreaterThan(15);
    expect(Object.keys(s.throttleReasons)).toEqual(['ConcurrentInvocationLimitExceeded']);
  });
});
