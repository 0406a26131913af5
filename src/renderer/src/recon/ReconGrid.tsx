import { useEffect, useMemo, useRef } from 'react';
import { useRun } from '../stores/runStore';
import { epochNumber } from '../panels/runStatus';
import { BAND_GAP, composeGrid, imageGeometry } from './imageGrid';

/** Samples to a line: 16 digits wrap into two bands of 8, big enough to see strokes. */
const COLUMNS = 8;

/** Validation digits as the model sees them: originals, noisy inputs if any, reconstructions. */
export function ReconGrid() {
  const snapshot = useRun((s) => s.snapshot);
  const epochBase = useRun((s) => s.epochBase);
  const canvas = useRef<HTMLCanvasElement>(null);

  const rows = useMemo(() => {
    if (!snapshot) return [];
    const list = [{ label: 'Original', values: snapshot.originals }];
    if (snapshot.noisy) list.push({ label: 'Noisy input', values: snapshot.noisy });
    list.push({ label: 'Reconstruction', values: snapshot.reconstructions });
    return list;
  }, [snapshot]);
  const geometry = useMemo(
    () => (snapshot ? imageGeometry(snapshot.sampleShape) : null),
    [snapshot],
  );
  const count = snapshot ? Math.min(16, snapshot.count) : 0;
  const bands = Math.max(1, Math.ceil(count / COLUMNS));

  useEffect(() => {
    const element = canvas.current;
    if (!element || !geometry || rows.length === 0) return;
    const grid = composeGrid(
      rows.map((r) => r.values),
      count,
      geometry,
      COLUMNS,
    );
    element.width = grid.width;
    element.height = grid.height;
    const context = element.getContext('2d');
    context?.putImageData(new ImageData(grid.rgba, grid.width, grid.height), 0, 0);
  }, [rows, geometry, count]);

  return (
    <section className="panel recon-panel" aria-label="Reconstructions">
      <div className="panel-title-row">
        <h2 className="panel-title">Reconstructions</h2>
        {snapshot && (
          <span className="muted">after epoch {epochNumber({ epochBase }, snapshot.epoch)}</span>
        )}
      </div>
      {!snapshot && (
        <div className="recon-empty" data-testid="recon-grid" data-epoch="">
          16 validation digits and the model's copies appear here after each epoch.
        </div>
      )}
      {snapshot && !geometry && (
        <div className="recon-empty" data-testid="recon-grid" data-epoch={snapshot.epoch}>
          Samples of shape {snapshot.sampleShape.join('×')} cannot be drawn as images.
        </div>
      )}
      {snapshot && geometry && (
        <div className="recon-body">
          <div
            className="recon-labels"
            style={{ gridTemplateRows: labelRows(rows.length, bands, geometry.height) }}
          >
            {Array.from({ length: bands }, (_, band) =>
              rows.map((r, i) => (
                <span
                  key={`${band}-${r.label}`}
                  style={{ gridRow: band * (rows.length + 1) + i + 1 }}
                >
                  {r.label}
                </span>
              )),
            )}
          </div>
          <canvas
            ref={canvas}
            className="recon-canvas"
            data-testid="recon-grid"
            data-epoch={snapshot.epoch}
            aria-label={`${rows.map((r) => r.label).join(', ')} of ${count} validation samples`}
          />
        </div>
      )}
    </section>
  );
}

/** Grid rows for the labels that line up with the bitmap's lines and the gaps between bands. */
function labelRows(rowsPerBand: number, bands: number, imageHeight: number): string {
  const band = Array.from({ length: rowsPerBand }, () => `${imageHeight + 1}fr`).join(' ');
  return Array.from({ length: bands }, () => band).join(` ${BAND_GAP}fr `);
}
