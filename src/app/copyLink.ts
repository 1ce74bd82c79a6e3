import { notify, useUi } from './store/uiStore';
import { recordedInputs } from './simClient';
import { shareLink, MAX_LINK_CHARS } from './url';
import { encodeBookmarks } from './workbench/bookmarks';
import { useWb } from './workbench/wbStore';

/**
 * "Copy link": a URL that reproduces the run on screen — scenario (a preset's name only when
 * identical to it), seed, time, speed, tour step and the recorded inputs — copied to the
 * clipboard. When the inputs cannot travel in the link, the page says so plainly.
 */
export async function copyLink(): Promise<string> {
  const s = useUi.getState();
  const r = shareLink(location.origin + location.pathname, {
    scenario: s.scenarioJson, seed: s.seed, timeMs: s.frame?.timeMs ?? 0, speed: s.speed, tour: s.tour, theme: s.theme, inputs: recordedInputs(),
    bookmarks: encodeBookmarks(useWb.getState().bookmarks),
  });
  try {
    await navigator.clipboard.writeText(r.link);
  } catch {
    notify(`Copy this link: ${r.link}`, 'info');
  }
  if (r.inputsLeftOut > 0) {
    notify(`This link reproduces the scenario, seed and time, but not your ${r.inputsLeftOut} recorded inputs: compressed they take ${Math.ceil(r.inputsChars / 1024)} KB, and links are kept under ${MAX_LINK_CHARS / 1000} KB. Export the run (Run JSON) to keep them.`, 'warning');
  }
  (window as unknown as { __lastLink?: string }).__lastLink = r.link;
  return r.link;
}
