import { useMemo } from 'react';
import { useRun } from '../stores/runStore';
import { chooseSliders, codeVariances } from './choices';
import { generateStore } from './generateStore';
import { codeRange } from './latentPoints';
import type { LatentSetup } from './useLatent';

/** Sliders in view: a person can steer about eight values; more is a wall of knobs. */
const SHOWN = 8;

/**
 * With more than two code values: which two to vary, and a slider for each of the others that
 * matter (the most varied over the digits); the rest wait behind "More values".
 */
export function HeldValues({ latent }: { latent: LatentSetup }) {
  const codes = useRun((s) => s.codes);
  const { dims, codeSize } = latent;
  const choice = useMemo(
    () =>
      codes
        ? chooseSliders(codeVariances(codes.codes, codes.count, codes.codeSize), dims, SHOWN)
        : null,
    [codes, dims],
  );
  if (!codes || !choice) return null;
  const store = generateStore.getState();
  const options = Array.from({ length: codeSize }, (_, i) => (
    <option key={i} value={i}>
      code {i + 1}
    </option>
  ));
  return (
    <div className="held-values">
      <div className="held-dims">
        <span className="muted">Vary</span>
        <select
          aria-label="Horizontal code value"
          data-testid="vary-x"
          value={dims[0]}
          onChange={(e) => store.set({ dims: [Number(e.target.value), dims[1]] })}
        >
          {options}
        </select>
        <span className="muted">and</span>
        <select
          aria-label="Vertical code value"
          data-testid="vary-y"
          value={dims[1]}
          onChange={(e) => store.set({ dims: [dims[0], Number(e.target.value)] })}
        >
          {options}
        </select>
        <button
          className="button"
          onClick={() => store.set({ held: null })}
          title="Hold every other value at its mean over the digits"
        >
          Reset to means
        </button>
      </div>
      {choice.shown.length > 0 && (
        <p className="muted held-hint">
          The code values that change most from digit to digit; each holds its value while the other
          two vary.
        </p>
      )}
      <div className="sliders" data-testid="held-sliders">
        {choice.shown.map((i) => (
          <Slider key={i} dim={i} latent={latent} />
        ))}
      </div>
      {choice.more.length > 0 && (
        <details className="more-values" data-testid="more-values">
          <summary>More values ({choice.more.length})</summary>
          <div className="sliders">
            {choice.more.map((i) => (
              <Slider key={i} dim={i} latent={latent} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function Slider({ dim, latent }: { dim: number; latent: LatentSetup }) {
  const codes = useRun((s) => s.codes);
  if (!codes) return null;
  const r = codeRange(codes.codes, codes.count, latent.codeSize, dim);
  return (
    <label className="slider" title={`Code value ${dim + 1}, held while the other two vary`}>
      <span className="muted">code {dim + 1}</span>
      <input
        type="range"
        min={r.min}
        max={r.max}
        step={(r.max - r.min) / 200}
        value={latent.base[dim]}
        onChange={(e) => generateStore.getState().hold(dim, Number(e.target.value), latent.means)}
      />
      <span className="slider-value">{latent.base[dim].toFixed(2)}</span>
    </label>
  );
}
