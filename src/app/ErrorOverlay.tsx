import { Component, type ReactNode } from 'react';
import { restartInWorker, restartWorker } from './simClient';
import { useUi } from './store/uiStore';
import { formatTime } from './format';

/**
 * If the worker throws or dies, say what happened and exactly what a restart will do: where
 * the run resumes (time and event), and with how many of the user's inputs.
 */
export function WorkerErrorBanner() {
  const error = useUi((s) => s.error);
  if (!error) return null;
  const where = error.moment ? `t = ${formatTime(error.moment.atMs)} (after event ${error.moment.events.toLocaleString('en-US')})` : 'the last moment shown';
  const inputs = error.inputs ?? 0;
  const withInputs = inputs === 0 ? 'no user inputs to replay' : inputs === 1 ? 'your 1 recorded input' : `all ${inputs} of your recorded inputs`;
  return (
    <div className="error-banner" role="alert" data-testid="worker-error">
      <strong>The simulation stopped: {error.message}</strong>
      {error.stack && <details><summary>Details</summary><pre>{error.stack}</pre></details>}
      {error.recoverable ? (
        <button data-testid="worker-error.restart" onClick={() => void restartInWorker()}>Restart from the last good moment</button>
      ) : (
        <button data-testid="worker-error.restart" onClick={() => void restartWorker()}>Start a new simulation worker</button>
      )}
      <p className="hint" data-testid="worker-error.plan">
        {error.recoverable
          ? `The views show the run as it was. A restart rebuilds it from its checkpoints and replays to ${where}, with ${withInputs}, paused there.`
          : `The views show the last moment received, ${where}. A new worker will replay the scenario, its seed and ${withInputs} to exactly that moment, paused there.`}
      </p>
    </div>
  );
}

/** A view that throws while rendering shows a message in its place; the rest of the page keeps working. */
export class ViewBoundary extends Component<{ name: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) { return { error }; }
  override render() {
    if (this.state.error) {
      return (
        <div className="view-error" role="alert">
          The {this.props.name} view failed to draw: {this.state.error.message}{' '}
          <button onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      );
    }
    return this.props.children;
  }
}
