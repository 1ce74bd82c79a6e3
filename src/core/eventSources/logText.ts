import type { LogRecord } from '../engine/eventLog';
import { LOG } from '../logCodes';
import type { SimState } from '../model/simState';
import { BATCH_EVENT_NAMES } from './batches';
import { MAPPING_STATE_CODES } from './mappingMachine';

/** Event-log records of event source mappings in words (null: not one of ours). */
export function describeEventSourceRecord(s: SimState, r: LogRecord): { text: string; interesting: boolean } | null {
  const name = (i: number) => s.eventSources.sources[i]?.cfg.name ?? `source ${i}`;
  switch (r.code) {
    case LOG.ESM_STATE: return { text: `mapping ${name(r.a)} → ${MAPPING_STATE_CODES[r.b]}`, interesting: true };
    case LOG.ESM_BATCH: {
      const what = BATCH_EVENT_NAMES[r.b] ?? `event ${r.b}`;
      return { text: `batch-${r.a} ${what}${r.c ? ` (${r.c} ${r.c === 1 ? 'message' : 'messages'})` : ''}`, interesting: r.b >= 2 };
    }
    case LOG.ESM_SCALE: return { text: `mapping ${name(r.a)} runs ${r.b} concurrent batches (limit ${r.c})`, interesting: false };
    case LOG.ESM_DLQ: return { text: `${r.b} from ${name(r.a)} sent to ${r.c ? 'the on-failure destination' : "the queue's DLQ"}`, interesting: true };
    case LOG.ESM_EXPIRED: return { text: `${r.b} in ${name(r.a)} expired (past the retention period)`, interesting: true };
    case LOG.ESM_RECURSION: return { text: `recursive loop detected on ${name(r.a)}: ${r.b} stopped after ${r.c} invocations in the chain`, interesting: true };
    default: return null;
  }
}
