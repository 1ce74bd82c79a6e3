import { pageApi, quietly } from './pageApi';
import { useUi } from './store/uiStore';
import { tourNext } from './tours/tourEngine';

/**
 * Keyboard: Space and "." play/pause (presentation clickers send "."), "s" steps one event,
 * "n" steps to the next interesting event, "+"/"-" change speed ×2 / ÷2, "?" shows help.
 */
export const SHORTCUTS: [string, string][] = [
  ['Space or .', 'play / pause'],
  ['s', 'step one simulation event'],
  ['n', 'step to the next interesting event'],
  ['+ / -', 'speed ×2 / ÷2'],
  ['PageDown / → ', 'next tour step (presentation clickers send PageDown)'],
  ['PageUp / ←', 'previous tour step'],
  ['?', 'show or hide these shortcuts'],
];

export function installKeyboard(toggleHelp: () => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t?.closest('[data-keys="own"]') && e.key.startsWith('Arrow')) return; // that view uses the arrows itself
    const { playing, speed } = useUi.getState();
    switch (e.key) {
      case ' ':
      case '.':
        if (t?.tagName === 'BUTTON' && e.key === ' ') return; // Space on a focused button presses it
        e.preventDefault();
        if (playing) pageApi.pause(); else pageApi.play();
        return;
      case 's': void quietly(pageApi.step()); return;
      case 'n': void quietly(pageApi.stepToInteresting()); return;
      case '+': case '=': if (speed !== Infinity) pageApi.setSpeed(Math.min(10_000, speed * 2)); return;
      case '-': if (speed !== Infinity) pageApi.setSpeed(Math.max(0.001, speed / 2)); return;
      case '?': toggleHelp(); return;
      case 'PageDown': case 'ArrowRight':
        if (useUi.getState().tour) { e.preventDefault(); tourNext(1); }
        return;
      case 'PageUp': case 'ArrowLeft':
        if (useUi.getState().tour) { e.preventDefault(); tourNext(-1); }
        return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
