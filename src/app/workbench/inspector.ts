import { stepEvent } from '../../core/index';
import { useUi } from '../store/uiStore';
import { wb } from './wbClient';

/**
 * The opt-in bridge to the Stately Inspector: replays a selected execution environment's
 * state changes (from the event log) into an actor of the real environment machine, with
 * the inspector attached, so each transition shows in Stately's UI. Loaded only when asked
 * for (a button, or `?inspect=1` to show it): `@statelyai/inspect` and the actor are dynamic
 * imports, never part of the page otherwise.
 * Each recorded step is sent as the event whose transition leads to the recorded next state
 * (core/export/machineSteps.ts).
 */
export async function inspectEnvironment(env: number): Promise<string> {
  const table = useUi.getState().environmentMachine;
  if (!table) return 'the environment machine has not arrived from the worker yet';
  const h = await wb({ type: 'wb.envHistory', env }, 'envHistory');
  if (h.states.length === 0) return `env-${env}: no state changes in the recent event log`;
  const [{ createBrowserInspector }, { createActor }, { environmentMachine }] = await Promise.all([
    import('@statelyai/inspect'), import('xstate'), import('../../core/index'),
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
