import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatLoss } from '../format/format';
import { sampleErrors } from '../inspect/featureImages';
import { labelsPresent } from '../inspect/labelColors';
import { LabelChips, toggled } from '../inspect/LabelChips';
import { epochNumber } from '../panels/runStatus';
import { useRun } from '../stores/runStore';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { composeGrid, imageGeometry } from './imageGrid';
import { useChosenRecon } from './useChosenRecon';

/**
 * The Inspect view's reconstructions: each validation digit as original, noisy input (when the
 * graph adds noise) and reconstruction, one above the other, with its error under it.
 */
export function ReconBoard() {
  const { runId, snapshot, samples, epochBase } = useRun(
    useShallow((s) => ({
      runId: s.runId,
      snapshot: s.snapshot,
      samples: s.samples,
      epochBase: s.epochBase,
    })),
  );
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const rows = useChosenRecon(runId, snapshot, samples, chosen);
  const shape = snapshot?.sampleShape;
  const geometry = useMemo(() => (shape ? imageGeometry(shape) : null), [shape]);
  const size = snapshot ? snapshot.sampleShape.reduce((a, b) => a * b, 1) : 0;
  const labels = useMemo(() => {
    if (samples) return labelsPresent(samples.labels, samples.count);
    return snapshot ? labelsPresent(snapshot.labels) : [];
  }, [samples, snapshot]);

  const lines = useMemo(
    () =>
      rows
        ? [
            { name: 'Original', values: rows.originals },
            ...(rows.noisy ? [{ name: 'Noisy input', values: rows.noisy }] : []),
            { name: 'Reconstruction', values: rows.reconstructions },
          ]
        : [],
    [rows],
  );
  const errors = useMemo(
    () => (rows ? sampleErrors(rows.originals, rows.reconstructions, rows.count, size) : []),
    [rows, size],
  );
  const cards = useMemo(() => {
    if (!rows || !geometry) return [];
    return Array.from({ length: rows.count }, (_, i) =>
      composeGrid(
        lines.map((l) => l.values.subarray(i * size, (i + 1) * size)),
        1,
        geometry,
      ),
    );
  }, [rows, lines, geometry, size]);
  const whole = useMemo(
    () =>
      rows && geometry
        ? composeGrid(
            lines.map((l) => l.values),
            rows.count,
            geometry,
            8,
          )
        : null,
    [rows, lines, geometry],
  );
  const mean = errors.length > 0 ? errors.reduce((a, b) => a + b, 0) / errors.length : null;

  return (
    <ViewPanel
      title="Reconstructions"
      saveAs="reconstructions"
      className="recon-board"
      hint={
        snapshot
          ? `After epoch ${epochNumber({ epochBase }, snapshot.epoch)} · ${
              rows?.source === 'chosen'
                ? 'chosen digits, encoded and decoded by the current model'
                : 'the same validation digits every epoch'
            }${mean !== null ? ` · mean error ${formatLoss(mean)}` : ''}`
          : 'Validation digits and the model’s copies appear here after each epoch.'
      }
      tools={
        labels.length > 0 && (
          <LabelChips
            labels={labels}
            chosen={chosen}
            testId="recon-labels"
            onToggle={(l) => setChosen(toggled(chosen, l))}
          />
        )
      }
    >
      {rows && geometry && (
        <div
          className="recon-cards"
          data-testid="recon-board"
          data-rows={lines.length}
          data-count={rows.count}
          data-epoch={snapshot?.epoch ?? ''}
        >
          <div
            className="recon-row-names"
            style={{ gridTemplateRows: `repeat(${lines.length}, ${geometry.height * 2 + 2}px)` }}
          >
            {lines.map((l) => (
              <span key={l.name}>{l.name}</span>
            ))}
          </div>
          {cards.map((bitmap, i) => (
            <figure className="recon-card" key={i}>
              <BitmapCanvas bitmap={bitmap} zoom={2} label={`Digit ${rows.labels[i]}`} />
              <figcaption title="Mean squared difference between the original and its reconstruction">
                {formatLoss(errors[i])}
              </figcaption>
            </figure>
          ))}
          {rows.count === 0 && (
            <div className="empty-note">No digit of the chosen labels in this set.</div>
          )}
          {whole && (
            <BitmapCanvas
              bitmap={whole}
              zoom={1}
              label="All"
              data={{ 'save-target': 1 }}
              style={{ display: 'none' }}
            />
          )}
        </div>
      )}
      {snapshot && !geometry && (
        <div className="empty-note">
          Samples of shape {snapshot.sampleShape.join('×')} cannot be drawn as images.
        </div>
      )}
    </ViewPanel>
  );
}
