import type { FrameView } from '../../../core';
import type { Rect, SceneLayout } from './layout';
import type { Focus } from './Part';
import { age, count } from './format';
import { T, fitText } from './text';
import { memoBy } from './memoBy';
import './eventSource.css';
import { ES_COLOR, flowFacts, laneShown, queueCells, scaleNote, sourceFacts, sourceWords, type EsView } from './eventSourceDraw';

/**
 * An event source mapping in the async row (when the run has one): the customer's queue or
 * stream in the internal queue's place, drawn dashed because it is in the customer's account,
 * outside Lambda; the mapping's pollers (inside Lambda) with each batch in flight as one
 * group of messages; the queue's DLQ or the stream's on-failure destination; the producer
 * in the Event callers' place. Streams show one lane per shard × ParallelizationFactor, a
 * stalled lane (its batch failing, retried) in vermillion with how long it has been stuck.
 * One `data-component="event-source"` for the whole (CONTRACTS.md §3); the first mapping is
 * drawn, the others counted.
 */
export const EventSourcePart = memoBy(EventSourceView, ({ frame: f, fk, focus }) => {
  const e = f.eventSources[0];
  if (!e) return 'none';
  const lanes = e.lanes.map((l) => `${l.depth}:${l.busy ? 1 : 0}:${l.retries}:${age(l.oldestAgeMs)}`).join(',');
  return `${fk}|${focus('event-source')}|${f.eventSources.length}|${e.state}|${e.received}|${e.visible}|${e.inFlight}|${e.toDlq}|${e.expired}|${e.concurrency}|${e.limit}|${age(e.oldestAgeMs)}|${lanes}|${e.batches.map((b) => `${b.id}${b.state}${b.size}`).join(',')}|${e.groups?.active}:${e.groups?.locked}`;
});

function EventSourceView({ L, frame, focus }: { L: SceneLayout; frame: FrameView; focus: Focus; fk: string }) {
  const e = frame.eventSources[0];
  if (!e) return null;
  const b = L.boxes;
  const f = focus('event-source');
  const w = sourceWords(e);
  const more = frame.eventSources.length - 1;
  return (
    <g data-component="event-source" data-source={e.name} data-type={e.type} data-state={e.state}>
      {/* Opaque under the parts, so the async row's own boxes never show through a dimmed mapping. */}
      {[b.eventClients, b.queue, b.pollers, b.dlq].map((r, i) => <rect key={i} x={r.x - 2} y={r.y - 2} width={r.w + 4} height={r.h + 4} rx={14} className="es-backdrop" />)}
      <g className={`part part-event-source focus-${f}`}>
        <Producer r={b.eventClients} e={e} more={more} />
        <Source r={b.queue} e={e} w={w} />
        <Pollers r={b.pollers} e={e} />
        <Failed r={b.dlq} e={e} w={w} />
      </g>
    </g>
  );
}

function Box({ r, title, dashed, label, children, part }: { r: Rect; title: string; dashed?: boolean; label?: string; children?: React.ReactNode; part: string }) {
  return (
    <g data-es-part={part}>
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={14} className={`part-box${dashed ? ' es-outside' : ''}`} />
      <text x={r.x + 16} y={r.y + 38} className="part-title" fontSize={T.title} data-label={label}>{fitText(title, T.title, r.w - 20)}</text>
      {children}
    </g>
  );
}

function Producer({ r, e, more }: { r: Rect; e: EsView; more: number }) {
  const lines = ['sends to', e.type.startsWith('sqs') ? 'your queue' : 'your stream'];
  const roomy = r.h >= 200;
  return (
    <Box r={r} title="Producer" part="producer">
      <text x={r.x + 16} y={r.y + 76} className="part-big" fontSize={T.sub} data-testid="es.received">{count(e.received)}</text>
      {roomy && <text x={r.x + 16} y={r.y + 102} className="part-sub" fontSize={T.small}>{e.type.startsWith('sqs') ? 'messages' : 'records'}</text>}
      {roomy && lines.map((l, i) => <text key={i} x={r.x + 16} y={r.y + 150 + i * 26} className="part-note" fontSize={T.small}>{l}</text>)}
      {roomy && more > 0 && <text x={r.x + 16} y={r.y + r.h - 16} className="part-sub" fontSize={T.small}>+{more} more</text>}
    </Box>
  );
}

