import { useUi, notify } from '../store/uiStore';
import { pageApi } from '../pageApi';
import { PRESET_NAMES } from '../../core';

/** The scenario that is running: its name, its description, and the built-in ones to switch to. */
export function ScenarioCard() {
  const name = useUi((s) => s.scenarioName);
  const seed = useUi((s) => s.seed);
  const description = useUi((s) => (s.scenarioJson as { description?: unknown } | null)?.description);
  const preset = PRESET_NAMES.includes(name);
  return (
    <section className="panel scenario-card" aria-labelledby="scenario-h" data-testid="scenario">
      <h2 id="scenario-h">
        <label>Scenario{' '}
          <select data-testid="scenario.pick" value={preset ? name : ''} onChange={(e) => e.target.value && pageApi.load(e.target.value).catch((x: Error) => notify(x.message, 'error'))}>
            {!preset && <option value="">{name || '…'}</option>}
            {PRESET_NAMES.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <small>seed {seed}</small>
      </h2>
      {typeof description === 'string' && <p className="hint" data-testid="scenario.description">{description}</p>}
    </section>
  );
}
