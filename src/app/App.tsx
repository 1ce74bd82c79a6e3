export function App() {
  return (
    <main className="placeholder">
      <h1>Lambdascope</h1>
      <p>An interactive, deterministic simulator of AWS Lambda's internals.</p>
      <p data-testid="status">The live view is being built; the simulation core runs headless today: <code>npm run sim -- scenarios/cold-vs-warm.json</code>.</p>
    </main>
  );
}
