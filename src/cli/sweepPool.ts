import { Worker } from 'node:worker_threads';
import type { SweepReply, SweepTask } from './sweepWorker';

/**
 * Runs sweep tasks on `size` worker threads (one per core by default), each thread taking
 * the next task as soon as it is free. Results come back in completion order with the
 * task's id; the caller puts them in grid order, so the output never depends on timing.
 */
export async function runPool(tasks: Omit<SweepTask, 'id'>[], size: number, onDone: (done: number) => void): Promise<SweepReply[]> {
  const replies: SweepReply[] = new Array(tasks.length);
  let next = 0, done = 0;
  const entry = new URL('./sweepWorker.ts', import.meta.url).href;
  const workers = Array.from({ length: Math.max(1, Math.min(size, tasks.length)) }, () => new Worker(new URL('./sweepBoot.mjs', import.meta.url), { workerData: { entry } }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= tasks.length) { resolve(); return; }
        const id = next++;
        w.postMessage({ ...tasks[id], id });
      };
      w.on('message', (r: SweepReply) => {
        replies[r.id] = r;
        onDone(++done);
        feed();
      });
      w.on('error', reject);
      w.on('exit', (code) => { if (next < tasks.length || done < tasks.length) reject(new Error(`a sweep worker exited with code ${code}`)); });
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return replies;
}
