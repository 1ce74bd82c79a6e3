import { useUi, dismiss } from './store/uiStore';
import { JobProgress } from './JobProgress';

/** Dismissable messages (bad URL parameters, refused calls, load problems) and a long job's progress. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  return (
    <>
      <JobProgress />
      {notices.length > 0 && (
        <div className="notices" role="status" aria-live="polite" data-testid="notices">
          {notices.map((n) => (
            <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
              <pre>{n.text}</pre>
              <button className="link" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
