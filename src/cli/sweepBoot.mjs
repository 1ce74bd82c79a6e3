// Entry of a sweep worker thread: worker threads do not inherit `--import tsx`, so this
// registers tsx's loader and then loads the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
