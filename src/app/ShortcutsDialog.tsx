import { useEffect, useRef } from 'react';
import { useUi } from './store/uiStore';
import { SHORTCUTS } from './keyboard';

export function setHelp(open: boolean): void {
  useUi.setState({ helpOpen: open });
}

/** The `?` list of keys. Escape or × closes it, and focus goes back where it was. */
export function ShortcutsDialog() {
  const open = useUi((s) => s.helpOpen);
  const ref = useRef<HTMLElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    if (open) {
      before.current = document.activeElement;
      ref.current?.focus();
    } else if (before.current instanceof HTMLElement) {
      before.current.focus();
      before.current = null;
    }
  }, [open]);
  if (!open) return null;
  return (
    <aside ref={ref} className="help" role="dialog" aria-label="Keyboard shortcuts" data-testid="help" tabIndex={-1}>
      <h2>Keys <button className="link" onClick={() => setHelp(false)} aria-label="Close the shortcuts (Escape)" data-testid="help.close">×</button></h2>
      <ul>{SHORTCUTS.map(([k, v]) => <li key={k}><kbd>{k}</kbd> {v}</li>)}</ul>
    </aside>
  );
}
