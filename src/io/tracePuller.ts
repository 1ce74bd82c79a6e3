import { registerTracePuller, type TracePuller } from '../core/traces/pull';
import { RowReader, type ByteSource } from './rowReader';

/**
 * The host's side of a streamed trace: reads chunks of rows for the simulations replaying
 * it (traces/pull.ts). Two cursors, so that the two runs of a comparison — or a run and a
 * restored checkpoint — each continue where they are without re-reading from a chunk start
 * at every turn.
 */
export class FileTracePuller implements TracePuller {
  private readonly cursors: { reader: RowReader; used: number }[] = [];
  private tick = 0;

  constructor(private readonly bytes: ByteSource, private readonly header: boolean, private readonly chunkBytes: number) {}

  pull(fromLine: number): { rows: string[][]; eof: boolean } {
    let c = this.cursors.find((x) => x.reader.position === fromLine);
    if (!c) {
      if (this.cursors.length < 2) {
        const reader = new RowReader(this.bytes, this.chunkBytes);
        reader.first();
        reader.start(this.header);
        c = { reader, used: 0 };
        this.cursors.push(c);
      } else {
        c = this.cursors[0].used < this.cursors[1].used ? this.cursors[0] : this.cursors[1];
      }
      if (c.reader.position !== fromLine) {
        c.used = ++this.tick;
        return c.reader.seekLine(fromLine);
      }
    }
    c.used = ++this.tick;
    return c.reader.next();
  }
}

let nextFeed = 1;

/** Registers a reader of `bytes` and returns its feed id and the way to release it. */
export function openFeed(name: string, bytes: ByteSource, header: boolean, chunkBytes: number): { feed: string; release: () => void } {
  const feed = `trace-${nextFeed++}:${name}`;
  return { feed, release: registerTracePuller(feed, new FileTracePuller(bytes, header, chunkBytes)) };
}
