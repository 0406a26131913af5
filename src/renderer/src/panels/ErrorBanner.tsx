import { appStore, useApp } from '../stores/appStore';

/** Every error the person must know of, in words, until they dismiss it. */
export function ErrorBanner() {
  const errors = useApp((s) => s.errors);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {errors.map((e) => (
        <div className="error-row" key={e.id}>
          <span className="error-icon" aria-hidden="true">
            !
          </span>
          <span className="error-message">{e.message}</span>
          <span className="error-code">{e.code}</span>
          <button
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => appStore.getState().dismissError(e.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
