/**
 * The trace formats Lambdascope reads, recognised from their first line:
 *
 * - `azure2021` — Azure Functions invocation trace 2021 (AzureFunctionsInvocationTrace2021):
 *   one row per invocation, `app,func,end_timestamp,duration`, both in seconds. The arrival
 *   is `end_timestamp − duration`.
 * - `azure2019` — Azure Functions dataset 2019 (AzureFunctionsDataset2019), invocation
 *   counts: one row per function and day, `HashOwner,HashApp,HashFunction,Trigger,1,…,1440`
 *   (invocations in each minute of the day).
 * - `azure2019-durations` — the same dataset's per-function duration percentiles (ms):
 *   `HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,…_100`.
 * - `azure2019-memory` — per-app allocated memory percentiles (MB):
 *   `HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,…_pct100`.
 * - `timestamps` — one arrival time in ms per line, with an optional one-word header.
 */
export type TraceFormat = 'azure2021' | 'azure2019' | 'azure2019-durations' | 'azure2019-memory' | 'timestamps';

/** Formats that carry arrivals (the others add durations or memory to an azure2019 replay). */
export type ArrivalFormat = 'azure2021' | 'azure2019' | 'timestamps';

export interface Detected {
  format: TraceFormat;
  /** Whether the first line is a header (false only for a timestamps file that starts with a number). */
  header: boolean;
  /** Column index of each named field, for formats whose column order may vary. */
  columns: Record<string, number>;
}

const REQUIRED: Record<Exclude<TraceFormat, 'timestamps'>, string[]> = {
  azure2021: ['app', 'func', 'end_timestamp', 'duration'],
  azure2019: ['HashOwner', 'HashApp', 'HashFunction', 'Trigger'],
  'azure2019-durations': ['HashOwner', 'HashApp', 'HashFunction', 'Average', 'Count', 'Minimum', 'Maximum'],
  'azure2019-memory': ['HashOwner', 'HashApp', 'SampleCount', 'AverageAllocatedMb'],
};

/** The duration percentiles of the 2019 dataset (of 30-s averages, cold starts excluded). */
export const DURATION_PERCENTILES = [0, 1, 25, 50, 75, 99, 100] as const;

/** Recognises a file from its first line's fields, or says what it expected. */
export function detectFormat(first: string[]): Detected | { error: string } {
  const f = first.map((x) => x.trim());
  const columns: Record<string, number> = {};
  f.forEach((name, i) => { columns[name] = i; });
  if (f.length === 1) {
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(f[0])) return { format: 'timestamps', header: false, columns: {} };
    if (/^[A-Za-z_][A-Za-z0-9_ ()]*$/.test(f[0])) return { format: 'timestamps', header: true, columns: {} };
  }
  const has = (names: string[]) => names.every((n) => n in columns);
  if (has(REQUIRED.azure2021)) return { format: 'azure2021', header: true, columns };
  if (has(REQUIRED['azure2019-durations'])) {
    for (const p of DURATION_PERCENTILES) if (!(`percentile_Average_${p}` in columns)) return { error: `an Azure 2019 durations file needs the column percentile_Average_${p}` };
    return { format: 'azure2019-durations', header: true, columns };
  }
  if (has(REQUIRED['azure2019-memory'])) return { format: 'azure2019-memory', header: true, columns };
  if (has(REQUIRED.azure2019)) {
    const minutes = f.length - 4;
    if (columns['1'] !== 4 || minutes < 1) return { error: 'an Azure 2019 invocations file has the minute columns 1…1440 right after Trigger' };
    for (let m = 1; m <= minutes; m++) if (f[3 + m] !== String(m)) return { error: `an Azure 2019 invocations file has minute columns numbered 1, 2, …: column ${4 + m} is "${f[3 + m]}", expected "${m}"` };
    return { format: 'azure2019', header: true, columns };
  }
  return {
    error: 'unrecognised trace header: expected Azure 2021 (app,func,end_timestamp,duration), Azure 2019 invocations (HashOwner,HashApp,HashFunction,Trigger,1,…,1440), '
      + 'Azure 2019 durations (…,Average,Count,Minimum,Maximum,percentile_Average_0,…), Azure 2019 memory (…,SampleCount,AverageAllocatedMb,…), '
      + `or one timestamp in ms per line (got "${f.slice(0, 6).join(',')}${f.length > 6 ? ',…' : ''}")`,
  };
}

/** A finite number from a field, or null. Empty fields are not numbers. */
export function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
