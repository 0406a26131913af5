import { editorUi, useEditorUi } from './editorUi';
import { SHORTCUTS } from './shortcuts';
import './HelpOverlay.css';

/** The list of shortcuts, over the editor (the ? key or the toolbar's ? button). */
export function HelpOverlay() {
  const open = useEditorUi((s) => s.helpOpen);
  if (!open) return null;
  const close = () => editorUi.getState().setHelp(false);
  return (
    <div
      className="overlay"
      role="dialog"
      aria-label="Keyboard shortcuts"
      data-testid="help-overlay"
      onClick={close}
    >
      <div className="overlay-card help-card" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <h2>Keyboard shortcuts</h2>
          <button className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="shortcut">
              <dt>
                {s.keys.split(/( \/ |, )/).map((part, i) =>
                  part === ' / ' || part === ', ' ? (
                    <span key={i} className="muted">
                      {part}
                    </span>
                  ) : (
                    <kbd key={i}>{part}</kbd>
                  ),
                )}
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
