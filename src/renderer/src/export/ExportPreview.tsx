import { useMemo } from 'react';
import type { ExportChoice } from './formats';

interface Props {
  choice: ExportChoice;
  /** The diagram the picture formats make; drawn for them. */
  svg: string;
  /** The file a script or summary export makes, or the message why it cannot be made. */
  text: { ok: true; value: string } | { ok: false; message: string } | null;
  /** tfjs only: whether trained weights go with the model. */
  withWeights: boolean;
  /** tfjs only: a run's weights exist but belong to an earlier design they no longer fit. */
  weightsLeftOut?: boolean;
}

/** A data URL, not a blob URL: nothing to revoke, and the CSP allows img-src data:. */
const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** What the export will contain: the diagram live, the script or summary text, or the tfjs files. */
export function ExportPreview({ choice, svg, text, withWeights, weightsLeftOut }: Props) {
  const url = useMemo(() => svgUrl(svg), [svg]);
  if (choice === 'tfjs') {
    return (
      <div className="export-preview-note" data-testid="export-tfjs-note">
        <p>
          Downloads <code>model.json</code>, its weight file(s) and a <code>README.md</code>. Load
          it in JavaScript with <code>tf.loadLayersModel(&apos;model.json&apos;)</code>.
        </p>
        <p className={withWeights ? undefined : 'warn'}>
          {withWeights
            ? 'The weights are those of the latest completed training run.'
            : weightsLeftOut
              ? 'The trained weights do not fit this design: the weights are freshly initialized (untrained).'
              : 'No training run has completed yet: the weights are freshly initialized (untrained).'}
        </p>
      </div>
    );
  }
  if (text) {
    return text.ok ? (
      <pre className="export-text-preview" data-testid="export-text-preview">
        {text.value}
      </pre>
    ) : (
      <p className="field-error" role="alert">
        {text.message}
      </p>
    );
  }
  return (
    <div className="export-picture">
      <img src={url} alt="Preview of the exported diagram" data-testid="export-preview" />
    </div>
  );
}
