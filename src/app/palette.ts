/**
 * Environment states: a colour-blind-safe palette (Okabe–Ito) plus a glyph, so that no
 * state is told apart by colour alone.
 */
export const STATE_STYLE: Record<string, { color: string; glyph: string; label: string }> = {
  Provisioning: { color: '#999999', glyph: 'P', label: 'Provisioning (placement, microVM, code)' },
  'Initializing.ExtensionInit': { color: '#F0E442', glyph: 'E', label: 'Init: extension init' },
  'Initializing.RuntimeInit': { color: '#E69F00', glyph: 'R', label: 'Init: runtime init' },
  'Initializing.FunctionInit': { color: '#D55E00', glyph: 'F', label: 'Init: function init' },
  Restoring: { color: '#CC79A7', glyph: 'S', label: 'Restore (SnapStart)' },
  InitRetry: { color: '#D55E00', glyph: '!', label: 'Init retried inside Invoke' },
  Invoking: { color: '#009E73', glyph: '▶', label: 'Invoke (busy)' },
  Idle: { color: '#56B4E9', glyph: '·', label: 'Idle (frozen)' },
  Reset: { color: '#0072B2', glyph: '↺', label: 'Reset (re-init on next invoke)' },
  ShuttingDown: { color: '#444444', glyph: '×', label: 'Shutdown' },
  Terminated: { color: 'transparent', glyph: '', label: 'Terminated' },
};

/**
 * Invocation phases for the timeline, in order: thirteen colours, each its own. The Init
 * phases, SnapStart restore and Invoke keep the colours of the matching environment states;
 * the rest were picked to keep every pair apart (CIE76 ΔE ≥ 15) with normal vision and with
 * simulated protanopia, deuteranopia and tritanopia (palette.test.ts checks it).
 */
export const PHASES: { key: string; label: string; color: string }[] = [
  { key: 'queuewait', label: 'Queue wait (Event)', color: '#0072B2' },
  { key: 'frontend', label: 'Frontend + Counting', color: '#332288' },
  { key: 'assignment', label: 'Assignment', color: '#99DDFF' },
  { key: 'placement', label: 'Placement', color: '#225522' },
  { key: 'microvm', label: 'microVM (boot if pool empty)', color: '#000000' },
  { key: 'code', label: 'Code download', color: '#AA3377' },
  { key: 'extension', label: 'Extension init', color: '#F0E442' },
  { key: 'runtime', label: 'Runtime init', color: '#E69F00' },
  { key: 'function', label: 'Function init', color: '#D55E00' },
  { key: 'restore', label: 'SnapStart restore', color: '#CC79A7' },
  { key: 'queue', label: 'To the worker (warm)', color: '#DDDDDD' },
  { key: 'invoke', label: 'Invoke', color: '#009E73' },
  { key: 'response', label: 'Response', color: '#56B4E9' },
];
