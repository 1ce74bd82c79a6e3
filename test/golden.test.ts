import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, describeRecord, parseScenario, recentRecords, summarize, summaryIdentityProblems } from '../src/core/index';

/**
 * Golden runs (Observable Plot's snapshot workflow): every example scenario is run for up to
 * two simulated minutes and its summary plus the first log entries are compared with the
 * committed `test/golden/<name>.json`. On a mismatch the new result is written beside it as
 * `<name>.changed.json` to diff and review; `UPDATE_GOLDEN=1 npm run test:unit` accepts it.
 */
const dir = join(__dirname, 'golden');
const scenarios = readdirSync(join(__dirname, '..', 'scenarios')).filter((f) => f.endsWith('.json'));

describe('golden runs of the example scenarios', () => {
  for (const file of scenarios) {
    const name = file.replace(/\.json$/, '');
    it(`${name} runs exactly as recorded`, { timeout: 60_000 }, () => {
      const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '..', 'scenarios', file), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const sim = new Simulation(parsed.scenario, { logRingSize: 100_000 });
      sim.runUntil(Math.min(parsed.scenario.durationMs, 120_000));
      const all = sim.state.log.count <= 100_000 ? recentRecords(sim.state.log, 100_000) : [];
      const log = all.slice(0, 60).map((r, i) => {
        const e = describeRecord(sim, r, i);
        return `${e.atMs.toFixed(3)} ${e.text}`;
      });
      const actual = JSON.stringify({ summary: { ...summarize(sim, { final: true }), wallMs: 0 }, firstLogEntries: log.length ? log : undefined }, null, 2) + '\n';
      const goldenPath = join(dir, `${name}.json`);
      const changedPath = join(dir, `${name}.changed.json`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
        if (process.env.CI && !existsSync(goldenPath)) throw new Error(`${goldenPath} is missing: run UPDATE_GOLDEN=1 npm run test:unit and commit it`);
        writeFileSync(goldenPath, actual);
      }
      const expected = readFileSync(goldenPath, 'utf8');
      if (actual !== expected) writeFileSync(changedPath, actual);
      else if (existsSync(changedPath)) rmSync(changedPath);
      expect(actual, `${name} changed: diff ${changedPath} against ${goldenPath}`).toBe(expected);
    });

    it(`${name}: every invocation and every Event ends in exactly one outcome (the summary identity), at every minute and at the end`, () => {
      const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '..', 'scenarios', file), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const sim = new Simulation(parsed.scenario, { logRingSize: 16, recentInvocations: 0, hashEventLog: false });
      const end = Math.min(parsed.scenario.durationMs, 600_000);
      for (let t = 0; t <= end; t += 60_000) {
        sim.runUntil(t);
        expect(summaryIdentityProblems(summarize(sim)), `t=${t}`).toEqual([]);
      }
      sim.runUntil(end);
      const s = summarize(sim);
      expect(summaryIdentityProblems(s)).toEqual([]);
      expect(s.invocations.total).toBeGreaterThan(0);
    }, 30_000);
  }
});
