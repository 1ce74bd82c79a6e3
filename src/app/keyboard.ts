import { pageApi, quietly } from './pageApi';
import { useUi } from './store/uiStore';
import { moveTour } from './embed/tourControl';
import { resumeStep } from './tours/tourEngine';
import { slideViews } from './viewRegistry';
import { notify } from './store/uiStore';

/**
 * Keyboard: everything a presenter needs from a clicker (PageDown / PageUp, arrows, "." and
 * Space) and a few letters. On the main page the arrows and PageDown move through a tour
 * only when one is open (otherwise they scroll); in an embed or presenter mode, with no tour
 * open, they step one simulation event forwards or back — as the postMessage API does.
 */
export const SHORTCUTS: [string, string][] = [
  ['Space or .', 'play / pause (clickers send “.”)'],
  ['s', 'step one simulation event'],
  ['b or Shift+S', 'step back one simulation event'],
  ['n', 'step to the next interesting event'],
  ['+ / -', 'speed ×2 / ÷2'],
  ['PageDown / →', 'next tour step (clickers send PageDown); in a slide with no tour: step'],
  ['PageUp / ←', 'previous tour step; in a slide with no tour: step back'],
  ['p', 'presenter mode on / off (large type, no controls)'],
  ['v / Shift+V', 'presenter mode: next / previous view'],
  ['Escape', 'close this list or a dialog; leave presenter mode'],
  ['?', 'show or hide these shortcuts'],
];

function typing(t: HTMLElement | null): boolean {
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
}

const report = quietly; // a refusal becomes a notice, a cancellation is already announced

/** Next (or previous) view name in presenter mode. */
function cycleView(delta: 1 | -1): void {
  const names = slideViews();
  const cur = names.indexOf(useUi.getState().view);
  useUi.setState({ view: names[(cur + delta + names.length) % names.length] });
}

async function navigate(delta: 1 | -1, slide: boolean): Promise<void> {
  if (useUi.getState().tour) {
    await moveTour(delta);
    return;
  }
  if (!slide) return;
  await (delta > 0 ? pageApi.step() : pageApi.stepBack());
}

export function installKeyboard(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = useUi.getState();
    if (e.key === 'Escape') {
      if (t?.closest('dialog[open]')) return; // a modal <dialog> closes itself on Escape
      if (s.helpOpen) useUi.setState({ helpOpen: false });
      else if (s.presenter) useUi.setState({ presenter: false });
      return;
    }
    if (typing(t)) return;
    if (t?.closest('[data-keys="own"]') && e.key.startsWith('Arrow')) return; // that view uses the arrows itself
    if (t?.closest('dialog[open]')) return;
    const slide = s.embed || s.presenter;
    switch (e.key) {
      case ' ':
      case '.':
        if (t?.tagName === 'BUTTON' && e.key === ' ') return; // Space on a focused button presses it
        e.preventDefault();
        if (s.playing) pageApi.pause();
        else if (s.tour) resumeStep(); // a tour step plays its own window, in slow motion, to its end
        else pageApi.play();
        return;
      case 's': void quietly(pageApi.step()); return;
      case 'b': case 'S': void quietly(pageApi.stepBack()); return;
      case 'n': void quietly(pageApi.stepToInteresting()); return;
      case '+': case '=': if (s.speed !== Infinity) pageApi.setSpeed(Math.min(10_000, s.speed * 2)); return;
      case '-': if (s.speed !== Infinity) pageApi.setSpeed(Math.max(0.001, s.speed / 2)); return;
      case '?': useUi.setState({ helpOpen: !s.helpOpen }); return;
      case 'p': if (!s.embed) useUi.setState({ presenter: !s.presenter }); return;
      case 'v': case 'V': if (s.presenter) cycleView(e.key === 'v' ? 1 : -1); return;
      case 'PageDown': case 'ArrowRight':
        if (s.tour || slide) { e.preventDefault(); void report(navigate(1, slide)); }
        return;
      case 'PageUp': case 'ArrowLeft':
        if (s.tour || slide) { e.preventDefault(); void report(navigate(-1, slide)); }
        return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
