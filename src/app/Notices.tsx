import { useUi, dismiss } from './store/uiStore';

/** Dismissable messages: bad URL parameters, refused control-plane calls, load problems. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
          <pre>{n.text}</pre>
          <button className="link" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
