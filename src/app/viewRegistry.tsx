import type { ReactNode } from 'react';
import { ArchitectureView } from './views/ArchitectureView';
import { SceneView } from './views/scene/SceneView';
import { FleetView } from './views/FleetView';
import { TimelineView } from './views/TimelineView';
import { LifecycleView } from './views/LifecycleView';
import { ChartsView } from './views/ChartsView';
import { EventLogView } from './views/EventLogView';
import { ViewBoundary } from './ErrorOverlay';
import { WorkbenchPanel } from './workbench/WorkbenchPanel';

/**
 * Every view by its URL name (`view=NAME`): the main page, embeds, presenter mode and clip
 * export all draw views from here, so a new view (the scene) is registered once.
 */
export const VIEWS: Record<string, { title: string; el: () => ReactNode }> = {
  scene: { title: 'scene', el: () => <SceneView /> },
  architecture: { title: 'data plane', el: () => <ArchitectureView /> },
  fleet: { title: 'fleet', el: () => <FleetView /> },
  timeline: { title: 'timeline', el: () => <TimelineView /> },
  lifecycle: { title: 'lifecycle', el: () => <LifecycleView /> },
  charts: { title: 'charts', el: () => <ChartsView /> },
  log: { title: 'event log', el: () => <EventLogView /> },
  workbench: { title: 'workbench', el: () => <WorkbenchPanel /> },
};

/** Views that are tools rather than pictures: not offered for slides, presenter mode or clips. */
const TOOLS = new Set(['workbench']);

/** The views a slide, presenter mode or a clip can show, in order. */
export function slideViews(): string[] {
  return Object.keys(VIEWS).filter((v) => !TOOLS.has(v));
}

/** The view a slide or presenter shows when none is named: the scene once it exists. */
export function defaultView(): string {
  return 'scene' in VIEWS ? 'scene' : 'architecture';
}

/** One view in its slot, with its error boundary; `data-view` is the hook exports and tests use. */
export function View({ name, id }: { name: string; id?: string }) {
  const v = VIEWS[name] ?? VIEWS[defaultView()];
  return <div data-view={name} className="view-slot" id={id}><ViewBoundary name={v.title}>{v.el()}</ViewBoundary></div>;
}
