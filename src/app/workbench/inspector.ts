import type { MachineTable } from '../../core/index';
import { useUi } from '../store/uiStore';
import { wb } from './wbClient';

/**
 * The opt-in bridge to the Stately Inspector: replays a selected execution environment's
 * state changes (from the event log) into an actor of the real environment machine, with
 * the inspector attached, so each transition shows in Stately's UI. Loaded only when asked
 * for (a button, or `?inspect=1` to show it): `@statelyai/inspect` and the actor are dynamic
 * imports, never part of the page otherwise.
 *
 * The machine's guards read flags on the event, so each recorded step is sent as the event
 * whose transition leads to the recorded next state, with its guard's flag set and the
 * flags of the candidates before it cleared.
 */
export function stepEvent(table: MachineTable, from: string, to: string): Record<string, unknown> | null {
  const byEvent = table.transitions[from] ?? {};
  for (const [type, candidates] of Object.entries(byEvent)) {
    const i = candidates.findIndex((c) => c.target === to);
    if (i < 0) continue;
    const ev: Record<string, unknown> = { type };
    for (let k = 0; k < i; k++) if (candidates[k].guard) ev[candidates[k].guard!] = false;
    if (candidates[i].guard) ev[candidates[i].guard!] = true;
    return ev;
  }
  return null;
}

export async function inspectEnvironment(env: number): Promise<string> {
  const table = useUi.getState().environmentMachine;
  if (!table) return 'the environment machine has not arrived from the worker yet';
  const h = await wb({ type: 'wb.envHistory', env }, 'envHistory');
  if (h.states.length === 0) return `env-${env}: no state changes in the recent event log`;
  const [{ createBrowserInspector }, { createActor }, { environmentMachine }] = await Promise.all([
    import('@statelyai/inspect'), import('xstate'), import('../../core/machines/environmentMachine'),
  ]);
  const inspector = createBrowserInspector();
  const actor = createActor(environmentMachine, { inspect: inspector.inspect, id: `env-${env}` });
  actor.start();
  let current: string = table.initial, sent = 0, skipped = 0;
  for (const { state } of h.states) {
    if (state === current) continue;
    const ev = stepEvent(table, current, state);
    if (ev) { actor.send(ev as never); sent++; } else skipped++;
    current = state;
  }
  return `env-${env}: ${sent} transitions replayed into the Stately Inspector${h.complete ? '' : ' (its earliest states have left the recent event log)'}${skipped ? `; ${skipped} steps not in the machine` : ''}`;
}
