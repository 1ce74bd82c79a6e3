// An example deck: slides with Lambdascope frames, driven from the deck's own keys through
// postMessage (CONTRACTS.md §5). Each message gets one reply: { lambdascope: 1, ok, action, timeMs, error? }.
(function () {
  const slides = [...document.querySelectorAll('.slide')];
  const status = { page: document.getElementById('page'), reply: document.getElementById('reply') };
  const pending = new Map(); // id -> resolve
  const ready = new WeakMap(); // frame window -> Promise, resolved by its { event: 'ready' }
  const readyResolve = new WeakMap();
  let current = 0;
  let nextId = 1;

  // Frames load when the deck opens, paused at their slide's moment, so each is ready when shown.
  for (const f of document.querySelectorAll('iframe[data-src]')) {
    f.src = f.dataset.src;
    f.addEventListener('load', () => {
      const w = f.contentWindow;
      if (!ready.has(w)) ready.set(w, new Promise((r) => readyResolve.set(w, r)));
    });
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.lambdascope !== 1) return;
    if (m.event === 'ready') {
      if (!ready.has(e.source)) ready.set(e.source, Promise.resolve());
      readyResolve.get(e.source)?.();
      return;
    }
    const resolve = pending.get(m.id);
    if (!resolve) return;
    pending.delete(m.id);
    status.reply.textContent = m.ok ? `${m.action} → t = ${(m.timeMs / 1000).toFixed(3)} s${m.playing ? ' (playing)' : ''}` : `${m.action}: ${m.error}`;
    status.reply.className = m.ok ? '' : 'error';
    resolve(m);
  });

  const frameOf = (i) => slides[i].querySelector('iframe');

  /** Sends one message to the slide's frame and resolves to its reply. */
  async function send(i, message) {
    const f = frameOf(i);
    if (!f) return null;
    const w = f.contentWindow;
    if (!ready.has(w)) ready.set(w, new Promise((r) => readyResolve.set(w, r)));
    await ready.get(w);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      w.postMessage({ lambdascope: 1, id, ...message }, '*');
    });
  }

  const playing = new Map(); // slide index -> whether its frame plays (from the replies)
  async function act(message) {
    const r = await send(current, message);
    if (r) playing.set(current, !!r.playing);
    return r;
  }

  function show(i) {
    if (i < 0 || i >= slides.length || i === current) return;
    if (playing.get(current)) void send(current, { action: 'pause' }).then(() => playing.set(current, false));
    slides[current].classList.remove('current');
    current = i;
    slides[current].classList.add('current');
    status.page.textContent = `${current + 1} / ${slides.length}`;
    if ('autoplay' in slides[current].dataset) void act({ action: 'play' });
    document.body.focus();
  }

  async function next(delta) {
    const slide = slides[current];
    if (slide.dataset.next === 'tour') {
      const r = await act({ action: delta > 0 ? 'next' : 'previous' });
      if (r && r.ok) return; // the tour moved; at its first or last step the deck moves instead
    }
    show(current + delta);
  }

  async function restart() {
    const start = frameOf(current)?.dataset.start;
    if (!start) return;
    if (start === 'tour') { for (let k = 0; k < 20; k++) { const r = await act({ action: 'previous' }); if (!r || !r.ok) break; } return; }
    await act({ action: 'pause' });
    await act({ action: 'seek', timeMs: Number(start) });
  }

  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown' || k === 'ArrowDown') { e.preventDefault(); void next(1); }
    else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'ArrowUp') { e.preventDefault(); void next(-1); }
    else if (k === '.' || k === 'p' || k === ' ') { e.preventDefault(); void act({ action: playing.get(current) ? 'pause' : 'play' }); }
    else if (k === 's') void act({ action: 'step' });
    else if (k === 'b') void act({ action: 'previous' });
    else if (k === 'r') void restart();
    else if (k === 'f') void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen());
  });

  // A click inside a frame moves focus into it; give the keys back to the deck right after.
  window.addEventListener('blur', () => setTimeout(() => {
    if (document.activeElement instanceof HTMLIFrameElement) { document.activeElement.blur(); window.focus(); }
  }, 0));

  document.body.tabIndex = -1;
  slides[0].classList.add('current');
  status.page.textContent = `1 / ${slides.length}`;
  // For tests and the console: the deck's state.
  window.deck = { get current() { return current; }, send: (m) => send(current, m), show, next };
})();
