import { Component, type ReactNode } from 'react';
import { request, restartWorker } from './simClient';
import { useUi } from './store/uiStore';

/** If the worker throws, say what happened and offer a restart from the last good state. */
export function WorkerErrorBanner() {
  const error = useUi((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="worker-error">
      <strong>The simulation stopped: {error.message}</strong>
      {error.stack && <details><summary>Details</summary><pre>{error.stack}</pre></details>}
      {error.recoverable ? (
        <button data-testid="worker-error.restart" onClick={async () => { useUi.setState({ error: null }); await request({ type: 'restart' }); }}>Restart from the last good state</button>
      ) : (
        <button data-testid="worker-error.restart" onClick={() => restartWorker()}>Start a new simulation worker at the last time shown</button>
      )}
      <p className="hint">Everything simulated up to the last good moment is kept; the views show it until you restart.</p>
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
