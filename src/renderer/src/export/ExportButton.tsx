import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { currentExportSource, type ExportSource } from './exportSource';

interface Props {
  /** Where the dialog takes the project from; the app's stores unless told (tests, harnesses). */
  source?: () => ExportSource;
  className?: string;
}

/** The top bar's Export button: opens the export dialog on the project as it is now. */
export function ExportButton({ source = currentExportSource, className = 'button small' }: Props) {
  const [open, setOpen] = useState<ExportSource | null>(null);
  return (
    <>
      <button
        className={className}
        data-testid="export-open"
        title="Export the diagram, a Keras script, a TensorFlow.js model or a summary"
        onClick={() => setOpen(source())}
      >
        Export…
      </button>
      {open && <ExportDialog source={open} onClose={() => setOpen(null)} />}
    </>
  );
}
