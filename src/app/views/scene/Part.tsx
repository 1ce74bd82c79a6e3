import type { ReactNode } from 'react';
import type { Rect } from './layout';
import { T } from './text';

/**
 * One part of the system: a box with its name. `data-component` names it for tests and
 * slide authors (CONTRACTS.md §3); its visible name carries `data-label`. Parts a tour step
 * does not talk about are dimmed; parts it names are outlined.
 */
export function Part({ name, rect, label, sub, focus, children, labelLines }: {
  name: string; rect: Rect; label: string; sub?: string; focus: 'on' | 'off' | 'none'; children?: ReactNode; labelLines?: string[];
}) {
  const lines = labelLines ?? [label];
  return (
    <g data-component={name} className={`part part-${name} focus-${focus}`}>
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={14} className="part-box" />
      <text x={rect.x + 16} y={rect.y + 38} className="part-title" data-label={label} fontSize={T.title}>
        {lines.map((l, i) => <tspan key={i} x={rect.x + 16} dy={i === 0 ? 0 : T.title * 1.1}>{l}</tspan>)}
      </text>
      {sub && <text x={rect.x + 16} y={rect.y + 38 + T.title * 1.1 * (lines.length - 1) + 30} className="part-sub" fontSize={T.small}>{sub}</text>}
      {children}
    </g>
  );
}

export type Focus = (name: string) => 'on' | 'off' | 'none';

/** From a tour step's focus list: named parts on, others off; no list, no dimming. */
export function focusOf(list: readonly string[] | null): Focus {
  if (!list || list.length === 0) return () => 'none';
  return (name) => (list.includes(name) ? 'on' : 'off');
}
