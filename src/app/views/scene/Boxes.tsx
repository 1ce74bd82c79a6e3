import type { FrameView } from '../../../core';
import type { SceneLayout } from './layout';
import { Part, type Focus } from './Part';
import { count } from './format';
import { T } from './text';
import { memoBy } from './memoBy';

export const Boxes = memoBy(BoxesView, ({ frame: f, fk }) => {
  const s = f.scene;
  return `${fk}|${s.counters.received}|${s.counters.accepted}|${s.counters.placed}|${s.dlq.deadLettered}|${s.dlq.toDlq}|${s.dlq.dropped}|${s.dlq.onFailure}|${s.pollers.batches.map((b) => `${b.poller}:${b.events.length}`).join(',')}`;
});

/** The small parts: callers, the Frontend, Placement, the poller fleet, the DLQ. */
function BoxesView({ L, frame, focus }: { L: SceneLayout; frame: FrameView; focus: Focus; fk: string }) {
  const b = L.boxes;
  const sv = frame.scene;
  const c = sv.counters;
  const wide = L.name === 'wide';
  const F = b.frontend;
  const dlqLabel = sv.dlq.onFailure === 'destination' ? 'On failure' : 'DLQ';
  const busy = new Map(sv.pollers.batches.map((x) => [x.poller, x.events.length]));
  const PO = b.pollers;
  const cols = Math.max(1, Math.min(5, Math.floor((PO.w - 24) / 24)));
  const shown = Math.min(sv.pollers.count, cols * 2);
  return (
    <>
      <Part name="clients" rect={b.syncClients} label="Clients" sub="sync" focus={focus('clients')} />
      <Part name="clients" rect={b.eventClients} label="Clients" sub="Event" focus={focus('clients')} />
      <Part name="frontend" rect={F} label="Frontend Invoke" labelLines={wide ? ['Frontend', 'Invoke'] : undefined} focus={focus('frontend')}>
        {wide ? (
          <text className="part-note" fontSize={T.small}>
            {['authenticates,', 'loads the config,', 'routes each', 'request'].map((l, i) => <tspan key={i} x={F.x + 16} y={F.y + F.h / 2 - 30 + i * 26}>{l}</tspan>)}
          </text>
        ) : null}
        <text x={F.x + 16} y={wide ? F.y + F.h - 44 : F.y + F.h - 20} className="part-count" fontSize={T.sub}>{count(c.received)} requests</text>
        <text x={wide ? F.x + 16 : F.x + F.w - 16} y={F.y + F.h - 18 - (wide ? 0 : 0)} textAnchor={wide ? 'start' : 'end'} className="part-count" fontSize={T.sub}>{count(c.accepted)} × 202</text>
      </Part>
      <Part name="placement" rect={b.placement} label="Placement" sub="picks a worker" focus={focus('placement')}>
        <text x={b.placement.x + b.placement.w - 16} y={b.placement.y + 68} textAnchor="end" className="part-count" fontSize={T.sub} data-testid="scene.placed">{count(c.placed)} {b.placement.w >= 560 ? (c.placed === 1 ? 'environment ' : 'environments ') : ''}placed</text>
      </Part>
      <Part name="pollers" rect={PO} label="Pollers" focus={focus('pollers')}>
        {Array.from({ length: shown }, (_, k) => {
          const n = busy.get(k) ?? 0;
          const x = PO.x + 12 + (k % cols) * 24, y = PO.y + 62 + Math.floor(k / cols) * 26;
          return <rect key={k} x={x} y={y} width={20} height={20} rx={4} className={n ? 'poller busy' : 'poller'}><title>{`poller ${k + 1}: ${n ? `${n} events in its batch` : 'idle'}`}</title></rect>;
        })}
        <text x={PO.x + 12} y={PO.y + PO.h - 16} className="part-count" fontSize={T.small}>{busy.size} / {sv.pollers.count} busy</text>
      </Part>
      <Part name="dlq" rect={b.dlq} label={dlqLabel} focus={focus('dlq')}>
        <text x={b.dlq.x + 16} y={b.dlq.y + 74} className="part-big" fontSize={T.sub} data-testid="scene.dlq">{count(sv.dlq.onFailure === 'none' ? sv.dlq.dropped : sv.dlq.deadLettered)} {sv.dlq.onFailure === 'none' ? 'dropped' : 'failed'}</text>
        <text x={b.dlq.x + 16} y={b.dlq.y + b.dlq.h - 14} className="part-sub" fontSize={T.small}>{sv.dlq.onFailure === 'none' && sv.dlq.deadLettered === 0 ? 'no destination' : dlqSplit(sv.dlq.toDlq, sv.dlq.toOnFailure)}</text>
      </Part>
    </>
  );
}

/** A DLQ receives the event body; an on-failure destination an invocation record: counted apart. */
function dlqSplit(toDlq: number, toOnFailure: number): string {
  if (toOnFailure === 0) return 'bodies → DLQ';
  if (toDlq === 0) return 'records → dest.';
  return `DLQ ${count(toDlq)} · dest. ${count(toOnFailure)}`;
}
