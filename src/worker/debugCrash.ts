import type { DebugToWorker } from '../protocol/messages';

/**
 * Diagnostics for the e2e suite: make the worker fail the way a bug would. Imported only
 * behind `import.meta.env.MODE === 'e2e'`, so the default build contains none of it.
 */
let throwNextTick = false;

export function debugCrash(mode: DebugToWorker['mode'], wake: () => void, close: () => void): void {
  if (mode === 'throw') {
    throwNextTick = true;
    wake();
  } else if (mode === 'uncaught') {
    setTimeout(() => { throw new Error('injected uncaught error (diagnostics): the worker failed outside its handlers'); }, 0);
  } else {
    close(); // a dead worker: it answers nothing from now on
  }
}

/** Throws if a crash was asked for: called at the start of a guarded tick. */
export function injectedCrash(): void {
  if (!throwNextTick) return;
  throwNextTick = false;
  throw new Error('injected crash (diagnostics): the simulation threw while running');
}
