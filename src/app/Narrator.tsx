import { useEffect, useRef, useState } from 'react';
import { useLiveFrame } from './views/useLiveFrame';
import { formatTime } from './format';

/**
 * A polite live region for screen readers: every couple of seconds it says what changed —
 * cold starts, throttles, reclaimed environments, async outcomes, faults — in one sentence.
 */
export function Narrator() {
  const [, frame] = useLiveFrame(0.5);
  const last = useRef<{ seq: number; cold: number; thr: number; dlq: number } | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!frame) return;
    const s = frame.summary;
    const prev = last.current;
    const seq = frame.log.at(-1)?.seq ?? 0;
    last.current = { seq, cold: s.coldStarts, thr: s.invocations.throttled, dlq: s.async.deadLettered };
    if (!prev) return;
    const parts: string[] = [];
    if (s.coldStarts > prev.cold) parts.push(`${s.coldStarts - prev.cold} cold start${s.coldStarts - prev.cold > 1 ? 's' : ''}`);
    if (s.invocations.throttled > prev.thr) parts.push(`${s.invocations.throttled - prev.thr} throttled with 429`);
    if (s.async.deadLettered > prev.dlq) parts.push(`${s.async.deadLettered - prev.dlq} events to the dead-letter queue`);
    const notable = frame.log.filter((l) => l.seq > prev.seq && (l.kind === 'fault' || l.kind === 'control' || (l.kind === 'worker' && l.interesting)));
    for (const l of notable.slice(-2)) parts.push(l.text);
    if (parts.length) setText(`At ${formatTime(frame.timeMs)}: ${parts.join('; ')}.`);
  }, [frame]);
  return <div className="sr-only" role="status" aria-live="polite" data-testid="narrator">{text}</div>;
}
