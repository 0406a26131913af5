import { appStore, useApp, type ShownError } from '../stores/appStore';
import './ErrorBanner.css';

/**
 * Every error the person must know of, in words, until they dismiss it. The code comes after, on
 * a small muted line, for whoever reports the problem.
 */
export function ErrorBanner() {
  const errors = useApp((s) => s.errors);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {errors.map((e) => (
        <ErrorRow key={e.id} error={e} />
      ))}
    </div>
  );
}

/** One error: the words, then "Code: E_…" small and muted, and the dismiss button. */
export function ErrorRow({ error }: { error: ShownError }) {
  return (
    <div className="error-row">
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <span className="error-text">
        <span className="error-message">{error.message}</span>
        <span className="error-code">Code: {error.code}</span>
      </span>
      <button
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => appStore.getState().dismissError(error.id)}
      >
        ×
      </button>
    </div>
  );
}
