import { useMemo, useState } from 'react';
import { indicesWithLabel } from '../../../shared/latent/arithmetic';
import { labelsPresent } from '../inspect/labelColors';
import { useRun } from '../stores/runStore';
import { ViewPanel } from '../views/ViewPanel';
import { useDesignMatch } from '../views/useDesignMatch';
import { ArithmeticLasso } from './ArithmeticLasso';
import { ArithmeticRows } from './ArithmeticRows';
import { useArithmeticSource, type ArithmeticSource } from './ArithmeticSource';
import { arithmeticStore, useArithmetic } from './ArithmeticStore';
import { ArithmeticPicker } from './ArithmeticPicker';
import './Arithmetic.css';

/**
 * Latent arithmetic for any generator (a VAE's or autoencoder's decoder, a GAN's generator): terms
 * are the mean codes of images chosen by label, by lasso or by hand, added and subtracted with
 * weights, each step decoded, and noise drawn around the result.
 */
export function ArithmeticPanel({ runId }: { runId: string }) {
  const { source, problem } = useArithmeticSource(runId);
  const terms = useArithmetic((s) => s.terms);
  const epoch = useRun((s) => s.codes?.epoch ?? s.epochs.at(-1)?.epoch ?? null);
  const { match, label } = useDesignMatch();
  const stale = match.kind === 'stale';
  return (
    <div className={stale ? 'stale-results' : ''}>
      <ViewPanel
        title="Latent arithmetic"
        saveAs="lab-arithmetic"
        testId="lab-arithmetic"
        hint="Each term is the mean code of a set of images. Add and subtract terms (7s with a bar − 7s + 1s); every step is decoded, and the result once more with noise around it."
      >
        <p className="muted arith-origin" data-testid="arith-origin" data-stale={String(stale)}>
          Decoded by {label || 'the latest run'}
          {epoch === null ? '' : `, epoch ${epoch}`}
          {stale ? ' — an earlier design than the one on the canvas.' : '.'}
        </p>
        {!source && <p className="muted">{problem ?? 'Drawing the samples…'}</p>}
        {source && <TermMaker source={source} />}
        {terms.length > 0 && <TermList />}
        {source && terms.length > 0 && <NoiseControls />}
        {source && terms.length > 0 && (
          <ArithmeticRows runId={runId} source={source} terms={terms} />
        )}
      </ViewPanel>
    </div>
  );
}

function TermMaker({ source }: { source: ArithmeticSource }) {
  const codes = useRun((s) => s.codes);
  const picked = useArithmetic((s) => s.picked);
  const labels = useMemo(
    () => (source.labels ? labelsPresent(source.labels, source.rows.count) : []),
    [source],
  );
  const [label, setLabel] = useState<number | null>(null);
  const [lasso, setLasso] = useState<Int32Array | null>(null);
  const chosen = label ?? labels[0] ?? null;
  const add = (weight: number, name: string, indices: ArrayLike<number>) =>
    arithmeticStore
      .getState()
      .addTerm({ weight, name, source: source.kind, indices: Int32Array.from(indices) });
  const signs = (make: (weight: number) => void, disabled: boolean, what: string) => (
    <>
      <button
        className="button"
        disabled={disabled}
        data-testid={`arith-add-${what}`}
        onClick={() => make(1)}
      >
        + add
      </button>
      <button
        className="button"
        disabled={disabled}
        data-testid={`arith-sub-${what}`}
        onClick={() => make(-1)}
      >
        − subtract
      </button>
    </>
  );
  return (
    <div className="arith-maker">
      {source.kind === 'samples' && chosen !== null && (
        <div className="arith-way">
          <strong>By label</strong>
          <select
            data-testid="arith-label"
            value={chosen}
            onChange={(e) => setLabel(Number(e.target.value))}
          >
            {labels.map((l) => (
              <option key={l} value={l}>
                all {l}s
              </option>
            ))}
          </select>
          {signs(
            (w) =>
              add(w, `${chosen}s`, indicesWithLabel(source.labels!, chosen, source.rows.count)),
            false,
            'label',
          )}
        </div>
      )}
      {source.kind === 'samples' && codes && (
        <div className="arith-way">
          <strong>By lasso</strong>
          <ArithmeticLasso codes={codes} selection={lasso} onChange={setLasso} />
          <span className="muted">{lasso ? `${lasso.length} chosen` : 'Draw around points.'}</span>
          {signs((w) => lasso && add(w, `lasso of ${lasso.length}`, lasso), !lasso, 'lasso')}
        </div>
      )}
      <div className="arith-way">
        <strong>{source.kind === 'generated' ? 'Generated samples (seeded z)' : 'By hand'}</strong>
        <ArithmeticPicker source={source} />
        {source.kind === 'generated' && <SeedField />}
        {signs(
          (w) => {
            add(w, `${picked.length} picked`, picked);
            arithmeticStore.getState().clearPicked();
          },
          picked.length === 0,
          'picked',
        )}
      </div>
    </div>
  );
}

function TermList() {
  const terms = useArithmetic((s) => s.terms);
  return (
    <ol className="arith-terms" data-testid="arith-terms">
      {terms.map((t) => (
        <li key={t.id}>
          <label>
            weight
            <input
              type="number"
              step={0.5}
              value={t.weight}
              aria-label={`Weight of ${t.name}`}
              onChange={(e) => {
                const w = Number(e.target.value);
                if (Number.isFinite(w)) arithmeticStore.getState().setWeight(t.id, w);
              }}
            />
          </label>
          <span>
            × mean of {t.name} ({t.indices.length})
          </span>
          <button
            className="icon-button"
            aria-label={`Remove ${t.name}`}
            onClick={() => arithmeticStore.getState().removeTerm(t.id)}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button
          className="button"
          data-testid="arith-clear"
          onClick={() => arithmeticStore.getState().set({ terms: [] })}
        >
          Clear the sum
        </button>
      </li>
    </ol>
  );
}

function NoiseControls() {
  const count = useArithmetic((s) => s.noiseCount);
  const size = useArithmetic((s) => s.noiseSize);
  return (
    <div className="arith-noise-controls">
      <label>
        Noisy samples
        <input
          type="number"
          min={0}
          max={32}
          value={count}
          data-testid="arith-noise-count"
          onChange={(e) =>
            arithmeticStore.getState().set({
              noiseCount: Math.max(0, Math.min(32, Math.round(Number(e.target.value) || 0))),
            })
          }
        />
      </label>
      <label>
        Noise size (σ)
        <input
          type="number"
          min={0}
          max={10}
          step={0.1}
          value={size}
          onChange={(e) =>
            arithmeticStore
              .getState()
              .set({ noiseSize: Math.max(0, Math.min(10, Number(e.target.value) || 0)) })
          }
        />
      </label>
      <SeedField />
    </div>
  );
}

function SeedField() {
  const seed = useArithmetic((s) => s.seed);
  return (
    <label>
      Seed
      <input
        type="number"
        min={0}
        value={seed}
        onChange={(e) =>
          arithmeticStore
            .getState()
            .set({ seed: Math.max(0, Math.round(Number(e.target.value) || 0)) })
        }
      />
    </label>
  );
}
