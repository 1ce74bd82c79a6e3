import type { SeriesPoint } from '../../../protocol/messages';
import { LineChart } from '../LineChart';

/**
 * The event source mappings' charts (the worker samples them with every series point when
 * the run has mappings): messages waiting with the age of the oldest message and the streams'
 * iterator age — the two numbers that say a mapping is falling behind — and the batches being
 * invoked against the mappings' concurrency limit.
 */
export function EventSourceCharts({ pts, width, height, fit }: { pts: SeriesPoint[]; width: number; height?: number; fit: boolean }) {
  const at = (f: (p: SeriesPoint) => number | undefined): [number, number | null][] => pts.map((p) => [p.t, f(p) ?? null]);
  const streams = pts.some((p) => (p.esIteratorAgeMs ?? 0) > 0);
  const queues = pts.some((p) => (p.esOldestAgeMs ?? 0) > 0) || !streams;
  return (
    <>
      <LineChart testId="chart.eventSourceQueue" width={width} height={height} title="Your queue or stream: messages and records waiting" lines={[
        { label: 'waiting', values: at((p) => p.esDepth), color: '#0072B2' },
      ]} />
      {/* Ages on their own scale: seconds beside thousands of messages would draw a flat line. */}
      <LineChart testId="chart.eventSourceAge" width={width} height={height} title={`${queues ? 'Oldest message' : ''}${queues && streams ? ', ' : ''}${streams ? 'iterator age' : ''} (s)${fit ? '' : ': how far behind the mapping is'}`} lines={[
        ...(queues ? [{ label: 'oldest message s', values: at((p) => (p.esOldestAgeMs === undefined ? undefined : p.esOldestAgeMs / 1000)), color: '#999999' }] : []),
        ...(streams ? [{ label: 'iterator age s', values: at((p) => (p.esIteratorAgeMs === undefined ? undefined : p.esIteratorAgeMs / 1000)), color: '#D55E00' }] : []),
      ]} />
      <LineChart testId="chart.eventSourceConcurrency" width={width} height={height} title={`Mapping concurrency against its limit${fit ? '' : ' (batches being invoked)'}`} lines={[
        { label: 'batches invoking', values: at((p) => p.esConcurrency), color: '#009E73' },
        { label: 'limit', values: at((p) => p.esLimit), color: '#D55E00', dashed: true, curve: 'step' },
      ]} />
    </>
  );
}
