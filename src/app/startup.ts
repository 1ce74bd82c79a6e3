import { pageApi } from './pageApi';
import { request, send, startWorker } from './simClient';
import { notify, useUi } from './store/uiStore';
import { parsePageUrl } from './url';
import { openTourStep } from './tours/tourEngine';
import { resetFrameStats } from './frameStats';
import { announceReady, installHostBridge } from './embed/hostBridge';
import { useWb } from './workbench/wbStore';

/**
 * Page start: read the URL (CONTRACTS.md §3), start the worker, load the scenario. Any bad
 * parameter becomes a dismissable notice and its default is used; a bad scenario falls back
 * to the built-in default. The page always loads.
 */
export async function startPage(search: string): Promise<void> {
  const { options, problems } = parsePageUrl(search);
  useUi.setState({ theme: options.theme, embed: options.embed, view: options.view, speed: options.speed, controls: options.controls, presenter: options.presenter && !options.embed });
  document.documentElement.dataset.theme = options.theme;
  for (const p of problems) notify(p);
  useWb.setState({ bookmarks: options.bookmarks });
  window.lambdaSim = pageApi;
  // Diagnostics for the e2e suite: make the worker fail as a bug in the core would.
  (window as unknown as { lambdaSimDebug: object }).lambdaSimDebug = { crashWorker: () => send({ type: 'debugCrash' }) };
  (window as unknown as { __resetFrameStats: () => void }).__resetFrameStats = resetFrameStats; // for npm run bench:ui
  startWorker();
  installHostBridge(); // postMessage from a host page (CONTRACTS.md §5)
  let r = await request({ type: 'load', scenario: options.scenario, seed: options.seed, atMs: options.t, playing: options.playing, speed: options.speed });
  if (!r.ok) {
    notify(`The scenario from the URL could not be loaded, so the default scenario is shown instead:\n${(r.problems ?? [r.message]).join('\n')}`, 'error');
    r = await request({ type: 'load', scenario: 'default', seed: options.seed, atMs: options.t, playing: options.playing, speed: options.speed });
  }
  if (options.tour) await openTourStep(options.tour, options.step);
  document.body.dataset.loaded = r.ok ? 'true' : 'false';
  announceReady();
}
