import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { NamedBytes } from '../io/traceLoad';

/** A file on disk as a ByteSource for the trace reader: reads by offset, never the whole file. */
export function fileBytes(path: string): { ok: true; file: NamedBytes; close: () => void } | { ok: false; problem: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, problem: err.code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${err.message})` };
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    return { ok: false, problem: `${path}: not a file` };
  }
  const bytes = {
    size: st.size,
    read(offset: number, length: number): Uint8Array {
      const buf = new Uint8Array(length);
      const n = readSync(fd, buf, 0, length, offset);
      return n === length ? buf : buf.subarray(0, n);
    },
  };
  return { ok: true, file: { name: path, bytes }, close: () => closeSync(fd) };
}
