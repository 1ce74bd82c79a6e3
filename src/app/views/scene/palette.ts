import type { SceneEnvPhase } from '../../../core';

/**
 * Colours of the scene: Okabe–Ito (colour-blind safe), each microVM phase also lettered so
 * no state is told apart by colour alone. Init's three sub-phases have three colours
 * (yellow → orange → vermillion: the order they run in); code download and SnapStart
 * Restore are told apart (grey-violet vs reddish purple).
 */
export const PHASE_STYLE: Record<SceneEnvPhase, { color: string; glyph: string; label: string; dark?: boolean }> = {
  Hidden: { color: 'transparent', glyph: '', label: '' },
  Capacity: { color: '#BBBBBB', glyph: '…', label: 'waiting for a microVM' },
  Boot: { color: '#999999', glyph: 'B', label: 'microVM boot' },
  Provisioning: { color: '#A59CC9', glyph: 'C', label: 'code download' },
  ExtensionInit: { color: '#F0E442', glyph: 'E', label: 'Init: extensions' },
  RuntimeInit: { color: '#E69F00', glyph: 'R', label: 'Init: runtime' },
  FunctionInit: { color: '#D55E00', glyph: 'F', label: 'Init: function code', dark: true },
  Restoring: { color: '#CC79A7', glyph: 'S', label: 'SnapStart restore' },
  InitRetry: { color: '#D55E00', glyph: '!', label: 'Init retried in Invoke', dark: true },
  Invoking: { color: '#009E73', glyph: '▶', label: 'Invoke (busy)', dark: true },
  Idle: { color: '#56B4E9', glyph: '·', label: 'idle (frozen)' },
  Reset: { color: '#0072B2', glyph: '↺', label: 'reset', dark: true },
  ShuttingDown: { color: '#555555', glyph: '×', label: 'Shutdown', dark: true },
};

/** The phases shown in the legend, in lifecycle order. */
export const LEGEND_PHASES: SceneEnvPhase[] = ['Capacity', 'Boot', 'Provisioning', 'ExtensionInit', 'RuntimeInit', 'FunctionInit', 'Restoring', 'Invoking', 'Idle', 'ShuttingDown'];

/** Request tokens: not yet assigned (white), warm, cold, Event (a poller's attempt), 429 and other early answers. */
export const TOKEN_COLOR = { pending: '#FFFFFF', warm: '#009E73', cold: '#E69F00', event: '#56B4E9', throttled: '#D55E00', rejected: '#999999', provisioned: '#0072B2' } as const;
export type TokenKind = keyof typeof TOKEN_COLOR;

export const QUEUE_STATE_COLOR: Record<string, string> = {
  Queued: '#56B4E9', Attempting: '#009E73', RetryWait: '#F0E442', Backoff: '#E69F00',
};