/** The queue (messages as cells: waiting, in flight) or the stream (lanes). */
function Source({ r, e, w }: { r: Rect; e: EsView; w: ReturnType<typeof sourceWords> }) {
  const stream = e.lanes.length > 0 || e.shards > 0;
  const lines = stream ? 2 : 3; // a stream's lanes keep room for their labels
  const top = r.y + (stream ? 76 : 80), bottom = r.y + r.h - 38 - lines * 26;
  return (
    <Box r={r} title={w.title} dashed label={`${w.title}: ${e.name}`} part="source">
      <title>{`${e.name}: ${w.kind} in your account, outside Lambda — the mapping's pollers read it`}</title>
      <text x={r.x + 16} y={r.y + 66} className="part-sub" fontSize={T.small}>{fitText(`${w.kind} · ${stream ? e.name : scaleNote(e, r.w - 32, bottom - top) ?? e.name}`, T.small, r.w - 32)}</text>
      {stream ? <Lanes r={r} e={e} top={top} bottom={bottom} /> : <Cells r={r} e={e} top={top} bottom={bottom} />}
      <g data-testid="es.facts">
        {flowFacts(sourceFacts(e, stream), r.w - 32, lines).map((it) => (
          <g key={it.key} transform={`translate(${r.x + 16 + it.x},${r.y + r.h - 16 - (lines - 1 - it.line) * 26})`}>
            {it.color && <rect x={0} y={-15} width={16} height={16} rx={3} fill={it.color} />}
            <text x={it.color ? 22 : 0} y={0} className={it.warn ? 'part-429' : 'part-count'} fontSize={T.small}>{it.text}</text>
          </g>
        ))}
      </g>
    </Box>
  );
}

function Cells({ r, e, top, bottom }: { r: Rect; e: EsView; top: number; bottom: number }) {
  const c = queueCells(e, r.w - 32, bottom - top);
  return (
    <g className="es-cells">
      {c.cells.map((k, i) => <rect key={i} x={r.x + 16 + (i % c.cols) * c.step} y={top + Math.floor(i / c.cols) * c.step} width={c.step - 3} height={c.step - 3} rx={2} fill={k ? ES_COLOR.inFlight : ES_COLOR.waiting} />)}
    </g>
  );
}

function Lanes({ r, e, top, bottom }: { r: Rect; e: EsView; top: number; bottom: number }) {
  const shown = laneShown(e.lanes.length, bottom - top);
  const max = Math.max(1, ...e.lanes.map((l) => l.depth));
  const x0 = r.x + 16, x1 = r.x + r.w - 16;
  return (
    <g className="es-lanes">
      {e.lanes.slice(0, shown.n).map((l, i) => {
        // Stalled: its batch is failing and retried. Behind: no failure counted (e.g. a batch being bisected) but 10 s or more old.
        const y = top + i * shown.h, stalled = l.retries > 0, behind = !stalled && l.oldestAgeMs >= 10_000;
        const frac = l.depth === 0 ? 0 : Math.max(0.04, Math.log1p(l.depth) / Math.log1p(max));
        const label = shown.h >= 20 ? (stalled ? `stalled ${age(l.oldestAgeMs)}` : behind ? `behind ${age(l.oldestAgeMs)}` : l.depth ? age(l.oldestAgeMs) : '') : '';
        return (
          <g key={i} data-lane={i} data-stalled={stalled ? 'true' : 'false'} className={`es-lane${stalled ? ' stalled' : ''}`}>
            <title>{`shard ${l.shard}${e.parallelizationFactor > 1 ? `, lane ${i % e.parallelizationFactor + 1}` : ''}: ${l.depth} records, oldest ${age(l.oldestAgeMs)}${stalled ? `; its batch has failed ${l.retries} time${l.retries === 1 ? '' : 's'} and blocks the shard` : ''}`}</title>
            <rect x={x0} y={y} width={x1 - x0} height={shown.h - 4} rx={3} className="es-lane-bg" />
            <rect x={x0} y={y} width={(x1 - x0) * frac} height={shown.h - 4} rx={3} fill={stalled ? ES_COLOR.stalled : behind ? ES_COLOR.behind : l.busy ? ES_COLOR.inFlight : ES_COLOR.waiting} />
            {label && <text x={x1 - 6} y={y + shown.h - 6} textAnchor="end" className={stalled || behind ? 'es-lane-text stalled' : 'es-lane-text'} fontSize={T.small}>{label}</text>}
          </g>
        );
      })}
      {e.lanes.length > shown.n && <text x={x1} y={bottom + 4} textAnchor="end" className="part-sub" fontSize={T.small}>+{e.lanes.length - shown.n} lanes</text>}
    </g>
  );
}

