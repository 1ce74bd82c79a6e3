/** The first Tab stop: jumps past the toolbar and the controls to the views. */
export function SkipLink({ target }: { target: string }) {
  return (
    <a className="skip-link" href={`#${target}`} data-testid="skip-link" onClick={(e) => {
      const el = document.getElementById(target);
      if (!el) return;
      e.preventDefault();
      el.focus();
      el.scrollIntoView({ block: 'start' });
    }}>Skip to the main view</a>
  );
}
