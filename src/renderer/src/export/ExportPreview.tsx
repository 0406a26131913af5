import { useMemo, type ReactNode } from 'react';
import { SCRIPT_CHOICES, type ExportChoice } from './formats';

interface Props {
  choice: ExportChoice;
  /** The diagram the picture formats make; drawn for them. */
  svg: string;
  /** The file a script or summary export makes, or the message why it cannot be made. */
  text: { ok: true; value: string } | { ok: false; message: string } | null;
  /** Model formats: whether trained weights go with the model. */
  withWeights: boolean;
  /** Model formats: a run's weights exist but belong to an earlier design they no longer fit. */
  weightsLeftOut?: boolean;
}

/** What each zip export holds, in a sentence or two. */
const ZIP_NOTES: Partial<Record<ExportChoice, ReactNode>> = {
  tfjs: (
    <>
      Downloads one zip: <code>model/</code>, <code>encoder/</code> and <code>decoder/</code>, each
      a <code>model.json</code> with its <code>weights.bin</code>, a <code>README.md</code> and the
      design. Unzip it and load a part with{' '}
      <code>tf.loadLayersModel(&apos;model/model.json&apos;)</code>.
    </>
  ),
  'tfjs-training': (
    <>
      Downloads one zip: the full model with the app&apos;s own layers,{' '}
      <code>custom-layers.js</code> that registers them with TensorFlow.js, and a{' '}
      <code>README.md</code> on continuing training.
    </>
  ),
  onnx: (
    <>
      Downloads one zip: <code>model.onnx</code>, <code>encoder.onnx</code> and{' '}
      <code>decoder.onnx</code> (where the design has them) and a <code>README.md</code>. Open them
      in Netron or run them with ONNX Runtime.
    </>
  ),
};

/** A data URL, not a blob URL: nothing to revoke, and the CSP allows img-src data:. */
const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** What the export will contain: the diagram live, the script or summary text, or the tfjs files. */
export function ExportPreview({ choice, svg, text, withWeights, weightsLeftOut }: Props) {
  const url = useMemo(() => svgUrl(svg), [svg]);
  const weights = (
    <p className={withWeights ? undefined : 'warn'} data-testid="export-weights-note">
      {withWeights
        ? 'The weights are those of the latest completed training run.'
        : weightsLeftOut
          ? 'The trained weights do not fit this design: the weights are freshly initialized (untrained).'
          : 'No training run has completed yet: the weights are freshly initialized (untrained).'}
    </p>
  );
  const zip = ZIP_NOTES[choice];
  if (zip) {
    return (
      <div className="export-preview-note" data-testid={`export-${choice}-note`}>
        <p>{zip}</p>
        {weights}
      </div>
    );
  }
  if (text && SCRIPT_CHOICES.has(choice)) {
    return (
      <div className="export-script-preview">
        <p className="export-preview-note">
          {withWeights
            ? 'With the script comes a weights file (.npz) of the latest completed run; the script loads it.'
            : 'No trained weights go with the script: it trains the model from fresh weights.'}
        </p>
        {text.ok ? (
          <pre className="export-text-preview" data-testid="export-text-preview">
            {text.value}
          </pre>
        ) : (
          <p className="field-error" role="alert">
            {text.message}
          </p>
        )}
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
