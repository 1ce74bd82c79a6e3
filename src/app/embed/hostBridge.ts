import { pageApi } from '../pageApi';
import { request } from '../simClient';
import { useUi } from '../store/uiStore';
import { closeTour } from '../tours/tourEngine';
import { isForUs, parseHostMessage, type HostMessage, type HostReply } from './hostMessage';
import { moveTour } from './tourControl';

/**
 * The postMessage side of an embed (CONTRACTS.md §5): a host page drives the frame without
 * giving it focus. Messages run one at a time, in the order they arrive, and each gets one
 * reply `{ lambdascope: 1, ok, action, timeMs, error? }` posted back to its sender.
 */
async function timeNow(): Promise<number> {
  const r = await request({ type: 'snapshot' });
  return r.frame?.timeMs ?? useUi.getState().frame?.timeMs ?? 0;
}

/** Runs one valid message; resolves to an error message, or null when it succeeded. */
async function run(m: HostMessage): Promise<string | null> {
  switch (m.action) {
    case 'play': pageApi.play(); return null;
    case 'pause': pageApi.pause(); return null;
    case 'step': await pageApi.step(); return null;
    case 'seek': await pageApi.seek(m.timeMs); return null;
    case 'load':
      if (useUi.getState().tour) closeTour();
      await pageApi.load(m.scenario);
      return null;
    case 'next': case 'previous': {
      const delta = m.action === 'next' ? 1 : -1;
      if (useUi.getState().tour) return moveTour(delta);
      await (delta > 0 ? pageApi.step() : pageApi.stepBack());
      return null;
    }
  }
}

function playingAfter(action: string | null, ok: boolean): boolean {
  if (ok && action === 'play') return true;
  if (ok && (action === 'pause' || action === 'step' || action === 'next' || action === 'previous')) return false;
  return useUi.getState().playing;
}

export async function answer(data: unknown): Promise<HostReply> {
  const parsed = parseHostMessage(data);
  const id = typeof (data as { id?: unknown })?.id === 'string' || typeof (data as { id?: unknown })?.id === 'number' ? (data as { id: string | number }).id : undefined;
  let ok = parsed.ok;
  let error = parsed.ok ? undefined : parsed.error;
  const action = parsed.ok ? parsed.message.action : parsed.action;
  if (parsed.ok) {
    try {
      const e = await run(parsed.message);
      if (e) { ok = false; error = e; }
    } catch (e) {
      ok = false;
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const reply: HostReply = { lambdascope: 1, ok, action, timeMs: await timeNow(), playing: playingAfter(action, ok) };
  if (error !== undefined) reply.error = error;
  if (id !== undefined) reply.id = id;
  return reply;
}

let markReady: () => void = () => {};
/** Messages wait until the page has loaded its scenario (and opened the URL's tour step). */
const ready = new Promise<void>((resolve) => { markReady = resolve; });

/**
 * Called once the page is ready: lets queued messages run and tells a framing host, with
 * `{ lambdascope: 1, event: 'ready', timeMs }`, that it may start sending.
 */
export function announceReady(): void {
  markReady();
  if (window.parent !== window) window.parent.postMessage({ lambdascope: 1, event: 'ready', timeMs: useUi.getState().frame?.timeMs ?? 0 }, '*');
}

export function installHostBridge(): () => void {
  let queue = ready;
  const onMessage = (e: MessageEvent) => {
    if (!isForUs(e.data) || !e.source || e.source === window) return;
    const source = e.source as Window;
    const origin = e.origin && e.origin !== 'null' ? e.origin : '*';
    queue = queue.then(async () => {
      const reply = await answer(e.data);
      try { source.postMessage(reply, origin); } catch { /* the sender has gone away */ }
    });
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
