import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { RunControls } from './RunControls';
import { SettingField } from './SettingField';

/** The compact Train panel of the Editor tab: the three settings changed most, and the run. */
export function TrainPanel() {
  const settings = useRun((s) => s.settings);
  const active = useRun((s) => isActive(s.phase));
  const edit = runStore.getState().editSettings;

  return (
    <section className="panel train-panel" aria-label="Train">
      <h2 className="panel-title">Train</h2>
      <div className="settings-row">
        <SettingField
          label="Epochs"
          testId="train-epochs"
          value={settings.epochs}
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
          value={settings.batchSize}
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
          value={settings.learningRate}
          min={1e-7}
          max={10}
          step={0.0001}
          disabled={active}
          help="How big each correction is. Too big and the loss jumps around; too small and it learns slowly."
          onCommit={(learningRate) => edit({ learningRate })}
        />
      </div>
      <RunControls optimizer />
    </section>
  );
}
