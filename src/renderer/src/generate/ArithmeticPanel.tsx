import { useEffect, useMemo, useState } from 'react';
import { composeGrid, imageGeometry, type GridBitmap } from '../recon/imageGrid';
import { useRun } from '../stores/runStore';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import { endpointCode } from './endpointCode';
import { generateStore, useGenerate, type GroupSlot } from './generateStore';
import { decode, type LatentSetup } from './useLatent';

const SLOTS: GroupSlot[] = ['a', 'b', 'c'];

/**
 * Latent arithmetic (the DCGAN paper's "smiling woman − neutral woman + neutral man"): the mean
 * codes of three selections A, B and C, and A − B + C, each decoded.
 */
export function ArithmeticPanel({ latent }: { latent: LatentSetup }) {
  const groups = useGenerate((s) => s.groups);
  const codes = useRun((s) => s.codes);
  const samples = useRun((s) => s.samples);
  const [row, setRow] = useState<GridBitmap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const geometry = useMemo(() => (samples ? imageGeometry(samples.sampleShape) : null), [samples]);
  const ready = SLOTS.every((slot) => groups[slot]);

  useEffect(() => {
    if (!codes || !geometry || !ready) return;
    const means = SLOTS.map((slot) => endpointCode(groups[slot]!, codes));
    if (means.some((m) => !m)) {
      setError('A group no longer fits this run: select it again on the Inspect scatter.');
      return;
    }
    const [a, b, c] = means as Float32Array[];
    const k = codes.codeSize;
    const points = new Float32Array(4 * k);
    points.set(a, 0);
    points.set(b, k);
    points.set(c, 2 * k);
    for (let j = 0; j < k; j++) points[3 * k + j] = a[j] - b[j] + c[j];
    let live = true;
    void decode(latent.runId, points, 4).then((decoded) => {
      if (!live) return;
      if (!decoded.ok) return setError(decoded.error.message);
      setError(null);
      setRow(composeGrid([decoded.value.images], 4, geometry));
    });
    return () => {
      live = false;
    };
  }, [codes, geometry, groups, ready, latent.runId, latent.epoch]);

  return (
    <ViewPanel
      title="Latent arithmetic"
      saveAs="latent-arithmetic"
      testId="arithmetic-panel"
      hint={
        ready
          ? `A = ${groups.a?.name}, B = ${groups.b?.name}, C = ${groups.c?.name}: their mean codes decoded, then A − B + C.`
          : 'Select points on the Inspect scatter (lasso or box) and press As A, As B, As C: the mean codes decode here, with A − B + C.'
      }
    >
      <div className="arithmetic-slots">
        {SLOTS.map((slot) => (
          <span key={slot} className="muted" data-testid={`arithmetic-${slot}`}>
            {slot.toUpperCase()}: {groups[slot]?.name ?? 'not chosen'}
            {groups[slot] && (
              <button onClick={() => generateStore.getState().setGroup(slot, null)}>clear</button>
            )}
          </span>
        ))}
      </div>
      {error && <div className="field-error">{error}</div>}
      {ready && row && (
        <>
          <BitmapCanvas
            bitmap={row}
            zoom={4}
            testId="arithmetic-result"
            label="A, B, C and A − B + C decoded"
          />
          <div className="interpolation-ends muted" style={{ width: row.width * 4 }}>
            <span>A</span>
            <span>B</span>
            <span>C</span>
            <span>A − B + C</span>
          </div>
        </>
      )}
    </ViewPanel>
  );
}
