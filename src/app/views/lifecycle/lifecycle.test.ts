import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_TABLE } from '../../../core/index';
import { lifecycleGraph } from './graph';
import { assignRanks, layoutLifecycle } from './layout';
import { TransitionTracker } from './recentTransitions';

const graph = lifecycleGraph(ENVIRONMENT_TABLE);
const edge = (from: string, to: string) => graph.edges.filter((e) => e.from === from && e.to === to);

describe('the lifecycle diagram is read from the machine table', () => {
  it('the Init sub-phases form one group box, and its failure arrows leave the group once', () => {
    expect(graph.nodes.find((n) => n.id === 'Initializing')!.states).toEqual(['Initializing.ExtensionInit', 'Initializing.RuntimeInit', 'Initializing.FunctionInit']);
    expect(graph.inner.map((e) => `${e.from}>${e.to}`)).toEqual(['Initializing.ExtensionInit>Initializing.RuntimeInit', 'Initializing.RuntimeInit>Initializing.FunctionInit']);
    const retry = edge('Initializing', 'InitRetry');
    expect(retry).toHaveLength(1);
    expect(retry[0].fromState).toBeNull();
    expect(retry[0].events).toEqual([{ event: 'INIT_TIMEOUT', guard: 'invocationWaiting' }, { event: 'INIT_FAILED', guard: 'invocationWaiting' }]);
    expect(retry[0].lines).toEqual(['init', 'timeout /', 'failed', '[waiting]']);
  });

  it('WORKER_LOST, accepted in every state, is a note instead of an arrow from each', () => {
    expect(graph.everywhere).toEqual([{ event: 'WORKER_LOST', target: 'Terminated' }]);
    expect(graph.edges.some((e) => e.events.some((x) => x.event === 'WORKER_LOST'))).toBe(false);
  });

  it('the paths: main (unguarded), the SnapStart branch, failure and reset, retiring', () => {
    const kind = (id: string) => graph.nodes.find((n) => n.id === id)!.kind;
    expect(['Provisioning', 'Initializing', 'Idle', 'Invoking', 'ShuttingDown', 'Terminated'].map(kind)).toEqual(Array(6).fill('main'));
    expect(kind('Restoring')).toBe('branch');
    expect([kind('InitRetry'), kind('Reset')]).toEqual(['failure', 'failure']);
    expect(edge('Invoking', 'ShuttingDown')[0].kind).toBe('retire');
    expect(edge('Idle', 'ShuttingDown')[0].kind).toBe('main');
  });

  it('the main path runs left to right: Provisioning, Init, Idle, Invoking, Shutting down, Terminated', () => {
    const rank = assignRanks(graph);
    expect(['Provisioning', 'Initializing', 'Idle', 'Invoking', 'ShuttingDown', 'Terminated'].map((n) => rank.get(n))).toEqual([0, 1, 2, 3, 4, 5]);
    const l = layoutLifecycle(graph);
    const x = (id: string) => l.nodes.find((n) => n.node.id === id)!.x;
    expect(x('Provisioning') < x('Initializing') && x('Initializing') < x('Idle') && x('Idle') < x('Invoking') && x('Invoking') < x('ShuttingDown') && x('ShuttingDown') < x('Terminated')).toBe(true);
    // Branch above the main path, failures below it.
    const y = (id: string) => l.nodes.find((n) => n.node.id === id)!.y;
    expect(y('Restoring')).toBeLessThan(y('Initializing'));
    expect(y('Reset')).toBeGreaterThan(y('Invoking'));
    // Small enough for a slide: 10 px labels stay ≥ 16 px in a 1280-wide frame.
    expect(l.width).toBeLessThanOrEqual(780);
  });

  it('no two arrow labels overlap in the layout', () => {
    const l = layoutLifecycle(graph);
    const boxes = [...l.edges.map((e) => e.label), ...l.nodes];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const hit = a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h;
        expect(hit, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(false);
      }
    }
  });
});

describe('recent transitions, from consecutive frames', () => {
  it('several steps between two frames light every arrow crossed, by the shortest path', () => {
    const t = new TransitionTracker(ENVIRONMENT_TABLE);
    t.update([], [], 0, 5000);
    t.update([1, 2], ['Initializing.RuntimeInit', 'Provisioning'], 100, 5000);
    t.update([1, 2], ['Idle', 'Initializing.ExtensionInit'], 300, 5000);
    const c = t.counts(300, 1500);
    expect(c.get('Provisioning>Initializing.ExtensionInit')).toBe(2);
    expect(c.get('Initializing.RuntimeInit>Initializing.FunctionInit')).toBe(1);
    expect(c.get('Initializing.FunctionInit>Idle')).toBe(1);
  });

  it('a vanished environment went to Terminated; a jump starts over; old ones fade in virtual time', () => {
    const t = new TransitionTracker(ENVIRONMENT_TABLE);
    t.update([1], ['ShuttingDown'], 1000, 5000);
    t.update([], [], 1200, 5000);
    expect(t.counts(1200, 1500).get('ShuttingDown>Terminated')).toBe(1);
    expect(t.counts(3000, 1500).size).toBe(0); // 1.8 s later: faded
    t.update([2], ['Idle'], 3000, 5000);
    t.update([2], ['Invoking'], 60_000, 5000); // a seek: nothing credited
    expect(t.counts(60_000, 1500).size).toBe(0);
  });
});
