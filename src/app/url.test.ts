import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { PRESETS } from '../core/index';
import type { Recorded } from '../protocol/messages';
import { bytesToBase64Url, packJson, unpackJson } from './linkCodec';
import { MAX_LINK_CHARS, parsePageUrl, presetNameFor, shareLink } from './url';

/** A realistic custom scenario: five functions, mixed traffic, control-plane calls and faults. */
const custom = {
  name: 'shop-checkout-lecture', description: 'Checkout under a lunchtime peak: a deploy, provisioned concurrency on live, a worker failure and an outage.',
  seed: 2024, durationMs: 1_800_000,
  account: { concurrencyLimit: 1000, unreservedMinimum: 100, scaling: { environments: 1000, perMs: 10_000 } },
  fleet: { workers: 6, workerMemoryMb: 196_608, prebootedPoolSize: 8 },
  functions: ['checkout', 'cart', 'search', 'payments', 'emails'].map((name, i) => ({
    name, runtime: ['java21', 'nodejs20.x', 'python3.13', 'nodejs22.x', 'python3.12'][i], memoryMb: [2048, 512, 1024, 1536, 256][i], timeoutMs: 10_000,
    package: { type: 'zip', sizeMb: 5 + i * 10 }, durationMs: { dist: 'lognormal', median: 40 + i * 30, sigma: 0.5 },
    keepAliveMs: { dist: 'constant', value: 600_000 }, errorRate: 0.002 * i, reservedConcurrency: i === 3 ? 100 : null, provisionedConcurrency: i === 0 ? 10 : 0,
    async: { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000, onFailure: 'dlq' },
  })),
  workload: [
    { function: 'checkout:live', mode: 'RequestResponse', arrival: { process: 'diurnal', meanPerSec: 60, amplitude: 0.8, periodMs: 600_000 }, client: { maxAttempts: 3 } },
    { function: 'cart', mode: 'RequestResponse', arrival: { process: 'poisson', ratePerSec: 120 } },
    { function: 'search', mode: 'RequestResponse', arrival: { process: 'ramp', fromPerSec: 10, toPerSec: 200, overMs: 900_000 } },
    { function: 'payments', mode: 'RequestResponse', arrival: { process: 'burst', count: 500, atMs: 600_000 } },
    { function: 'emails', mode: 'Event', arrival: { process: 'poisson', ratePerSec: 30 } },
    { function: 'cart', mode: 'RequestResponse', arrival: { process: 'trace', timesMs: Array.from({ length: 40 }, (_, i) => 1000 + i * 3217) } },
  ],
  controlPlane: [
    { atMs: 300_000, action: 'UpdateFunctionCode', function: 'checkout' },
    { atMs: 450_000, action: 'PutFunctionConcurrency', function: 'cart', reservedConcurrency: 200 },
    { atMs: 700_000, action: 'PutProvisionedConcurrencyConfig', function: 'checkout', qualifier: 'live', provisionedConcurrentExecutions: 25 },
  ],
  faults: [
    { type: 'worker-failure', atMs: 900_000, worker: 'any' },
    { type: 'invoke-outage', fromMs: 1_200_000, toMs: 1_230_000 },
    { type: 'slow-pollers', fromMs: 1_300_000, toMs: 1_360_000, factor: 20 },
  ],
};

/** A lecture's worth of clicks: bursts, a live load changed twice, configuration, a fault. */
const inputs: Recorded[] = [
  ...Array.from({ length: 30 }, (_, i): Recorded => ({ afterEvents: 1000 + i * 977, atMs: 5000 + i * 1500, input: { kind: 'invoke', function: 'cart', mode: 'RequestResponse', count: 1 + (i % 4) * 25 } })),
  { afterEvents: 40_000, atMs: 60_000, input: { kind: 'load', load: { function: 'search', mode: 'RequestResponse', arrival: { process: 'poisson', ratePerSec: 50 } } } },
  { afterEvents: 52_000, atMs: 80_000, input: { kind: 'control', call: { action: 'PutFunctionConcurrency', function: 'search', reservedConcurrency: 20 } } },
  { afterEvents: 61_000, atMs: 95_000, input: { kind: 'fault', fault: { type: 'invoke-outage', fromMs: 95_000, toMs: 105_000 } } },
  { afterEvents: 70_000, atMs: 120_000, input: { kind: 'load', load: null } },
];

const base = 'https://example.org/lambdascope/';

