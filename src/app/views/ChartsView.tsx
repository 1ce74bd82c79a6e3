import type { SeriesPoint } from '../../protocol/messages';
import type { FrameView } from '../../core';
import { ratePerSecond, steps } from './charts/seriesMath';
import { useUi } from '../store/uiStore';
import { LineChart } from './LineChart';
import { LatencyHistogram } from './LatencyHistogram';
import { useWidth } from './useSize';
import { useLiveFrame, mergeRefs } from './useLiveFrame';
import { useBox, useFit } from './viewFit';
import { EventSourceCharts } from './charts/EventSourceCharts';

/** Limits the worker may sample with each point (when present they are exact, from the run itself). */
type WithLimits = SeriesPoint & Partial<{ accountLimit: number; scalingCapacity: number; reserved: number | null }>;

/**
 * The first function's reserved concurrency at time t. Sampled with the series when the
 * worker provides it; otherwise from the control-plane calls seen so far: the scenario's
 * initial value until the last (Put|Delete)FunctionConcurrency call, the current one after.
 */
function reservedAt(frame: FrameView, initial: number | null): (p: WithLimits) => number | null {
  const fn0 = frame.functions[0];
  const calls = frame.controlPlane.filter((c) => c.ok && c.function === fn0?.name && /FunctionConcurrency$/.test(c.action));
  const lastAt = calls.length ? calls[calls.length - 1].atMs : -Infinity;
  return (p) => ('reserved' in p && p.reserved !== undefined ? p.reserved : p.t >= lastAt ? fn0?.reservedConcurrency ?? null : initial);
}

/** Concurrency against its limits, cold starts and throttles, the queue, the scaling bucket, latency. */
export function ChartsView() {
  const [liveRef, frame] = useLiveFrame(5);
  const series = useUi.getState().series; // read with the (throttled) frame, not on every store change
  const [sizeRef, measured] = useWidth<HTMLDivElement>();
  const ref = mergeRefs<HTMLDivElement>(liveRef, sizeRef);
  // In a slide the charts share the box: two columns, three rows, each as tall as fits (with a
  // mapping, its three charts take the internal queue's and the scaling bucket's places).
  const fit = useFit() !== null;
  const [areaRef, box] = useBox<HTMLDivElement>();
  if (!frame) return <div ref={ref} className="view charts" />;
  const width = fit ? box.width : measured;
  const w = fit || width >= 820 ? Math.floor((width - 16) / 2) : width - 4;
  const LEGEND_H = 28; // a chart's legend: up to two lines
  const h = fit ? Math.max(60, Math.floor((box.height - 2 * 8) / 3) - LEGEND_H) : undefined;
  const pts = series as WithLimits[];
  const at = (f: (p: WithLimits) => number): [number, number][] => pts.map((p) => [p.t, f(p)]);
  const fn0 = frame.functions[0];
  const initial = (useUi.getState().scenarioJson as { functions?: { reservedConcurrency?: number | null }[] } | null)?.functions?.[0]?.reservedConcurrency ?? null;
  const reserved = steps(pts, reservedAt(frame, initial));
  const hasReserved = reserved.some(([, v]) => v !== null);
  const s = frame.summary;
  const es = (frame.eventSources?.length ?? 0) > 0; // a mapping's queue and concurrency take the internal queue's place
  const started = frame.functions.reduce((n, f) => n + f.stats.coldStarts, 0);
  return (
    <div ref={ref} className={`view charts${fit ? ' fit' : ''}`} aria-label="Charts" data-time={frame.timeMs}>
      <div className="kpis" data-testid="kpis">
        <span>Invocations <b>{s.invocations.total}</b></span>
        <span title="Cold starts begun (the summary's coldStarts counts completed cold invocations)">Cold starts <b data-testid="kpi.cold">{started}</b>{s.coldStarts < started ? ` (${started - s.coldStarts} still starting)` : ''} · {(s.coldStartRatio * 100).toFixed(2)} % of completed</span>
        <span>Throttles <b data-testid="kpi.throttled">{s.invocations.throttled}</b></span>
        <span>Errors <b>{s.invocations.functionErrors + s.invocations.timedOut + s.invocations.serviceErrors}</b></span>
        <span>Async <b data-testid="kpi.async">{s.async.accepted}</b> accepted, {s.async.succeeded} ok, {s.async.retries} retries, {s.async.toDlq} to DLQ, {s.async.toOnFailure} to destination</span>
        <span data-testid="kpi.asyncMetrics" title="The CloudWatch metrics AWS reports for asynchronous invocation">AsyncEventAge p99 <b>{(s.async.metrics.AsyncEventAge.p99 / 1000).toFixed(1)} s</b> · AsyncEventsDropped <b>{s.async.metrics.AsyncEventsDropped}</b> · pollers {frame.queue.pollers.busy}/{frame.queue.pollers.total}</span>
        <span>Proactive Init <b data-testid="kpi.proactive">{s.environments.proactive}</b></span>
        <span>Utilization <b>{(s.utilization * 100).toFixed(1)} %</b></span>
      </div>
      <div className={`chart-grid${fit ? ' fit-area' : ''}`} ref={fit ? areaRef : undefined}>
        <LineChart testId="chart.concurrency" width={w} height={h} title={`Concurrency against its limits${fit ? '' : ' (limits from when they were set)'}`} lines={[
          { label: 'in use', values: at((p) => p.concurrency), color: '#009E73' },
          { label: 'environments', values: at((p) => p.environments), color: '#56B4E9' },
          { label: 'account limit', values: steps(pts, (p) => p.accountLimit ?? frame.account.concurrencyLimit), color: '#D55E00', dashed: true },
          ...(hasReserved ? [{ label: `reserved (${fn0?.name})`, values: reserved, color: '#CC79A7', dashed: true }] : []),
        ]} />
        <LineChart testId="chart.rates" width={w} height={h} title="Per simulated second: cold starts, throttles (429)" lines={[
          { label: 'cold starts/s', values: ratePerSecond(pts, (p) => p.coldStarts), color: '#E69F00', curve: 'step' },
          { label: '429/s', values: ratePerSecond(pts, (p) => p.throttled), color: '#D55E00', curve: 'step' },
        ]} />
        {es ? <EventSourceCharts pts={pts} width={w} height={h} fit={fit} /> : (
          <LineChart testId="chart.queue" width={w} height={h} title="Internal queue: depth, oldest event age (s)" lines={[
            { label: 'depth', values: at((p) => p.queueDepth), color: '#0072B2' },
            { label: 'oldest age s', values: at((p) => p.oldestAgeMs / 1000), color: '#999999', dashed: true },
          ]} />
        )}
        {!(es && fit) && <LineChart testId="chart.bucket" width={w} height={h} title={`Scaling bucket of ${fn0?.name ?? '—'}${fit ? '' : ' (new environments allowed now)'}`} lines={[
          { label: 'tokens', values: at((p) => p.bucketTokens), color: '#CC79A7' },
          { label: 'capacity', values: steps(pts, (p) => p.scalingCapacity ?? frame.account.scalingCapacity), color: '#999999', dashed: true },
        ]} />}
        <LatencyHistogram width={w} height={h} cold={frame.latencyBins.cold} warm={frame.latencyBins.warm} stats={{ cold: frame.summary.latencyMs.cold, warm: frame.summary.latencyMs.warm }} />
      </div>
    </div>
  );
}
