import { PRESETS, PRESET_NAMES, Simulation, parseScenario, summarize } from '../../src/core/index';

/**
 * Bundled by engineParity.spec.ts and run both in Node and in Chromium: every preset for two
 * simulated minutes, with the built-in SHA-256, as [name, event-log hash] pairs.
 */
(globalThis as unknown as { presetHashes: () => [string, string][] }).presetHashes = () => PRESET_NAMES.map((name) => {
  const parsed = parseScenario(PRESETS[name]);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.join('; ')}`);
  const sim = new Simulation(parsed.scenario, { logRingSize: 16, recentInvocations: 0 });
  sim.runUntil(Math.min(parsed.scenario.durationMs, 120_000));
  return [name, summarize(sim, { final: true }).eventLogSha256];
});