describe('links', () => {
  it('a realistic custom scenario with a lecture’s inputs makes a link well under 8 KB', () => {
    const r = shareLink(base, { scenario: custom, seed: 2024, timeMs: 125_000, speed: 1, inputs });
    const json = JSON.stringify(custom).length;
    console.info(`custom scenario: ${json} B of JSON → link ${r.link.length} characters (inputs: ${r.inputsChars} characters for ${inputs.length})`);
    expect(r.inputsIncluded).toBe(inputs.length);
    expect(r.link.length).toBeLessThan(4_000);
    expect(r.link.length).toBeLessThan(json); // compression pays
  });

  it('the link carries the scenario and the inputs in the fragment, which servers never see, and reads back exactly', () => {
    const { link } = shareLink(base, { scenario: custom, seed: 2024, timeMs: 125_000, speed: 2, inputs });
    const url = new URL(link);
    expect(url.search).not.toContain('scenario=');
    const { options, problems } = parsePageUrl(url.search, url.hash);
    expect(problems).toEqual([]);
    expect(options.scenario).toEqual(custom);
    expect(options.inputs).toEqual(inputs);
    expect(options).toMatchObject({ seed: 2024, t: 125_000, speed: 2, playing: false });
  });

  it('names a preset only when the scenario is identical to it (whatever its seed or key order)', () => {
    expect(presetNameFor({ ...(PRESETS.default as object), name: 'default', functions: [] })).toBeNull();
    expect(presetNameFor({ name: 'default', seed: 1, functions: [{ name: 'x' }], workload: [] })).toBeNull();
    const reordered = Object.fromEntries(Object.entries(PRESETS['cold-vs-warm'] as object).reverse());
    expect(presetNameFor({ ...reordered, seed: 7 })).toBe('cold-vs-warm');
    const { link } = shareLink(base, { scenario: PRESETS.faults, seed: 9, timeMs: 0, speed: 1 });
    expect(new URL(link).searchParams.get('scenario')).toBe('faults');
    expect(new URL(link).hash).toBe('');
  });

  it('says plainly when the inputs are too many to travel in a link', () => {
    const many: Recorded[] = Array.from({ length: 20_000 }, (_, i) => ({ afterEvents: i * 37 + (i * i) % 1013, atMs: i * 53.7 + (i % 7) * 0.3, input: { kind: 'invoke', function: `fn-${i % 97}`, mode: 'Event', count: 1 + (i * 7919) % 500 } }));
    const r = shareLink(base, { scenario: 'default', seed: 1, timeMs: 0, speed: 1, inputs: many });
    expect(r.inputsIncluded).toBe(0);
    expect(r.inputsLeftOut).toBe(20_000);
    expect(r.link.length).toBeLessThan(MAX_LINK_CHARS);
    expect(new URL(r.link).hash).not.toContain('i=');
  });

  it('old ?scenario=<base64url JSON> links still read as before', () => {
    const { options, problems } = parsePageUrl('?scenario=eyJzZWVkIjoxfQ&t=500');
    expect(problems).toEqual([]);
    expect(options.scenario).toBe('eyJzZWVkIjoxfQ'); // resolved by the worker, as before
    expect(options.t).toBe(500);
  });
});

describe('hostile links', () => {
  it('a time past the maximum is refused with the limit named, and the link still opens paused', () => {
    const { options, problems } = parsePageUrl('?t=1e12');
    expect(problems).toEqual(['URL parameter t="1e12" ignored: must be a time in ms from 0 to 2,592,000,000 ms (30 days), the maximum simulated time']);
    expect(options.t).toBe(0);
    expect(options.playing).toBe(false);
  });

  it('a fragment that inflates past the limit is refused before it is parsed', { timeout: 30_000 }, () => {
    const bomb = bytesToBase64Url(deflateSync(strToU8(JSON.stringify({ pad: ' '.repeat(9_000_000) }))));
    expect(bomb.length).toBeLessThan(100_000);
    const r = unpackJson(bomb, 'URL fragment s');
    expect(r).toEqual({ ok: false, problem: 'URL fragment s: expands to more than 8 MB' });
  });

  it('damaged fragments are named, and the page falls back', () => {
    const { options, problems } = parsePageUrl('', '#s=***&i=AAAA&x=1');
    expect(problems).toContain('URL fragment s (the scenario): not base64url (only A–Z, a–z, 0–9, "-" and "_" may appear); the default scenario is used');
    expect(problems).toContain('URL fragment i (the recorded inputs): not deflate-compressed data; the run starts without them');
    expect(problems).toContain('URL fragment parameter "x" is not known (known: s, i)');
    expect(options.scenario).toBe('default');
    expect(unpackJson(packJson({ a: 1 }), 'x')).toEqual({ ok: true, value: { a: 1 } });
  });
});
