import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { RunControls } from './RunControls';
import { BatchSizeField, EpochsField, LearningRateField } from './commonSettings';

/** The compact Train panel of the Editor tab: the three settings changed most, and the run. */
export function TrainPanel() {
  const settings = useRun((s) => s.settings);
  const active = useRun((s) => isActive(s.phase));
  const common = { settings, disabled: active, edit: runStore.getState().editSettings };

  return (
    <section className="panel train-panel" aria-label="Train">
      <h2 className="panel-title">Train</h2>
      <div className="settings-row">
        <EpochsField {...common} />
        <BatchSizeField {...common} />
        <LearningRateField {...common} />
      </div>
      <RunControls optimizer />
    </section>
  );
}
