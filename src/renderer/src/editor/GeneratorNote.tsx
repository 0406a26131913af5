import { generatorStore, useGenerator } from '../actions/generator';
import './GeneratorNote.css';

/** What "Use this decoder as a generator" did, in words, beside the toolbar. */
export function GeneratorNote() {
  const note = useGenerator((s) => s.note);
  if (!note) return null;
  return (
    <div className="generator-note" role="status" data-testid="generator-note">
      <p>{note.text}</p>
      <button
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => generatorStore.getState().set({ note: null })}
      >
        ×
      </button>
    </div>
  );
}
