import type { ArrivalFormat, Detected } from './formats';
import { isBlank, parseRow } from './rows';

/**
 * The first pass over a trace file: checks every row and counts invocations per trace
 * function, so that functions can be mapped by volume ("rank", "top N") before the replay
 * starts and a malformed line is reported before anything runs — never half-way through.
 */
export interface TraceVolumes {
  format: ArrivalFormat;
  /** Trace functions in order of first appearance. */
  functions: { key: string; name: string; app: string; invocations: number }[];
  rows: number;
  invocations: number;
  /** Earliest and latest arrival (ms); NaN for an empty trace. */
  firstMs: number;
  lastMs: number;
  /** Rows whose arrival is earlier than an arrival read before it (timestamps, 2021 end times). */
  outOfOrder: number;
}

const MAX_PROBLEMS = 20;

export class VolumeCounter {
  private readonly index = new Map<string, number>();
  private readonly v: TraceVolumes;
  private readonly problems: string[] = [];
  private extra = 0;
  private lastOrderMs = -Infinity;

  constructor(private readonly d: Detected) {
    if (d.format !== 'azure2021' && d.format !== 'azure2019' && d.format !== 'timestamps') throw new Error(`${d.format} carries no arrivals`);
    this.v = { format: d.format, functions: [], rows: 0, invocations: 0, firstMs: NaN, lastMs: NaN, outOfOrder: 0 };
  }

  /** Adds data rows; `firstLine` is the 1-based file line of `rows[0]`. */
  add(rows: string[][], firstLine: number): void {
    for (let i = 0; i < rows.length; i++) {
      if (isBlank(rows[i])) continue;
      const r = parseRow(this.d, rows[i], firstLine + i);
      if (typeof r === 'string') {
        if (this.problems.length < MAX_PROBLEMS) this.problems.push(r);
        else this.extra++;
        continue;
      }
      this.v.rows++;
      let k = this.index.get(r.key);
      if (k === undefined) {
        k = this.v.functions.length;
        this.index.set(r.key, k);
        this.v.functions.push({ key: r.key, name: r.name, app: r.app, invocations: 0 });
      }
      let n = 1, first = 0, last = 0, order = 0;
      if (r.kind === 'minutes') {
        n = r.total;
        const fm = r.counts.findIndex((c) => c > 0);
        if (fm < 0) continue;
        let lm = r.counts.length - 1;
        while (r.counts[lm] === 0) lm--;
        first = fm * 60_000;
        last = (lm + 1) * 60_000;
        order = -Infinity; // rows of a 2019 file are functions, not times: no order to keep
      } else if (r.kind === 'time') {
        first = last = order = r.atMs;
      } else {
        first = last = r.startMs;
        order = r.endMs;
      }
      this.v.functions[k].invocations += n;
      this.v.invocations += n;
      if (!(first >= this.v.firstMs)) this.v.firstMs = first;
      if (!(last <= this.v.lastMs)) this.v.lastMs = last;
      if (order < this.lastOrderMs) this.v.outOfOrder++;
      else if (order > this.lastOrderMs) this.lastOrderMs = order;
    }
  }

  /** The volumes, or every problem found (with line numbers). */
  result(): { ok: true; volumes: TraceVolumes } | { ok: false; problems: string[] } {
    if (this.problems.length) return { ok: false, problems: this.extra ? [...this.problems, `… and ${this.extra} more`] : this.problems };
    return { ok: true, volumes: this.v };
  }
}
