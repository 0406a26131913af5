import { useRef, useState } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import './export.css';
import { importPickedFiles, readPickedFiles, type ImportedDesign } from './importFiles';

interface Props {
  /** Called once with the imported design; never on failure, so the open project stays as it is. */
  onGraph(doc: GraphDocument, name: string, imported: ImportedDesign): void;
  className?: string;
}

/**
 * Opens a Keras / TensorFlow.js model.json (with its .bin weight files, picked together) or a
 * diagram .svg exported by the app as a design; a file it cannot open is a message, nothing else.
 */
export function ImportModelButton({ onGraph, className = 'button small' }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const onPicked = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const picked = await readPickedFiles(Array.from(files));
    // The same file picked again must fire change again (after fixing it elsewhere).
    if (input.current) input.current.value = '';
    const imported = importPickedFiles(picked);
    if (!imported.ok) return setError(imported.error.message);
    setError(null);
    onGraph(imported.value.doc, imported.value.name, imported.value);
  };

  return (
    <span className="import-model">
      <label
        className={className}
        title="Open a Keras or TensorFlow.js model.json (with its .bin files) or an exported diagram .svg"
      >
        Import model…
        <input
          ref={input}
          type="file"
          accept=".json,.svg,.bin"
          multiple
          hidden
          data-testid="import-model"
          onChange={(e) => void onPicked(e.target.files)}
        />
      </label>
      {error && (
        <span className="import-error" role="alert" data-testid="import-error">
          {error}
          <button className="icon-button" aria-label="Dismiss" onClick={() => setError(null)}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}
