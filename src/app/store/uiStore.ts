import { create } from 'zustand';
import type { FrameView, MachineTable } from '../../core/index';
import type { JobOp, SeriesPoint } from '../../protocol/messages';

/**
 * The one UI store: playback, the latest frame from the worker, selection, notices and
 * page options. Simulation state is never copied here per event — only the latest frame.
 * Components read it through narrow selectors.
 */
export interface Notice { id: number; text: string; kind: 'info' | 'warning' | 'error' }
export type Selection = { kind: 'invocation' | 'environment' | 'worker'; id: number } | null;
/**
 * The worker stopped. `recoverable`: it is alive and can rebuild the run itself; otherwise the
 * page starts a new worker. `moment`: where the run will resume; `inputs`: how many recorded
 * user inputs go with it.
 */
export interface WorkerError { message: string; stack?: string; recoverable: boolean; moment?: { atMs: number; events: number }; inputs?: number }
/** A long operation the worker is running (shown with Cancel once it takes over ~300 ms). */
export interface JobProgress { requestId: number | null; op: JobOp; atMs: number; targetMs: number | null; fraction: number | null; elapsedMs: number; etaMs: number | null }

export interface UiState {
  ready: boolean;
  frame: FrameView | null;
  series: SeriesPoint[];
  /** Simulated ms between series points (it grows with the moment shown; see worker/seriesStore.ts). */
  seriesIntervalMs: number;
  playing: boolean;
  speed: number;
  lagging: boolean;
  scenarioName: string;
  scenarioJson: unknown;
  seed: number;
  durationMs: number;
  environmentMachine: MachineTable | null;
  notices: Notice[];
  error: WorkerError | null;
  progress: JobProgress | null;
  selected: Selection;
  logFilter: 'all' | 'interesting' | 'environment' | 'request' | 'outcome' | 'async' | 'control' | 'fault' | 'worker';
  theme: 'light' | 'dark';
  embed: boolean;
  view: string;
  tour: { id: string; step: number } | null;
  /** Counts scenario loads, so views holding per-scenario state can start over. */
  loads: number;
  /** The scene's parts a tour step is about (others are dimmed); null = no dimming. */
  sceneFocus: string[] | null;
  /** The scene keeps its picture while a tour looks ahead in the run (predict, then check). */
  holdScene: boolean;
  /** The keyboard-shortcuts dialog is open (`?`). */
  helpOpen: boolean;
  /** What chrome an embed keeps (`controls=`): nothing, the clock and play state, or the playback bar. */
  controls: 'none' | 'clock' | 'full';
  /** Presenter mode: one view, large type, no controls; keyboard or clicker only. */
  presenter: boolean;
  /** A clip export is rendering: views draw every frame they get, without throttling. */
  exporting: boolean;
}

export const useUi = create<UiState>(() => ({
  ready: false,
  frame: null,
  series: [],
  seriesIntervalMs: 100,
  playing: false,
  speed: 1,
  lagging: false,
  scenarioName: '',
  scenarioJson: null,
  seed: 0,
  durationMs: 0,
  environmentMachine: null,
  notices: [],
  error: null,
  progress: null,
  selected: null,
  logFilter: 'all',
  theme: 'light',
  embed: false,
  view: 'all',
  tour: null,
  loads: 0,
  sceneFocus: null,
  holdScene: false,
  helpOpen: false,
  controls: 'clock',
  presenter: false,
  exporting: false,
}));

/** Notices kept at most; the list shows the newest few and counts the rest. */
const NOTICE_CAP = 50;

let nextNotice = 1;
export function notify(text: string, kind: Notice['kind'] = 'warning'): void {
  useUi.setState((s) => ({ notices: [...s.notices, { id: nextNotice++, text, kind }].slice(-NOTICE_CAP) }));
}
export function dismiss(id: number): void {
  useUi.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
export function dismissAll(): void {
  useUi.setState({ notices: [] });
}
export function select(sel: Selection): void {
  useUi.setState({ selected: sel });
}
