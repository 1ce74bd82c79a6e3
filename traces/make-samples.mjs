// Writes the sample traces in this directory. They are synthetic, written by Lambdascope
// (not excerpts of Microsoft's datasets): same formats, made-up numbers, a fixed seed.
// Run: node traces/make-samples.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let s = 20240601;
const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const exp = (mean) => -mean * Math.log(1 - rand());

// Azure 2021 format: app,func,end_timestamp,duration (seconds), sorted by end time.
{
  const fns = [
    { app: 'shop', func: 'checkout', rate: 0.5, dur: 0.12 },
    { app: 'shop', func: 'thumbnail', rate: 0.2, dur: 0.8 },
    { app: 'reports', func: 'nightly', rate: 0.02, dur: 4.0 },
  ];
  const rows = [];
  for (const f of fns) {
    for (let t = exp(1 / f.rate); t < 1800; t += exp(1 / f.rate)) {
      const d = (Math.round(exp(f.dur) * 1000) + 1) / 1000;
      rows.push([f.app, f.func, Math.round((t + d) * 1000) / 1000, d]);
    }
  }
  rows.sort((a, b) => a[2] - b[2]);
  writeFileSync(join(here, 'azure2021-sample.csv'), ['app,func,end_timestamp,duration', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  console.log('azure2021-sample.csv', rows.length, 'invocations;', fns.map((f) => `${f.func} ${rows.filter((r) => r[1] === f.func).length}`).join(', '));
}

// Azure 2019 format: one day, per-minute counts; durations and memory files to match.
{
  const owner = hex(64);
  const fns = [
    { app: hex(64), func: hex(64), trigger: 'http', perMin: (m) => Math.round(6 + 4 * Math.sin((2 * Math.PI * m) / 1440)) },
    { app: hex(64), func: hex(64), trigger: 'timer', perMin: (m) => (m % 15 === 0 ? 1 : 0) },
    { app: hex(64), func: hex(64), trigger: 'queue', perMin: (m) => (m >= 540 && m < 600 ? 30 : 0) },
    { app: hex(64), func: hex(64), trigger: 'event', perMin: () => (rand() < 0.05 ? 1 : 0) },
  ];
  const head = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))];
  const lines = [head.join(',')];
  const totals = [];
  for (const f of fns) {
    const c = Array.from({ length: 1440 }, (_, m) => f.perMin(m));
    totals.push(c.reduce((a, b) => a + b, 0));
    lines.push([owner, f.app, f.func, f.trigger, ...c].join(','));
  }
  writeFileSync(join(here, 'azure2019-invocations-sample.csv'), lines.join('\n') + '\n');
  // Average, then percentiles 0, 1, 25, 50, 75, 99, 100 (ms).
  const pct = [[40, 8, 10, 25, 38, 52, 140, 600], [2000, 1400, 1500, 1800, 2000, 2200, 3000, 4000], [300, 80, 90, 200, 280, 350, 900, 1500], [15, 4, 5, 9, 14, 20, 60, 100]];
  writeFileSync(join(here, 'azure2019-durations-sample.csv'), [
    'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100',
    ...fns.map((f, i) => [owner, f.app, f.func, pct[i][0], totals[i], pct[i][1], pct[i][7], ...pct[i].slice(1)].join(',')),
  ].join('\n') + '\n');
  const mem = [170, 256, 1100, 140];
  writeFileSync(join(here, 'azure2019-memory-sample.csv'), [
    'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100',
    ...fns.map((f, i) => [owner, f.app, 1440, mem[i], ...[0.8, 0.85, 0.95, 1, 1.05, 1.2, 1.3, 1.4].map((x) => Math.round(mem[i] * x))].join(',')),
  ].join('\n') + '\n');
  console.log('azure2019-invocations-sample.csv', totals.reduce((a, b) => a + b, 0), 'invocations;', totals.join(', '));
}

// Plain timestamps: one arrival time in ms per line, with a header.
{
  const times = [];
  for (let t = exp(2000); t < 600_000; t += exp(2000)) times.push(Math.round(t));
  for (let i = 0; i < 50; i++) times.push(300_000); // a burst of 50 at t = 300 s
  times.sort((a, b) => a - b);
  writeFileSync(join(here, 'timestamps-sample.csv'), ['timestamp_ms', ...times].join('\n') + '\n');
  console.log('timestamps-sample.csv', times.length, 'arrivals');
}
