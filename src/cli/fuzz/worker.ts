import { parentPort } from 'node:worker_threads';
import { runSeed } from './batch';

/** A fuzz worker thread: runs the cases it is given, with a heartbeat before every run of the property. */
const port = parentPort!;
port.on('message', (m: { seed: number; shrinkMs: number }) => {
  const outcome = runSeed(m.seed, { shrinkMs: m.shrinkMs, beat: () => port.postMessage({ type: 'beat' }) });
  port.postMessage({ type: 'done', outcome });
});
port.postMessage({ type: 'ready' });
