import { useState } from 'react';
import { useUi } from '../store/uiStore';
import { useWb } from './wbStore';
import { wb } from './wbClient';
import { CompareView } from './CompareView';

type Knobs = { keepAliveS: string; memoryMb: string; provisioned: string; reserved: string; routing: string };

/** B = A with the knobs changed (or edited as JSON). The workload is A's: the same requests at the same times. */
function patched(a: Record<string, unknown>, k: Knobs): unknown {
  const fns = (a.functions as Record<string, unknown>[]).map((f) => ({ ...f }));
  const f = fns[0];
  if (k.keepAliveS !== '') f.keepAliveMs = { dist: 'constant', value: Number(k.keepAliveS) * 1000 };
  if (k.memoryMb !== '') f.memoryMb = Number(k.memoryMb);
  if (k.provisioned !== '') f.provisionedConcurrency = Number(k.provisioned);
  if (k.reserved !== '') f.reservedConcurrency = k.reserved === 'none' ? null : Number(k.reserved);
  if (k.routing !== '') f.routing = k.routing;
  return { ...a, functions: fns };
}

export function ComparePanel() {
  const scenario = useUi((s) => s.scenarioJson) as Record<string, unknown> | null;
  const name = useUi((s) => s.scenarioName);
  const result = useWb((s) => s.compare);
  const [k, setK] = useState<Knobs>({ keepAliveS: '60', memoryMb: '', provisioned: '', reserved: '', routing: '' });
  const [json, setJson] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  if (!scenario || typeof scenario !== 'object' || !Array.isArray(scenario.functions)) return <p className="hint">Load a scenario first.</p>;
  const fn0 = (scenario.functions as { name: string }[])[0]?.name ?? 'functions[0]';
  const b = json !== null ? json : JSON.stringify(patched(scenario, k), null, 1);
  const run = async () => {
    setProblems([]);
    let parsed: unknown;
    try { parsed = JSON.parse(b); } catch (e) { return setProblems([`B is not valid JSON: ${(e as Error).message}`]); }
    try {
      const r = await wb({ type: 'wb.compare', b: parsed }, 'compare');
      useWb.setState({ compare: r.result, compareNames: { a: name || 'A', b: 'B' } });
    } catch (e) {
      setProblems((e as Error).message.split('\n'));
    }
  };
  const knob = (key: keyof Knobs, label: string, placeholder: string) => (
    <label>{label} <input data-testid={`wb.b.${key}`} value={k[key]} placeholder={placeholder} onChange={(e) => { setJson(null); setK({ ...k, [key]: e.target.value }); }} style={{ width: 70 }} /></label>
  );
  return (
    <div className="wb-compare">
      <p className="hint">A is the scenario as loaded{useWb.getState().trace ? ' (with its trace)' : ''} — not the clicks and live load of this session; B is A with {fn0}’s configuration changed. Both run together on the same arrivals — the same requests at the same times — so each request can be paired with itself.</p>
      <div className="field">
        {knob('keepAliveS', 'keep-alive (s)', 'as A')}{knob('memoryMb', 'memory MB', 'as A')}{knob('provisioned', 'provisioned', 'as A')}
        {knob('reserved', 'reserved', 'as A')}
        <label>routing <select data-testid="wb.b.routing" value={k.routing} onChange={(e) => { setJson(null); setK({ ...k, routing: e.target.value }); }}>
          <option value="">as A</option>{['mru', 'newest', 'oldest', 'random'].map((r) => <option key={r}>{r}</option>)}
        </select></label>
      </div>
      <details><summary>B as JSON</summary>
        <textarea data-testid="wb.b.json" aria-label="Configuration B as JSON" rows={8} style={{ width: '100%', fontFamily: 'monospace', fontSize: 11 }} value={b} onChange={(e) => setJson(e.target.value)} />
        <p className="hint">A change to B’s <code>workload</code> is refused: it would change the traffic, and the comparison would no longer be request by request.</p>
      </details>
      <div className="buttons"><button data-testid="wb.compare.run" onClick={run}>Run A/B to the end ({Math.round(useUi.getState().durationMs / 1000)} s simulated)</button></div>
      {problems.length > 0 && <ul className="field-error" data-testid="wb.compare.problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {result && <CompareView r={result} />}
    </div>
  );
}
