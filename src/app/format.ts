/** Virtual time for people: "12.345 s", "3 min 05.2 s", "1 h 02 min". */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(3)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${(s - m * 60).toFixed(1).padStart(4, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m - h * 60).padStart(2, '0')} min ${String(Math.floor(s - m * 60)).padStart(2, '0')} s`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export function formatSpeed(x: number): string {
  if (x === Infinity) return 'max';
  if (x >= 1) return `${x >= 100 ? Math.round(x) : Number(x.toFixed(1))}×`;
  return `${Number(x.toPrecision(2))}×`;
}
