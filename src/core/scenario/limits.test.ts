import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Limits'), readme.indexOf('### The fuzzer'));
const shown = (n: number) => n.toLocaleString('en-US');

describe('the documented maxima', () => {
  it.each([
    ['functions', LIMITS.functions], ['workloadEntries', LIMITS.workloadEntries], ['traceTimes', LIMITS.traceTimes],
    ['empiricalValues', LIMITS.empiricalValues], ['burstCount', LIMITS.burstCount], ['ratePerSec', LIMITS.ratePerSec],
    ['timelineEntries', LIMITS.timelineEntries], ['functionNameChars', LIMITS.functionNameChars], ['aliasNameChars', LIMITS.aliasNameChars],
    ['timeMs', LIMITS.timeMs], ['concurrencyLimit', LIMITS.concurrencyLimit], ['workers', LIMITS.workers],
    ['prebootedPoolSize', LIMITS.prebootedPoolSize], ['accounts', LIMITS.accounts], ['tenants', LIMITS.tenants], ['pollers', LIMITS.pollers], ['eventSources', LIMITS.eventSources], ['problems', LIMITS.problems], ['problemChars', LIMITS.problemChars],
  ] as const)('README’s Limits table shows %s (%d)', (_name, value) => {
    expect(section).toContain(shown(value));
  });

  it('README’s Limits table shows the scenario file size and the timeout rule', () => {
    expect(section).toContain(`${LIMITS.scenarioBytes / 1024 / 1024} MB`);
    expect(section).toContain(`1 to ${LIMITS.timeoutMs / 1000} s`);
  });
});
