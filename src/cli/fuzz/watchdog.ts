import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { caseArb, caseSeed, type CaseOutcome, type Reproducer } from './batch';

export interface BatchReport {
  seed: number;
  cases: number;
  wallMs: number;
  events: number;
  invocations: number;
  failures: Reproducer[];
  slowest: { seed: number; wallMs: number };
}

interface Options {
  runs: number; seed: number; jobs: number; shrinkMs: number; caseTimeoutMs: number;
  onProgress?: (done: number, failures: number) => void;
  /** Each failure as soon as it is known (shrunk), e.g. to save its reproducer at once. */
  onFailure?: (f: Reproducer) => void;
}

/**
 * Runs cases in worker threads, `jobs` at a time, each under a watchdog: a worker that sends
 * no heartbeat for `caseTimeoutMs` (a loop inside a single event, which no budget inside the
 * case can interrupt) is terminated, its case reported as a hang with its seed, and a new
 * worker takes the next case. Nothing a case does can stop the batch.
 */
export function runBatch(o: Options): Promise<BatchReport> {
  const t0 = performance.now();
  const report: BatchReport = { seed: o.seed, cases: 0, wallMs: 0, events: 0, invocations: 0, failures: [], slowest: { seed: 0, wallMs: 0 } };
  let next = 0;
  let running = 0;
  return new Promise((resolve) => {
    const finishOne = () => {
      report.cases++;
      o.onProgress?.(report.cases, report.failures.length);
    };
    const startJob = () => {
      if (next >= o.runs) {
        if (running === 0) resolve({ ...report, wallMs: performance.now() - t0 });
        return;
      }
      running++;
      const worker = spawnWorker();
      let seed = 0, started = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          report.failures.push(hang(seed, o.caseTimeoutMs));
          o.onFailure?.(report.failures.at(-1)!);
          finishOne();
          running--;
          startJob(); // a fresh worker for the next case
        }, o.caseTimeoutMs);
      };
      const give = () => {
        if (next >= o.runs) {
          if (timer) clearTimeout(timer);
          void worker.terminate();
          running--;
          if (running === 0) resolve({ ...report, wallMs: performance.now() - t0 });
          return;
        }
        seed = caseSeed(o.seed, next++);
        started = performance.now();
        arm();
        worker.postMessage({ seed, shrinkMs: o.shrinkMs });
      };
      worker.on('message', (m: { type: 'ready' } | { type: 'beat' } | { type: 'done'; outcome: CaseOutcome }) => {
        if (m.type === 'ready') return give();
        if (m.type === 'beat') return arm();
        const wall = performance.now() - started;
        if (m.outcome.ok) {
          report.events += m.outcome.result.events;
          report.invocations += m.outcome.result.invocations;
        } else {
          report.failures.push(m.outcome.failure);
          o.onFailure?.(m.outcome.failure);
        }
        if (wall > report.slowest.wallMs) report.slowest = { seed, wallMs: wall };
        finishOne();
        give();
      });
      worker.on('error', (e) => {
        if (timer) clearTimeout(timer);
        report.failures.push({ ...hang(seed, 0), property: 'crash', message: `crash: the worker died: ${e.message}` });
        o.onFailure?.(report.failures.at(-1)!);
        finishOne();
        running--;
        startJob();
      });
    };
    for (let j = 0; j < Math.min(o.jobs, o.runs); j++) startJob();
  });
}

/** A worker thread running src/cli/fuzz/worker.ts under tsx. */
function spawnWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

function hang(seed: number, ms: number): Reproducer {
  const [c] = fc.sample(caseArb, { seed, numRuns: 1 });
  return { format: 'lambdascope-fuzz/1', seed, property: 'hang', message: `hang: no progress for ${ms} ms (the watchdog stopped it; not shrunk)`, shrinks: 0, case: c };
}
