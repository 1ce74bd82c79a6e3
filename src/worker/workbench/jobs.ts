import type { WorkbenchFromWorker } from '../../protocol/workbench';

/**
 * Long workbench operations run as jobs: a generator that does one bounded slice of work
 * per step (a chunk of a file, a bucket of an A/B run, some thousands of events) and yields
 * its progress. Between slices the worker returns to its message loop, so the page stays
 * responsive and `wb.cancel` stops the job. One job at a time; slices are counted, never
 * timed, so a job does the same work whatever the machine.
 */
export type Job = Generator<{ fraction: number; text: string }, void, void>;

let current: { name: string; gen: Job; cancelled: boolean; onCancel: () => void } | null = null;
const channel = new MessageChannel();
channel.port1.onmessage = () => run();

export function startJob(name: string, gen: Job, post: (m: WorkbenchFromWorker) => void, onCancel: () => void, onError: (e: unknown) => void): boolean {
  if (current) return false;
  current = { name, gen, cancelled: false, onCancel };
  postProgress = post;
  failJob = onError;
  channel.port2.postMessage(null);
  return true;
}

let postProgress: (m: WorkbenchFromWorker) => void = () => {};
let failJob: (e: unknown) => void = () => {};

export function cancelJob(): void {
  if (current) current.cancelled = true;
}

export function jobRunning(): string | null {
  return current?.name ?? null;
}

function run(): void {
  const job = current;
  if (!job) return;
  if (job.cancelled) {
    current = null;
    job.onCancel();
    return;
  }
  try {
    const r = job.gen.next();
    if (r.done) {
      current = null;
      return;
    }
    postProgress({ type: 'wb.progress', job: job.name, fraction: r.value.fraction, text: r.value.text });
  } catch (e) {
    current = null;
    failJob(e);
    return;
  }
  channel.port2.postMessage(null);
}
