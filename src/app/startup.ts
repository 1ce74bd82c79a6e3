import { pageApi } from './pageApi';
import { request, send, sendDebug, startWorker, type Reply } from './simClient';
import { notify, useUi } from './store/uiStore';
import { parsePageUrl } from './url';
import { openTourStep } from './tours/tourEngine';
import { resetFrameStats } from './frameStats';
import { announceReady, installHostBridge } from './embed/hostBridge';
import type { Recorded } from '../protocol/messages';
import { useWb } from './workbench/wbStore';

/**
 * Page start: read the URL (CONTRACTS.md §3), start the worker, load the scenario (with the
 * link's recorded inputs), then go to the link's time — a job with progress and Cancel.
 * Any bad parameter becomes a dismissable notice and its default is used; a bad scenario
 * falls back to the built-in default. The page always loads.
 */
export async function startPage(search: string, hash = ''): Promise<void> {
  const { options, problems } = parsePageUrl(search, hash);
  useUi.setState({ theme: options.theme, embed: options.embed, view: options.view, speed: options.speed, controls: options.controls, presenter: options.presenter && !options.embed });
  document.documentElement.dataset.theme = options.theme;
  for (const p of problems) notify(p);
  useWb.setState({ bookmarks: options.bookmarks });
  window.lambdaSim = pageApi;
  if (import.meta.env.MODE === 'e2e') {
    // Diagnostics, only in builds made for tests: make the worker fail as a bug in the core would.
    (window as unknown as { lambdaSimDebug: object }).lambdaSimDebug = {
      crashWorker: (mode: 'throw' | 'uncaught' | 'die' = 'throw') => sendDebug({ type: 'debugCrash', mode }),
    };
  }
  (window as unknown as { __resetFrameStats: () => void }).__resetFrameStats = resetFrameStats; // for npm run bench:ui
  startWorker();
  installHostBridge(); // postMessage from a host page (CONTRACTS.md §5)
  const atTime = options.t > 0;
  const load = (scenario: unknown, inputs?: Recorded[]): Promise<Reply> =>
    request({ type: 'load', scenario, seed: options.seed, inputs, playing: options.playing && !atTime, speed: options.speed });
  let r = await load(options.scenario, options.inputs);
  if (!r.ok && options.inputs) {
    notify(`The link's recorded inputs could not be used, so the run starts without them:\n${(r.problems ?? [r.message]).join('\n')}`, 'error');
    r = await load(options.scenario);
  }
  if (!r.ok) {
    notify(`The scenario from the URL could not be loaded, so the default scenario is shown instead:\n${(r.problems ?? [r.message]).join('\n')}`, 'error');
    r = await load('default');
  }
  if (r.ok && atTime) {
    const g = await request({ type: 'seek', timeMs: options.t });
    if (!g.ok && !g.cancelled) notify(`t=${options.t}: ${g.message}`, 'error');
    if (g.ok && options.playing) send({ type: 'play' });
  }
  if (options.tour) await openTourStep(options.tour, options.step);
  document.body.dataset.loaded = r.ok ? 'true' : 'false';
  announceReady();
}
