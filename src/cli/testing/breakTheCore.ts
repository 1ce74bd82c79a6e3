import { Simulation } from '../../core/simulation';

/**
 * Test support for sim.test.ts, preloaded with `node --import`: makes the core throw as a
 * bug would, so the CLI's internal-error path is exercised by the real CLI. Never imported
 * by the product.
 */
Simulation.prototype.runUntil = function runUntil(): void {
  throw new Error('injected failure: the core threw while running');
};
