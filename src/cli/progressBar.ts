import { performance } from 'node:perf_hooks';

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise
 * (so logs of batch jobs stay short). Never on stdout, which carries the result.
 */
export function progressBar(total: number, label: string): { update(done: number): void; end(): void } {
  const t0 = performance.now();
  const tty = process.stderr.isTTY === true;
  let lastDecile = -1;
  return {
    update(done) {
      const f = total ? done / total : 1;
      const elapsed = (performance.now() - t0) / 1000;
      const eta = done ? (elapsed / done) * (total - done) : NaN;
      const text = `${label} [${'#'.repeat(Math.round(f * 30)).padEnd(30, '.')}] ${done}/${total}  ${elapsed.toFixed(1)} s${done < total && Number.isFinite(eta) ? `, ~${eta.toFixed(0)} s left` : ''}`;
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
      else if (Math.floor(f * 10) > lastDecile) { lastDecile = Math.floor(f * 10); process.stderr.write(text + '\n'); }
    },
    end() { if (tty) process.stderr.write('\n'); },
  };
}
