import { useState } from 'react';
import { useUi, dismiss, dismissAll } from './store/uiStore';
import { JobProgress } from './JobProgress';

/** How many notices show at once; older ones fold into a count. */
const SHOWN = 5;

/** Dismissable messages (bad URL parameters, refused calls, load problems) and a long job's progress. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  const [expanded, setExpanded] = useState(false);
  const older = Math.max(0, notices.length - SHOWN);
  const shown = expanded ? notices : notices.slice(-SHOWN);
  return (
    <>
      <JobProgress />
      {notices.length > 0 && (
        <div className="notices" role="status" aria-live="polite" data-testid="notices">
          {shown.map((n) => (
            <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
              <pre>{n.text}</pre>
              <button className="link" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
            </div>
          ))}
          {(older > 0 || notices.length > 1) && (
            <div className="notice-more" data-testid="notices.more">
              {older > 0 && (
                <button className="link" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} data-testid="notices.older">
                  {expanded ? 'Show only the newest' : `${older} older notice${older > 1 ? 's' : ''} — show`}
                </button>
              )}
              <button className="link" onClick={dismissAll} data-testid="notices.dismissAll">Dismiss all ({notices.length})</button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
