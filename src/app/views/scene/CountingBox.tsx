import type { FrameView } from '../../../core';
import type { Rect } from './layout';
import { Part, type Focus } from './Part';
import { count, REASON_SHORT } from './format';
import { T } from './text';
import { memoBy } from './memoBy';

export const CountingBox = memoBy(CountingView, ({ frame: f, fk, tall }) => {
  const c = f.scene.counting;
  return `${fk}|${tall}|${c.accountLimit}|${c.inUse}|${c.unreservedInUse}|${c.unreservedCapacity}|${c.functions.map((x) => `${x.reserved}:${x.inUse}:${x.provisionedLive}:${Math.floor(x.bucketTokens)}`).join(',')}|${f.scene.counters.throttled}|${JSON.stringify(f.scene.counters.throttleReasons)}`;
});

/**
 * Counting: the account's concurrency pool as one bar (reserved slices first, then the
 * unreserved pool; filled as units are in use, provisioned units hatched), the function's
 * scaling bucket as a level, and the 429s it has answered with their reason.
 */
function CountingView({ rect: r, frame, focus, tall }: { rect: Rect; frame: FrameView; focus: Focus; fk: string; tall: boolean }) {
  const c = frame.scene.counting;
  const x0 = r.x + 16, bw = r.w - 32, by = r.y + 84, bh = 30;
  const scale = bw / Math.max(1, c.accountLimit);
  const slices: { key: string; x: number; w: number; fill: number; hatch: number; reserved: boolean; title: string }[] = [];
  let x = x0;
  let unreservedHatch = 0;
  for (const f of c.functions) {
    if (f.reserved === null) { unreservedHatch += f.provisionedLive; continue; }
    const w = Math.max(6, f.reserved * scale);
    slices.push({ key: f.name, x, w, fill: f.reserved ? Math.min(1, f.inUse / f.reserved) * w : 0, hatch: f.reserved ? Math.min(1, f.provisionedLive / f.reserved) * w : 0, reserved: true, title: `${f.name}: reserved ${f.reserved}, ${f.inUse} in use` });
    x += w;
  }
  const uw = Math.max(0, x0 + bw - x);
  const ufill = c.unreservedInUse > 0 ? Math.max(3, Math.min(uw, c.unreservedInUse * scale)) : 0;
  slices.push({ key: 'unreserved', x, w: uw, fill: ufill, hatch: Math.min(ufill, unreservedHatch * scale), reserved: false, title: `unreserved: ${c.unreservedInUse} of ${c.unreservedCapacity} in use` });
  const reserved = c.functions.find((f) => f.reserved !== null);
  // The bucket that matters most: the emptiest function's.
  const bucket = c.functions.reduce<(typeof c.functions)[number] | null>((a, f) => (!a || f.bucketTokens < a.bucketTokens ? f : a), null);
  const level = bucket ? bucket.bucketTokens / Math.max(1, c.bucketCapacity) : 1;
  const th = frame.scene.counters.throttled;
  const reasons = Object.entries(frame.scene.counters.throttleReasons).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const yb = by + bh + 92;
  return (
    <Part name="counting" rect={r} label="Counting" sub="concurrency pool" focus={focus('counting')}>
      {slices.map((s) => (
        <g key={s.key} className={s.reserved ? 'slice reserved' : 'slice'}>
          <title>{s.title}</title>
          <rect x={s.x} y={by} width={Math.max(0, s.w - 1)} height={bh} className="slice-bg" />
          {s.fill > 0 && <rect x={s.x} y={by} width={s.fill} height={bh} className="slice-fill" />}
          {s.hatch > 0 && <rect x={s.x} y={by} width={s.hatch} height={bh} fill="url(#hatch)" className="slice-hatch" />}
        </g>
      ))}
      <text x={x0} y={by + bh + 30} className="part-count" fontSize={T.small} data-testid="scene.inUse">{count(c.inUse)} / {count(c.accountLimit)} in use</text>
      {reserved && <text x={x0} y={by + bh + 56} className="part-sub" fontSize={T.small}>{tall ? '' : `reserved ${reserved.name}: ${count(reserved.reserved!)}`}</text>}
      <text x={x0} y={yb - 8} className="part-sub" fontSize={T.small}>scaling bucket</text>
      <text x={x0 + bw} y={yb - 8} textAnchor="end" className="part-count" fontSize={T.small}>{count(Math.floor(bucket?.bucketTokens ?? 0))}</text>
      <rect x={x0} y={yb} width={bw} height={14} className="bucket-bg" />
      <rect x={x0} y={yb} width={Math.max(0, bw * level)} height={14} className="bucket-fill"><title>{`new environments allowed now: ${Math.floor(bucket?.bucketTokens ?? 0)} of ${c.bucketCapacity}`}</title></rect>
      {th > 0 && <text x={x0} y={r.y + r.h - 42} className="part-429" fontSize={T.sub} data-testid="scene.throttled">429 × {count(th)}</text>}
      {th > 0 && reasons[0] && <text x={x0} y={r.y + r.h - 16} className="part-429-reason" fontSize={T.small}>{reasons.length > 1 ? 'mostly ' : ''}{REASON_SHORT[reasons[0][0]] ?? reasons[0][0]}</text>}
    </Part>
  );
}
