/**
 * Copies of plain data: the only kind of value the simulation state may hold. This is the
 * guard that keeps closures and live objects out of the state for good — it throws, naming
 * the path, on anything a structured clone would not reproduce exactly:
 * - allowed: primitives (no symbols), arrays, objects whose prototype is Object.prototype,
 *   Map and Set (primitive keys), typed arrays that own their whole buffer;
 * - refused: functions, class instances (any other prototype, null included), symbol keys,
 *   Map keys that are objects, typed arrays that share a buffer (hidden aliasing).
 * Shared references are not preserved (the state has none: records point at each other by id).
 *
 * Frozen objects are immutable by the core's convention (only `deepFreeze` freezes, and it
 * checks the whole subtree), so a copy shares them instead of copying: configuration and
 * the scenario cost nothing per checkpoint.
 */
export class PlainDataError extends Error {
  constructor(readonly path: string[], readonly problem: string) {
    super(`${path.join('')}: ${problem} — the simulation state must be plain data`);
  }
}

/** What a copy held, for memory budgets: objects copied (shared frozen ones excluded) and typed-array bytes. */
export interface CopySize {
  objects: number;
  bytes: number;
}

/**
 * A deep copy of plain data; throws `PlainDataError` naming the path of the first value that
 * is not. `pooledBuffers`: accept typed arrays that are views into a larger buffer and give
 * each its own (a deserializer, e.g. Node's v8.deserialize, pools them; the live state never
 * may, since that would be hidden aliasing).
 */
export function copyPlain<T>(value: T, root = 'state', size: CopySize = { objects: 0, bytes: 0 }, pooledBuffers = false): T {
  try {
    return copy(value, size, pooledBuffers) as T;
  } catch (e) {
    if (e instanceof PathError) throw new PlainDataError([root, ...e.path.reverse()], e.problem);
    throw e;
  }
}

/** Freezes plain data deeply (checking it, like `copyPlain`), so copies may share it. */
export function deepFreeze<T>(value: T, root = 'value'): T {
  try {
    freeze(value);
  } catch (e) {
    if (e instanceof PathError) throw new PlainDataError([root, ...e.path.reverse()], e.problem);
    throw e;
  }
  return value;
}

/** Thrown while unwinding; each level adds its key so the message names the whole path. */
class PathError {
  readonly path: string[] = [];
  constructor(readonly problem: string) {}
}

const key = (k: string | number) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

function copy(v: unknown, size: CopySize, pooled: boolean): unknown {
  if (typeof v !== 'object') {
    if (typeof v === 'function') throw new PathError(`a function (${(v as { name?: string }).name || 'anonymous'})`);
    if (typeof v === 'symbol') throw new PathError('a symbol');
    return v;
  }
  if (v === null || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) throw new PathError('an array subclass');
    size.objects++;
    const out = v.slice();
    let i = 0;
    try {
      for (; i < out.length; i++) {
        const x = out[i];
        if (typeof x === 'object' ? x !== null : typeof x === 'function' || typeof x === 'symbol') out[i] = copy(x, size, pooled);
      }
    } catch (e) {
      throw at(e, i);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype) return copyRecord(v as Record<string, unknown>, size, pooled);
  if (v instanceof Map) return copyMap(v, size, pooled);
  if (v instanceof Set) return copySet(v, size);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    if (!pooled && (v.byteOffset !== 0 || v.byteLength !== v.buffer.byteLength)) throw new PathError('a typed array sharing its buffer');
    size.objects++;
    size.bytes += v.byteLength;
    return (v as unknown as { slice(): unknown }).slice();
  }
  throw new PathError(`an instance of ${proto?.constructor?.name ?? 'an unknown class'}`);
}

function copyRecord(v: Record<string, unknown>, size: CopySize, pooled: boolean): Record<string, unknown> {
  if (Object.getOwnPropertySymbols(v).length > 0) throw new PathError('an object with symbol keys');
  size.objects++;
  const out = { ...v }; // V8 copies the shape in one go; nested values are fixed up below
  let k = '';
  try {
    for (k in out) {
      const x = out[k];
      if (typeof x === 'object' ? x !== null : typeof x === 'function' || typeof x === 'symbol') out[k] = copy(x, size, pooled);
    }
  } catch (e) {
    throw at(e, k);
  }
  return out;
}

function copyMap(v: Map<unknown, unknown>, size: CopySize, pooled: boolean): Map<unknown, unknown> {
  if (Object.getPrototypeOf(v) !== Map.prototype) throw new PathError('a Map subclass');
  size.objects++;
  const out = new Map();
  for (const [k, x] of v) {
    if (typeof k === 'object' || typeof k === 'function' || typeof k === 'symbol') throw at(new PathError('a Map key that is not a primitive'), String(k));
    try {
      out.set(k, typeof x === 'object' || typeof x === 'function' || typeof x === 'symbol' ? copy(x, size, pooled) : x);
    } catch (e) {
      throw at(e, `.get(${JSON.stringify(k)})`, true);
    }
  }
  return out;
}

function copySet(v: Set<unknown>, size: CopySize): Set<unknown> {
  if (Object.getPrototypeOf(v) !== Set.prototype) throw new PathError('a Set subclass');
  size.objects++;
  for (const x of v) if (typeof x === 'object' || typeof x === 'function' || typeof x === 'symbol') throw at(new PathError('a Set member that is not a primitive'), '.values()', true);
  return new Set(v);
}

function freeze(v: unknown): void {
  if (typeof v === 'function') throw new PathError('a function');
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype) {
    // Maps, Sets and typed arrays cannot be frozen: they hold mutable contents.
    throw new PathError(`an instance of ${proto?.constructor?.name ?? 'an unknown class'}, which cannot be frozen`);
  }
  if (Object.getOwnPropertySymbols(v).length > 0) throw new PathError('an object with symbol keys');
  const rec = v as Record<string, unknown>;
  let k = '';
  try {
    for (k of Object.keys(rec)) freeze(rec[k]);
  } catch (e) {
    throw at(e, Array.isArray(v) ? Number(k) : k);
  }
  Object.freeze(v);
}

function at(e: unknown, k: string | number, raw = false): unknown {
  if (e instanceof PathError) e.path.push(raw ? String(k) : key(k));
  return e;
}
