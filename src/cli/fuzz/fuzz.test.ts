import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../worker/session';
import { caseSeed, runReproducer, runSeed } from './batch';
import { hashersAgree } from './runCase';
import type { FuzzCase } from './types';

/**
 * The fuzzer as a CI suite (the 10,000-case runs are `npm run fuzz`): a short fixed-seed
 * batch, and proof that the properties it checks catch what they claim to.
 */
const BATCH_SEED = 20_260_801;
const BATCH = 24;

const hello = { name: 'hello', durationMs: { dist: 'constant', value: 5 }, keepAliveMs: { dist: 'constant', value: 0 } };
/** An input made after the clock ran past the last event, its request run, stepped back over, then on. */
const stepBackAcrossAnInput: FuzzCase = {
  scenario: { seed: 1, durationMs: 1000, functions: [hello], workload: [] },
  script: [
    { do: 'run', toMs: 500 },
    { do: 'input', input: { kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 } },
    { do: 'run', toMs: 500 },
    { do: 'stepBack', events: 1 },
    { do: 'run', toMs: 1000 },
  ],
};

/** A user acts at 200 ms after having acted at 500 ms and seeking back: the later input must be forked away. */
const forkAfterASeekBack: FuzzCase = {
  scenario: { seed: 1, durationMs: 1000, functions: [hello], workload: [] },
  script: [
    { do: 'run', toMs: 200 },
    { do: 'fork', afterMs: 300, doomed: { kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 5 }, input: { kind: 'invoke', function: 'hello', mode: 'RequestResponse', count: 1 } },
    { do: 'run', toMs: 1000 },
  ],
};

describe('the seeded fuzzer', () => {
  it(`a fixed-seed batch of ${BATCH} random scenarios and scripts passes every property (invariants after every event, time travel, hashing)`, () => {
    const failures: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      const r = runSeed(caseSeed(BATCH_SEED, i), { shrinkMs: 10_000 });
      if (!r.ok) failures.push(`case ${r.seed}: ${r.failure.message}\n  npm run fuzz -- --replay ${r.seed}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('every case has its own seed, the same on every run', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => caseSeed(7, i));
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
    expect(caseSeed(7, 3)).toBe(seeds[3]);
  });

  it('the page’s built-in SHA-256 equals node:crypto’s for every length around the block and chunk sizes', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) & 0xff);
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 65_519, 65_520, 65_536, 70_000]) {
      expect(hashersAgree(bytes.subarray(0, n)), `${n} bytes`).toBe(true);
    }
  });

  it('catches a time-travel bug: a Session that forgets to fork when acting in the past fails the equivalence, and the fix passes', () => {
    const proto = Session.prototype as unknown as { fork(): void };
    const fixed = proto.fork;
    // A bug of that kind: acting after a seek back keeps the old future's inputs (and checkpoints).
    proto.fork = function fork() {};
    try {
      expect(runReproducer({ case: forkAfterASeekBack })).toMatchObject({ ok: false, property: 'time-travel equivalence' });
    } finally {
      proto.fork = fixed;
    }
    expect(runReproducer({ case: forkAfterASeekBack })).toMatchObject({ ok: true });
  });

  it('npm run fuzz runs a batch and reports it; --replay FILE reruns a saved reproducer exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambdascope-fuzz-'));
    const fuzz = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/fuzz.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
    const batch = fuzz('--runs', '3', '--seed', '5', '--json', '--out', dir);
    expect(batch.status, batch.stderr).toBe(0);
    expect(JSON.parse(batch.stdout)).toMatchObject({ seed: 5, cases: 3, failures: [] });
    const file = join(dir, 'saved.json');
    writeFileSync(file, JSON.stringify({ format: 'lambdascope-fuzz/1', seed: 0, property: '', message: '', shrinks: 0, case: stepBackAcrossAnInput }));
    const replay = fuzz('--replay', file);
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/passes now: \d+ events/);
    const bad = fuzz('--runs', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--runs: must be an integer from 1 to 100000000 (got "0")');
    expect(readdirSync(dir)).toEqual(['saved.json']);
  }, 120_000);
});
