/// <reference lib="webworker" />
import type { ByteSource } from '../../io/rowReader';

/**
 * A dropped File (or any Blob) as a ByteSource: each read is a synchronous slice through
 * FileReaderSync, which only workers have — so the simulation can pull the next rows in the
 * middle of a step, and the file is never held whole.
 */
export function blobBytes(blob: Blob): ByteSource {
  const reader = new FileReaderSync();
  return {
    size: blob.size,
    read: (offset, length) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(offset, offset + length))),
  };
}
