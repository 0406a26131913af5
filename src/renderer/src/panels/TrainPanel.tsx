import { useShallow } from 'zustand/react/shallow';
import { startTraining, stopTraining } from '../app/training';
import { studio } from '../app/studio';
import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { describeProgress, describeRun, runFraction } from './runStatus';
import { SettingField } from './SettingField';

/** Training settings, Start and Stop, progress with ETA and the run's status line. */
export function TrainPanel() {
  const run = useRun(
    useShallow((s) => ({
      settings: s.settings,
      data: s.data,
      runId: s.runId,
      phase: s.phase,
      totalEpochs: s.totalEpochs,
      progress: s.progress,
      batchLosses: s.batchLosses,
      epochs: s.epochs,
      snapshot: s.snapshot,
      ended: s.ended,
      epochBase: s.epochBase,
    })),
  );
  const edit = runStore.getState().editSettings;
  const active = isActive(run.phase);
  const fraction = runFraction(run);

  return (
    <section className="panel train-panel" aria-label="Train">
      <h2 className="panel-title">Train</h2>
      <div className="settings-row">
        <SettingField
          label="Epochs"
          testId="train-epochs"
          value={run.settings.epochs}
          integer
          min={1}
          max={100000}
          disabled={active}
          help="How many times the model goes through all the training digits."
          onCommit={(epochs) => edit({ epochs })}
        />
        <SettingField
          label="Batch size"
          testId="train-batch"
          value={run.settings.batchSize}
          integer
          min={1}
          max={65536}
          disabled={active}
          help="How many digits the model looks at before each small correction."
          onCommit={(batchSize) => edit({ batchSize })}
        />
        <SettingField
          label="Learning rate"
          testId="train-lr"
          value={run.settings.learningRate}
          min={1e-7}
          max={10}
          step={0.0001}
          disabled={active}
          help="How big each correction is. Too big and the loss jumps around; too small and it learns slowly."
          onCommit={(learningRate) => edit({ learningRate })}
        />
      </div>
      <div className="button-row">
        <button
          className="button primary"
          data-testid="train-start"
          disabled={active}
          onClick={() => void startTraining(studio())}
        >
          <span aria-hidden="true">▶</span> Start
        </button>
        <button
          className="button"
          data-testid="train-stop"
          disabled={!active || run.phase === 'stopping'}
          onClick={() => void stopTraining(studio())}
        >
          <span aria-hidden="true">■</span> Stop
        </button>
        <span className="optimizer-note" title="Optimizer from the preset">
          {run.settings.optimizer}
        </span>
      </div>
      <div
        className={`progress ${active ? 'active' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="progress-text">{describeProgress(run) || '\u00a0'}</div>
      <div
        className={`run-status phase-${run.phase} ${run.ended ? `status-${run.ended.status}` : ''}`}
        data-testid="run-status"
      >
        {describeRun(run)}
      </div>
    </section>
  );
}
