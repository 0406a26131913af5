import { useEffect, useMemo, useState } from 'react';
import type { LayerOverride } from '../../../shared/diagram';
import { weightsToExport } from '../stores/designMatch';
import { StaleMark } from '../views/StaleMark';
import { useDesignMatch } from '../views/useDesignMatch';
import './export.css';
import type { ExportSource } from './exportSource';
import {
  ANIMATION_CHOICES,
  choiceInfo,
  EXPORT_CHOICES,
  isExportChoice,
  MODEL_CHOICES,
  SLIDE_WIDTHS,
  type ExportChoice,
  type SlideWidth,
} from './formats';
import { ExportPreview } from './ExportPreview';
import { LayerOverrides } from './LayerOverrides';
import { diagramSvg, exportInBrowser, type ExportJob } from './makeExport';
import { PictureFields } from './PictureFields';
import { diagramOptionsOf, initialPictureSettings, type PictureSettings } from './pictureSettings';
import { useExportActions } from './useExportActions';

interface Props {
  source: ExportSource;
  onClose(): void;
  /** The format it opens with; the diagram SVG unless told. */
  initialChoice?: ExportChoice;
}

/** The text a script or summary export will contain, for its preview. */
function textPreview(job: ExportJob) {
  if (!['keras', 'pytorch', 'summary-text', 'summary-md'].includes(job.choice)) return null;
  const made = exportInBrowser(job);
  return made.ok
    ? { ok: true as const, value: new TextDecoder().decode(made.value[0].data) }
    : { ok: false as const, message: made.error.message };
}

/**
 * The export dialog: a format, the diagram's look and per-layer picture-only changes, a live
 * preview, Download and Copy image. Works on a snapshot of the project taken when it opened.
 */
export function ExportDialog({ source, onClose, initialChoice = 'svg' }: Props) {
  const [choice, setChoice] = useState<ExportChoice>(initialChoice);
  const [dpi, setDpi] = useState(300);
  const [slideWidth, setSlideWidth] = useState<SlideWidth>(960);
  const [picture, setPicture] = useState<PictureSettings>(() =>
    initialPictureSettings(source.title),
  );
  const info = choiceInfo(choice);
  const { match } = useDesignMatch(source.weightsRunId);
  const weightsRunId = weightsToExport(source.weightsRunId, match);
  const diagram = useMemo(
    () => diagramOptionsOf(picture, source.selectedIds),
    [picture, source.selectedIds],
  );
  const job: ExportJob = {
    doc: source.doc,
    choice,
    diagram,
    title: source.title,
    settings: source.settings,
    procedure: source.procedure,
    weightsRunId,
    dpi,
    slideWidth,
    data: source.data,
    runs: source.runs,
  };
  const svg = useMemo(() => diagramSvg({ doc: source.doc, diagram }), [source.doc, diagram]);
  // Scripts and summaries ignore the picture settings: recomputing them per keystroke is waste.
  const text = useMemo(() => textPreview(job), [choice, source]);
  const { status, download, copy, reset } = useExportActions(job, source.client);
  const busy = status.kind === 'busy';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const inScope =
    diagram.selection === null
      ? source.doc.nodes
      : source.doc.nodes.filter((n) => diagram.selection!.includes(n.id));
  const edit = (patch: Partial<PictureSettings>) => {
    setPicture((p) => ({ ...p, ...patch }));
    reset();
  };

  return (
    <div className="overlay" data-testid="export-dialog">
      <div
        className="overlay-card export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export"
      >
        <div className="overlay-head">
          <div>
            <h2>Export</h2>
            <p className="muted">{source.title}</p>
          </div>
          <button className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="export-body">
          <div className="export-controls">
            <label className="export-field">
              <span>Format</span>
              <select
                data-testid="export-format"
                value={choice}
                autoFocus
                onChange={(e) => {
                  if (isExportChoice(e.target.value)) setChoice(e.target.value);
                  reset();
                }}
              >
                {EXPORT_CHOICES.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <p className="muted export-hint">{info.hint}</p>
            {choice === 'png-dpi' && (
              <label className="export-field">
                <span>Resolution (DPI)</span>
                <input
                  type="number"
                  data-testid="export-dpi"
                  min={36}
                  max={1200}
                  step={1}
                  value={dpi}
                  onChange={(e) => {
                    const n = Math.round(Number(e.target.value));
                    if (Number.isFinite(n)) setDpi(Math.min(1200, Math.max(36, n)));
                    reset();
                  }}
                />
              </label>
            )}
            {ANIMATION_CHOICES.has(choice) && (
              <label className="export-field">
                <span>Slide size</span>
                <select
                  data-testid="export-slide-width"
                  value={slideWidth}
                  onChange={(e) => {
                    setSlideWidth(Number(e.target.value) as SlideWidth);
                    reset();
                  }}
                >
                  {SLIDE_WIDTHS.map((w) => (
                    <option key={w} value={w}>
                      {w} x {(w * 9) / 16} (16:9)
                    </option>
                  ))}
                </select>
              </label>
            )}
            {info.picture && (
              <>
                <h3 className="export-heading">Picture</h3>
                <PictureFields
                  settings={picture}
                  selectionCount={source.selectedIds.length}
                  onChange={edit}
                />
                <h3 className="export-heading">Layers in the picture</h3>
                <p className="muted export-hint">Only the picture changes, not the design.</p>
                <LayerOverrides
                  nodes={inScope}
                  overrides={picture.overrides}
                  palette={picture.palette}
                  onChange={(overrides: Record<string, LayerOverride>) => edit({ overrides })}
                />
              </>
            )}
          </div>
          <div className="export-preview-pane">
            {MODEL_CHOICES.has(choice) && (
              <StaleMark
                runId={source.weightsRunId}
                what="The trained weights"
                detail={(m) =>
                  m.weightsFit
                    ? 'They still fit every layer, so this export carries them.'
                    : 'They no longer fit your design’s layers, so this export leaves them out.'
                }
                onAction={onClose}
              />
            )}
            <ExportPreview
              choice={choice}
              svg={svg}
              text={text}
              withWeights={weightsRunId !== null}
              weightsLeftOut={weightsRunId === null && source.weightsRunId !== null}
            />
          </div>
        </div>
        <div className="export-footer">
          <p
            className={
              status.kind === 'error' ? 'field-error export-status' : 'muted export-status'
            }
            role={status.kind === 'error' ? 'alert' : 'status'}
            data-testid="export-status"
          >
            {status.kind === 'busy' && status.what}
            {(status.kind === 'done' || status.kind === 'error') && status.message}
          </p>
          <button
            className="button"
            data-testid="export-copy"
            disabled={busy || !info.picture}
            title={info.picture ? 'Copy the picture as PNG' : 'Only pictures can be copied'}
            onClick={() => void copy()}
          >
            Copy image
          </button>
          <button
            className="button primary"
            data-testid="export-download"
            disabled={busy}
            onClick={() => void download()}
          >
            Download
          </button>
          <button className="button" data-testid="export-close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
