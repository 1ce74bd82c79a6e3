import { create } from 'zustand';
import type { FrameView } from '../../core/view';
import type { MachineTable } from '../../core/machines/machineTable';
import type { SeriesPoint } from '../../protocol/messages';

/**
 * The one UI store: playback, the latest frame from the worker, selection, notices and
 * page options. Simulation state is never copied here per event — only the latest frame.
 * Components read it through narrow selectors.
 */
export interface Notice { id: number; text: string; kind: 'info' | 'warning' | 'error' }
export type Selection = { kind: 'invocation' | 'environment'; id: number } | null;

export interface UiState {
  ready: boolean;
  frame: FrameView | null;
  series: SeriesPoint[];
  playing: boolean;
  speed: number;
  lagging: boolean;
  scenarioName: string;
  scenarioJson: unknown;
  seed: number;
  durationMs: number;
  environmentMachine: MachineTable | null;
  notices: Notice[];
  error: { message: string; stack?: string; recoverable: boolean } | null;
  selected: Selection;
  logFilter: 'all' | 'interesting' | 'environment' | 'request' | 'outcome' | 'async' | 'control' | 'fault' | 'worker';
  theme: 'light' | 'dark';
  embed: boolean;
  view: string;
  tour: { id: string; step: number } | null;
  /** Counts scenario loads, so views holding per-scenario state can start over. */
  loads: number;
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
  selected: null,
  logFilter: 'all',
  theme: 'light',
  embed: false,
  view: 'all',
  tour: null,
  loads: 0,
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
