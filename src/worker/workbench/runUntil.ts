import type { RunUntil } from '../../protocol/workbench';
import type { Session } from '../session';
import type { Job } from './jobs';

/**
 * Run-until conditions: until a number of cold starts, until the Event queue is empty, or
 * until a time. Events are stepped one by one so the run stops on the very event that makes
 * the condition true; a slice is 5,000 events; `maxEvents` bounds the whole job, and it
 * stops when nothing is left to happen.
 */
const SLICE = 5000;

function coldStarts(session: Session): number {
  let n = 0;
  for (const f of session.sim.state.functions) n += f.stats.coldStarts;
  return n;
}

function holds(session: Session, u: RunUntil): boolean {
  switch (u.kind) {
    case 'coldStarts': return coldStarts(session) >= u.count;
    case 'queueEmpty': return session.sim.state.asyncQueue.events.size === 0;
    case 'time': return session.sim.nowMs >= u.atMs;
  }
}

function describe(u: RunUntil): string {
  switch (u.kind) {
    case 'coldStarts': return `${u.count} cold starts`;
    case 'queueEmpty': return 'the Event queue is empty';
    case 'time': return `t = ${u.atMs} ms`;
  }
}

export function* runUntilJob(session: Session, u: RunUntil, maxEvents: number, done: (message: string) => void, onSlice: () => void): Job {
  if (u.kind === 'time' && u.atMs < session.sim.nowMs) {
    session.seek(u.atMs);
    return done(`went back to t = ${u.atMs} ms`);
  }
  if (holds(session, u)) return done(u.kind === 'coldStarts' ? `already ${coldStarts(session)} cold starts` : u.kind === 'queueEmpty' ? 'the Event queue is already empty' : 'already there');
  const start = session.sim.eventsProcessed;
  for (;;) {
    if (u.kind === 'time') {
      let calls = 0;
      // runTo checks its budget every 2,000 events: 3 checks ≈ a slice.
      if (session.runTo(u.atMs, () => ++calls >= 3)) return done(`reached t = ${u.atMs} ms`);
    } else {
      for (let i = 0; i < SLICE; i++) {
        if (session.sim.nextEventMs() === Infinity) return done(`nothing left to happen before ${describe(u)} (t = ${Math.round(session.sim.nowMs)} ms)`);
        session.step();
        if (holds(session, u)) return done(`${describe(u)}: t = ${Math.round(session.sim.nowMs)} ms`);
      }
    }
    const ran = session.sim.eventsProcessed - start;
    if (ran >= maxEvents) return done(`stopped after ${ran} events without reaching ${describe(u)} (t = ${Math.round(session.sim.nowMs)} ms)`);
    onSlice();
    yield { fraction: u.kind === 'time' ? session.sim.nowMs / u.atMs : NaN, text: `running until ${describe(u)}: t = ${Math.round(session.sim.nowMs)} ms` };
  }
}
