import {
  CompareRun, ENVIRONMENT_STATE_CODES, LOG, analyticOverlay, checkSameTraffic, coldEstimate, environmentsEstimate, parseScenario, parseTraceMap,
  type Scenario,
} from '../../core/index';
import type { WorkbenchFromWorker, WorkbenchReply, WorkbenchToWorker } from '../../protocol/workbench';
import { prepareTrace, type PreparedTrace } from '../../io/traceLoad';
import type { Session } from '../session';
import { blobBytes } from './blobBytes';
import { cancelJob, jobRunning, startJob } from './jobs';
import { exportJob } from './exportJob';
import { runUntilJob } from './runUntil';

/**
 * The worker's side of the workbench (one hook in sim.worker.ts routes `wb.*` here). It
 * reaches the running session only through `WorkbenchHost`.
 */
export interface WorkbenchHost {
  readonly session: Session | null;
  /** The scenario JSON the page loaded (a trace is added to its parsed form, not to the JSON). */
  readonly scenarioJson: unknown;
  /** Replaces the session by a run of `scenario` (a trace replay), as a load does. */
  load(scenario: Scenario, name: string): void;
  pause(): void;
  /** The session changed: send the page a fresh frame (and the whole series again). */
  changed(): void;
  post(m: WorkbenchFromWorker): void;
}

let trace: PreparedTrace | null = null;
let traceCancelled = false;
let busy: string | null = null;

export function handleWorkbench(msg: WorkbenchToWorker, host: WorkbenchHost): void {
  const reply = (requestId: number, r: WorkbenchReply) => host.post({ type: 'wb.reply', requestId, ok: true, reply: r });
  const refuse = (requestId: number, ...problems: string[]) => host.post({ type: 'wb.reply', requestId, ok: false, problems });
  const session = host.session;
  if (msg.type === 'wb.cancel') {
    traceCancelled = true;
    cancelJob();
    return;
  }
  if (!session) return refuse(msg.requestId, 'no scenario is loaded');
  const running = busy ?? jobRunning();
  if (running && msg.type !== 'wb.estimates' && msg.type !== 'wb.envHistory') return refuse(msg.requestId, `${running} is still running: wait for it or cancel it`);
  const job = (name: string, gen: Parameters<typeof startJob>[1]) => {
    startJob(name, gen, host.post, () => refuse(msg.requestId, `${name} cancelled`), (e) => refuse(msg.requestId, e instanceof Error ? e.message : String(e)));
  };
  switch (msg.type) {
    case 'wb.trace': {
      const mode = parseTraceMap(msg.map);
      if ('error' in mode) return refuse(msg.requestId, `trace mapping: ${mode.error}`);
      const parsed = parseScenario(host.scenarioJson);
      if (!parsed.ok) return refuse(msg.requestId, ...parsed.problems);
      busy = 'reading the trace';
      traceCancelled = false;
      host.pause();
      let chunks = 0;
      const pause = () => new Promise<void>((resolve, reject) => {
        if (traceCancelled) return reject(new Error('reading the trace cancelled'));
        if (++chunks % 4 === 0) host.post({ type: 'wb.progress', job: 'reading the trace', fraction: NaN, text: `${chunks} MB read` });
        setTimeout(resolve, 0);
      });
      void prepareTrace({ name: msg.name, bytes: blobBytes(msg.file as Blob) }, parsed.scenario, mode, {
        pause,
        durations: msg.durations ? { name: 'durations', bytes: blobBytes(msg.durations as Blob) } : undefined,
        memory: msg.memory ? { name: 'memory', bytes: blobBytes(msg.memory as Blob) } : undefined,
      }).then((r) => {
        busy = null;
        if (!r.ok) return refuse(msg.requestId, ...r.problems);
        trace?.release();
        trace = r.trace;
        host.load(r.trace.scenario, `${msg.name} (trace)`);
        const t = r.trace;
        reply(msg.requestId, { kind: 'trace', trace: { file: msg.name, format: t.detected.format, volumes: t.volumes, mapped: t.plan.targets.map((x) => ({ function: x.function, invocations: x.invocations })), unmapped: t.plan.unmapped } });
      }, (e) => { busy = null; refuse(msg.requestId, e instanceof Error ? e.message : String(e)); });
      return;
    }
    case 'wb.compare': {
      const rb = parseScenario(msg.b, { seed: session.scenario.seed });
      if (!rb.ok) return refuse(msg.requestId, ...rb.problems.map((p) => `B: ${p}`));
      const a = session.scenario;
      const check = checkSameTraffic(a, rb.scenario);
      if (check.problems.length) return refuse(msg.requestId, ...check.problems);
      let b = check.b;
      if (a.trace && trace) {
        const onto = trace.onto(b);
        if (!onto.ok) return refuse(msg.requestId, ...onto.problems.map((p) => `B: ${p}`));
        b = onto.scenario;
      }
      const run = new CompareRun(a, b, 120);
      job('the A/B run', (function* () {
        while (!run.done) {
          run.advance();
          yield { fraction: run.fraction, text: `A/B: ${Math.round(run.fraction * 100)} %` };
        }
        reply(msg.requestId, { kind: 'compare', result: run.result() });
      })());
      return;
    }
    case 'wb.runUntil':
      host.pause();
      job('run until', runUntilJob(session, msg.until, msg.maxEvents ?? 20_000_000, (message) => {
        host.changed();
        reply(msg.requestId, { kind: 'runUntil', message, timeMs: session.sim.nowMs });
      }, () => host.changed()));
      return;
    case 'wb.export':
      job(`the ${msg.format} export`, exportJob(session, msg.format, (r) => reply(msg.requestId, r)));
      return;
    case 'wb.estimates': {
      const s = session.sim.state;
      reply(msg.requestId, { kind: 'estimates', estimates: { timeMs: s.nowMs, cold: coldEstimate(s.batches), environments: environmentsEstimate(s.batches), batchMs: s.batches.batchMs, overlay: analyticOverlay(session.scenario) } });
      return;
    }
    case 'wb.envHistory': {
      const log = session.sim.state.log;
      const states: { atMs: number; state: string }[] = [];
      const n = Math.min(log.count, log.ringSize);
      for (let i = log.count - n; i < log.count; i++) {
        const r = i % log.ringSize, w = r * 4;
        if (log.ringWords[w] === LOG.ENVIRONMENT_STATE && log.ringWords[w + 1] === msg.env) states.push({ atMs: log.ringAt[r], state: ENVIRONMENT_STATE_CODES[log.ringWords[w + 2]] });
      }
      reply(msg.requestId, { kind: 'envHistory', env: msg.env, states, complete: states[0]?.state === 'Provisioning' });
      return;
    }
  }
}
