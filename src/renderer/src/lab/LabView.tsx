import { useMemo } from 'react';
import { codeActivation } from '../../../shared/lab/codeLayer';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { RunStrip } from '../views/RunStrip';
import { StaleMark } from '../views/StaleMark';
import { useDesignMatch } from '../views/useDesignMatch';
import { ArithmeticPanel } from './ArithmeticPanel';
import { ChainWalk } from './ChainWalk';
import { DrawPanel } from './DrawPanel';
import { EigenPanel } from './EigenPanel';
import { FindPanel } from './FindPanel';
import { hasChainNoise, hasWinners } from './generativePanels';
import { Winners } from './Winners';
import './lab.css';

/** The Lab tab: find digits by their code, draw into the model, and eigen-images beside features. */
export function LabView() {
  const runId = useRun((s) => s.runId);
  const codes = useRun((s) => s.codes);
  const samples = useRun((s) => s.samples);
  const features = useRun((s) => s.features);
  const design = useRun((s) => s.design ?? null);
  const current = useGraph((s) => s.doc);
  // The run's own design says what its code layer is; the editor's only when the run's is unknown.
  const activation = useMemo(() => codeActivation(design ?? current), [design, current]);
  const stale = useDesignMatch().match.kind === 'stale';
  const ready = runId !== null && codes !== null && samples !== null;
  return (
    <main className="view lab-view">
      <RunStrip />
      {ready && (
        <StaleMark detail={() => 'The Lab still searches and encodes with that earlier model.'} />
      )}
      {!ready && (
        <div className="panel empty-view" data-testid="lab-empty">
          <h2 className="panel-title">Nothing to explore yet</h2>
          <p>
            Train a model for at least one epoch. Then draw a digit and watch the model encode it,
            find the digits nearest any image by its code, and compare PCA’s eigen-images with the
            features the autoencoder learned.
          </p>
        </div>
      )}
      {ready && (
        <div
          className={`view-grid lab-grid ${stale ? 'stale-results' : ''}`}
          data-testid="lab-grid"
        >
          <DrawPanel runId={runId} codes={codes} />
          <FindPanel codes={codes} samples={samples} activation={activation} />
          <EigenPanel samples={samples} features={features} />
          {hasWinners(design ?? current) && <Winners runId={runId} samples={samples} />}
          {hasChainNoise(design ?? current) && <ChainWalk runId={runId} samples={samples} />}
        </div>
      )}
      {runId !== null && <ArithmeticPanel runId={runId} />}
    </main>
  );
}
