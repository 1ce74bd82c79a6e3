import type { MachineTable } from '../machines/machineTable';

/**
 * For replaying a recorded run into a live XState actor (the Stately Inspector bridge): the
 * event that takes the machine from one recorded state to the next. The machines' guards read
 * flags on the event, so the chosen candidate's guard flag is set and those of the candidates
 * before it are cleared. Null when the machine has no such transition.
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
