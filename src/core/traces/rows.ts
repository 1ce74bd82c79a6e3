import { num, type Detected } from './formats';

/**
 * One data row of an arrival format, checked. Problems name the line and the column:
 * `line 12: duration: must be a number of seconds ≥ 0 (got "abc")`.
 */
export type TraceRow =
  | { kind: 'invocation'; key: string; name: string; app: string; startMs: number; endMs: number; durationMs: number }
  | { kind: 'time'; key: string; name: string; app: string; atMs: number }
  | { kind: 'minutes'; key: string; name: string; app: string; trigger: string; counts: number[]; total: number };

/** The key of a trace function: app and function hash (2019 and 2021), `""` for a timestamps file. */
export const keyOf = (app: string, func: string) => `${app}/${func}`;

export function parseRow(d: Detected, row: string[], line: number): TraceRow | string {
  const col = d.columns;
  switch (d.format) {
    case 'timestamps': {
      const t = num(row[0]);
      if (row.length !== 1 || t === null || t < 0) return `line ${line}: must be one time in ms ≥ 0 (got "${row.join(',')}")`;
      return { kind: 'time', key: '', name: 'timestamps', app: '', atMs: t };
    }
    case 'azure2021': {
      const endRaw = row[col.end_timestamp], durRaw = row[col.duration];
      const end = num(endRaw);
      const dur = num(durRaw);
      const app = row[col.app] ?? '', func = row[col.func] ?? '';
      if (!func) return `line ${line}: func: must not be empty`;
      if (end === null || end < 0) return `line ${line}: end_timestamp: must be a number of seconds ≥ 0 (got "${endRaw ?? ''}")`;
      if (dur === null || dur < 0) return `line ${line}: duration: must be a number of seconds ≥ 0 (got "${durRaw ?? ''}")`;
      const endMs = end * 1000, durationMs = dur * 1000;
      return { kind: 'invocation', key: keyOf(app, func), name: func, app, startMs: Math.max(0, endMs - durationMs), endMs, durationMs };
    }
    case 'azure2019': {
      const app = row[col.HashApp] ?? '', func = row[col.HashFunction] ?? '';
      if (!func) return `line ${line}: HashFunction: must not be empty`;
      const counts = new Array<number>(row.length - 4);
      let total = 0;
      for (let m = 0; m < counts.length; m++) {
        const c = num(row[4 + m]);
        if (c === null || c < 0 || !Number.isInteger(c)) return `line ${line}: minute ${m + 1}: must be a whole number of invocations ≥ 0 (got "${row[4 + m] ?? ''}")`;
        counts[m] = c;
        total += c;
      }
      return { kind: 'minutes', key: keyOf(app, func), name: func, app, trigger: row[col.Trigger] ?? '', counts, total };
    }
    default:
      return `line ${line}: a ${d.format} file carries no arrivals; pass it as the durations or memory file of an Azure 2019 trace`;
  }
}

/** Whether a row is blank (papaparse gives `[""]` for an empty line). */
export function isBlank(row: string[]): boolean {
  return row.length === 0 || (row.length === 1 && row[0].trim() === '');
}
