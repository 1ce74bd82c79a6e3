import type { WorkbenchReply, WorkbenchToWorker } from '../../protocol/workbench';
import { request, send } from '../simClient';
import { useWb } from './wbStore';

type Req = WorkbenchToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

/** A workbench request to the worker: the reply, or an Error whose message lists the problems. */
export async function wb<K extends WorkbenchReply['kind']>(msg: Req, kind: K): Promise<Extract<WorkbenchReply, { kind: K }>> {
  try {
    const r = await request(msg);
    if (!r.ok) throw new Error(r.problems?.join('\n') ?? r.message ?? 'the worker refused');
    if (!r.wb || r.wb.kind !== kind) throw new Error(`unexpected reply from the worker (expected ${kind})`);
    return r.wb as Extract<WorkbenchReply, { kind: K }>;
  } finally {
    if (msg.type !== 'wb.estimates' && msg.type !== 'wb.envHistory') useWb.setState({ progress: null });
  }
}

export function cancelWorkbenchJob(): void {
  send({ type: 'wb.cancel' });
}
