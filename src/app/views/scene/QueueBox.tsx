import type { FrameView } from '../../../core';
import type { Rect } from './layout';
import { Part, type Focus } from './Part';
import { QUEUE_STATE_COLOR } from './palette';
import { age, count } from './format';
import { T } from './text';
import { memoBy } from './memoBy';

// Re-render when what it shows changes: the tokens, the oldest age and the next retry, as written.
export const QueueBox = memoBy(QueueView, ({ frame: f, fk }) => {
  const q = f.scene.queue;
  const wake = Math.min(...q.shown.filter((e) => e.wakeAtMs > f.timeMs).map((e) => e.wakeAtMs));
  return `${fk}|${q.depth}|${q.shown[0] ? age(f.timeMs - q.shown[0].acceptedMs) : ''}|${Number.isFinite(wake) ? age(wake - f.timeMs) : ''}|${q.shown.map((e) => `${e.id}:${e.state}:${e.attempts}`).join(',')}`;
});

const STATE_WORD: Record<string, string> = { Queued: 'queued', Attempting: 'being invoked', RetryWait: 'waiting to retry', Backoff: 'backing off' };

/**
 * Lambda's internal queue for Event invocations: each event a token, oldest first, coloured
 * by what it is doing (queued, being attempted, waiting out a retry delay or a backoff) and
 * marked with the attempts it has used.
 */
function QueueView({ rect: r, frame, focus }: { rect: Rect; frame: FrameView; focus: Focus; fk: string }) {
  const q = frame.scene.queue;
  const now = frame.timeMs;
  const cell = 32;
  const cols = Math.max(1, Math.floor((r.w - 32) / cell));
  const rows = Math.max(1, Math.floor((r.h - 84 - 44) / cell));
  const shown = q.shown.slice(0, cols * rows);
  const oldest = q.shown[0];
  const nextWake = Math.min(...q.shown.filter((e) => e.wakeAtMs > now).map((e) => e.wakeAtMs));
  const sub = q.depth === 0 ? 'empty' : `${count(q.depth)} event${q.depth === 1 ? '' : 's'} · oldest ${age(now - (oldest?.acceptedMs ?? now))}`;
  return (
    <Part name="queue" rect={r} label="Internal queue" sub={sub} focus={focus('queue')}>
      {shown.map((e, k) => {
        const x = r.x + 16 + (k % cols) * cell, y = r.y + 84 + Math.floor(k / cols) * cell;
        const waiting = e.state === 'RetryWait' || e.state === 'Backoff';
        return (
          <g key={e.id} data-event={e.id} data-state={e.state} className="queue-token">
            <title>{`event-${e.id}: ${STATE_WORD[e.state] ?? e.state}, age ${age(now - e.acceptedMs)}, ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${waiting && e.wakeAtMs > now ? `; visible again in ${age(e.wakeAtMs - now)}` : ''}`}</title>
            <rect x={x} y={y} width={cell - 6} height={cell - 6} rx={6} fill={QUEUE_STATE_COLOR[e.state] ?? '#999'} className={e.state === 'Attempting' ? 'attempting' : ''} />
            {e.attempts > 0 && <text x={x + (cell - 6) / 2} y={y + cell / 2 + 3} textAnchor="middle" className="queue-attempts" fontSize={T.small}>{e.attempts}</text>}
          </g>
        );
      })}
      {q.depth > shown.length && <text x={r.x + r.w - 16} y={r.y + r.h - 42} textAnchor="end" className="part-sub" fontSize={T.small}>+{count(q.depth - shown.length)} more</text>}
      <text x={r.x + 16} y={r.y + r.h - 16} className="part-sub" fontSize={T.small}>
        {Number.isFinite(nextWake) ? `next retry in ${age(nextWake - now)}` : q.depth > 0 ? 'number: attempts used' : 'Events wait here'}
      </text>
    </Part>
  );
}
