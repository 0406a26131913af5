import { projectDeps } from './deps';
import { formatWhen } from './draft';
import { discardRecovery, recover } from './projectActions';
import { useProject } from './projectStore';

/** "Recover unsaved work from 22:14?" after a crash or a closed window, until answered. */
export function RecoveryBanner() {
  const offer = useProject((s) => s.recovery);
  if (!offer) return null;
  return (
    <div className="recovery-banner" role="alert" data-testid="recovery-banner">
      <span className="recovery-icon" aria-hidden="true">
        ↺
      </span>
      <span className="recovery-text">
        Recover unsaved work from {formatWhen(offer.savedAt)}?{' '}
        <span className="muted">({offer.project.name})</span>
      </span>
      <button
        className="button primary"
        data-testid="recover"
        onClick={() => recover(projectDeps())}
      >
        Recover
      </button>
      <button
        className="button"
        data-testid="discard-recovery"
        onClick={() => void discardRecovery(projectDeps())}
      >
        Discard
      </button>
    </div>
  );
}