/** The mapping's pollers: each batch being gathered or invoked as one group, concurrency of its limit. */
function Pollers({ r, e }: { r: Rect; e: EsView }) {
  const tileW = 48, tileH = 30;
  const cols = Math.max(1, Math.floor((r.w - 24) / (tileW + 4)));
  const rows = Math.max(1, Math.floor((r.h - 56 - 70) / (tileH + 4)));
  const live = e.batches.filter((x) => x.state !== 'orphaned');
  const tiles = live.slice(-cols * rows);
  return (
    <Box r={r} title="Pollers" part="pollers">
      <title>{`${e.name}'s event source mapping (${e.state}): ${e.concurrency} batches being invoked; limit ${e.limit}${e.type === 'sqs' ? `, the pollers' target ${e.target}` : ''}`}</title>
      {tiles.map((t, i) => {
        const x = r.x + 12 + (i % cols) * (tileW + 4), y = r.y + 56 + Math.floor(i / cols) * (tileH + 4);
        const filled = Math.min(10, Math.max(1, Math.round((t.size / Math.max(1, e.batchSize)) * 10)));
        return (
          <g key={t.id} data-batch={t.id} data-state={t.state} className="es-batch">
            <title>{`batch ${t.id}: ${t.size} ${e.type.startsWith('sqs') ? 'messages' : 'records'}, ${t.state}, attempt ${t.attempts}`}</title>
            <rect x={x} y={y} width={tileW} height={tileH} rx={4} className={`es-batch-box ${t.state}`} />
            {Array.from({ length: filled }, (_, k) => <rect key={k} x={x + 4 + (k % 5) * 8.4} y={y + 4 + Math.floor(k / 5) * 11.5} width={6} height={9} rx={1} className="es-batch-msg" />)}
          </g>
        );
      })}
      {/* A mapping in transition (Updating, Disabling, …) or Disabled says so where its concurrency is explained. */}
      <text x={r.x + 12} y={r.y + r.h - 42} className={e.state === 'Enabled' ? 'part-sub' : 'part-429'} fontSize={T.small} data-testid="es.state">{e.state === 'Enabled' ? 'busy / max' : fitText(e.state, T.small, r.w - 24)}</text>
      <text x={r.x + 12} y={r.y + r.h - 16} className="part-count" fontSize={T.small} data-testid="es.concurrency" data-busy={e.concurrency} data-limit={e.limit}>
        <tspan className="part-big">{count(e.concurrency)}</tspan> / {count(e.limit)}
      </text>
    </Box>
  );
}

function Failed({ r, e, w }: { r: Rect; e: EsView; w: ReturnType<typeof sourceWords> }) {
  const sqs = e.type.startsWith('sqs');
  return (
    <Box r={r} title={w.failTitle} part="dlq">
      <title>{sqs ? `The queue's dead-letter queue: ${e.toDlq} messages moved by the redrive policy${e.maxReceiveCount ? ` after ${e.maxReceiveCount} receives` : ''}` : `The on-failure destination: ${e.toDlq} batches' records; ${e.expired} records expired in the stream`}</title>
      {sqs ? <text x={r.x + r.w - 16} y={r.y + 38} textAnchor="end" className="part-big" fontSize={T.title} data-testid="es.dlq">{count(e.toDlq)}</text>
        : <text x={r.x + 16} y={r.y + 72} className="part-big" fontSize={T.sub} data-testid="es.dlq">{count(e.toDlq)}</text>}
      {(sqs ? w.failNote : [w.failNote.join(' ')]).map((l, i) => <text key={i} x={r.x + 16} y={r.y + (sqs ? 72 : 100) + i * 26} className="part-sub" fontSize={T.small}>{fitText(l, T.small, r.w - 24)}</text>)}
    </Box>
  );
}
