import { formatWhen } from './draft';
import { discardRecovery } from '../actions/project';
import { projectStore, useProject } from './projectStore';
import './RecoveryBanner.css';

/**
 * "Recovered your unsaved work from 15:02 — Discard": the work a crash or a reload left is already
 * open; one click throws it away instead. Gone once the work is saved, replaced or dismissed.
 */
export function RecoveryBanner() {
  const recovered = useProject((s) => s.recovered);
  if (!recovered) return null;
  return (
    <div className="recovery-banner" role="status" data-testid="recovery-banner">
      <span className="recovery-icon" aria-hidden="true">
        ↺
      </span>
      <span className="recovery-text">
        Recovered your unsaved work from {formatWhen(recovered.savedAt)} —
      </span>
      <button
        className="button"
        data-testid="discard-recovery"
        title="Throw this work away and start on the default design"
        onClick={() => void discardRecovery()}
      >
        Discard
      </button>
      <button
        className="icon-button"
        aria-label="Keep the recovered work and hide this bar"
        data-testid="keep-recovery"
        onClick={() => projectStore.getState().set({ recovered: null })}
      >
        ×
      </button>
    </div>
  );
}
