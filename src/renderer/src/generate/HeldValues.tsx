import { useRun } from '../stores/runStore';
import { generateStore } from './generateStore';
import { codeRange } from './latentPoints';
import type { LatentSetup } from './useLatent';

/** With more than two code values: which two to vary, and a slider holding each of the others. */
export function HeldValues({ latent }: { latent: LatentSetup }) {
  const codes = useRun((s) => s.codes);
  if (!codes) return null;
  const { dims, base, codeSize } = latent;
  const store = generateStore.getState();
  const options = Array.from({ length: codeSize }, (_, i) => (
    <option key={i} value={i}>
      code {i + 1}
    </option>
  ));
  const shown = Array.from({ length: codeSize }, (_, i) => i)
    .filter((i) => !dims.includes(i))
    .slice(0, 64);
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
      <div className="sliders">
        {shown.map((i) => {
          const r = codeRange(codes.codes, codes.count, codeSize, i);
          return (
            <label
              key={i}
              className="slider"
              title={`Code value ${i + 1}, held while the other two vary`}
            >
              <span className="muted">code {i + 1}</span>
              <input
                type="range"
                min={r.min}
                max={r.max}
                step={(r.max - r.min) / 200}
                value={base[i]}
                onChange={(e) => store.hold(i, Number(e.target.value), latent.means)}
              />
              <span className="slider-value">{base[i].toFixed(2)}</span>
            </label>
          );
        })}
        {codeSize - 2 > shown.length && (
          <span className="muted">The first 64 held values are shown.</span>
        )}
      </div>
    </div>
  );
}
