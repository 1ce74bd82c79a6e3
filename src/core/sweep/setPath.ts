/**
 * `--set PATH=VALUE` on a scenario's JSON: PATH is the same JSON path the validator uses
 * in its messages (`functions[0].keepAliveMs.value`). Applying never mutates the input.
 * Structural mistakes (an index past the end of an array, a step into a number) are
 * reported here; unknown fields and out-of-range values are reported by the scenario
 * validator itself, so the rules are the schema's own.
 */
export type Segment = string | number;

export function parsePath(path: string): Segment[] | { error: string } {
  const out: Segment[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/y;
  let expectName = true, i = 0;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) return { error: `"${path}": unexpected "${path[i]}" at position ${i + 1}; a path looks like functions[0].keepAliveMs.value` };
    if (m[1] !== undefined) { if (!expectName) return { error: `"${path}": a "." must separate field names` }; out.push(m[1]); expectName = false; }
    else if (m[2] !== undefined) { if (out.length === 0) return { error: `"${path}": must start with a field name` }; out.push(Number(m[2])); expectName = false; }
    else { if (expectName) return { error: `"${path}": empty field name` }; expectName = true; }
    i = re.lastIndex;
  }
  if (out.length === 0 || expectName) return { error: `"${path}": must end with a field name or an index` };
  return out;
}

export function formatPath(segs: readonly Segment[]): string {
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The kind of distribution a parameter implies, for a distribution field that is not written yet. */
const DIST_OF_PARAM: Record<string, string> = { value: 'constant', mean: 'exponential', median: 'lognormal', sigma: 'lognormal', min: 'uniform', max: 'uniform' };

/**
 * A copy of `root` with `value` at `segs`. Missing objects on the way are created; a missing
 * distribution (a field ending in "Ms" reached with `.value`, `.mean`, …) is created with
 * its kind, so `functions[0].keepAliveMs.value=60000` works on a scenario that relies on the
 * default keep-alive.
 */
export function applySet(root: unknown, segs: readonly Segment[], value: unknown): { ok: true; json: unknown } | { ok: false; error: string } {
  const copy = (v: unknown, depth: number): { ok: true; v: unknown } | { ok: false; error: string } => {
    if (depth === segs.length) return { ok: true, v: value };
    const seg = segs[depth];
    const here = formatPath(segs.slice(0, depth)) || '(scenario)';
    if (typeof seg === 'number') {
      if (!Array.isArray(v)) return { ok: false, error: `${here} is ${describe(v)}, not an array` };
      if (seg >= v.length) return { ok: false, error: `${here} has ${v.length} ${v.length === 1 ? 'entry' : 'entries'}: index ${seg} is past its end` };
      const inner = copy(v[seg], depth + 1);
      if (!inner.ok) return inner;
      const arr = v.slice();
      arr[seg] = inner.v;
      return { ok: true, v: arr };
    }
    let obj: Record<string, unknown>;
    if (v === undefined) {
      obj = {};
      const parent = segs[depth - 1];
      if (depth === segs.length - 1 && typeof parent === 'string' && parent.endsWith('Ms') && DIST_OF_PARAM[seg]) obj.dist = DIST_OF_PARAM[seg];
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) obj = { ...(v as Record<string, unknown>) };
    else return { ok: false, error: `${here} is ${describe(v)}, not an object` };
    const inner = copy(obj[seg], depth + 1);
    if (!inner.ok) return inner;
    obj[seg] = inner.v;
    return { ok: true, v: obj };
  };
  const r = copy(root, 0);
  return r.ok ? { ok: true, json: r.v } : r;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v)})`;
}
