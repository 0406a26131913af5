import type { TrainSettings } from '../../../shared/contract/training';
import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { ChoiceField } from './ChoiceField';
import { BatchSizeField, EpochsField, LearningRateField, ThreadsField } from './commonSettings';
import { SettingField } from './SettingField';

const OPTIMIZERS = [
  { value: 'adam', label: 'Adam' },
  { value: 'sgd', label: 'SGD (with momentum)' },
  { value: 'rmsprop', label: 'RMSprop' },
] as const;

/** Every setting of the trainer: optimizer, rates, batch, epochs, early stopping, seed. */
export function TrainerSettings() {
  const settings = useRun((s) => s.settings);
  const validationShare = useRun((s) => s.data.validationShare);
  const active = useRun((s) => isActive(s.phase));
  const edit = (patch: Partial<TrainSettings>) => runStore.getState().editSettings(patch);
  const common = { settings, disabled: active, edit };
  return (
    <section className="panel" aria-label="Trainer">
      <h2 className="panel-title">Trainer</h2>
      <div className="settings-grid">
        <ChoiceField
          label="Optimizer"
          testId="train-optimizer"
          value={settings.optimizer}
          options={OPTIMIZERS}
          disabled={active}
          help="How each correction is computed. Adam adapts the step of every weight and is the safe choice."
          onChange={(optimizer) => edit({ optimizer })}
        />
        <LearningRateField {...common} />
        {settings.optimizer === 'sgd' && (
          <SettingField
            label="Momentum"
            testId="train-momentum"
            value={settings.momentum}
            min={0}
            max={1}
            step={0.05}
            disabled={active}
            help="How much of the last correction SGD keeps going with (0.9 is usual)."
            onCommit={(momentum) => edit({ momentum })}
          />
        )}
        <BatchSizeField {...common} />
        <EpochsField {...common} />
        <ThreadsField {...common} />
        <SettingField
          label="Validation share"
          testId="train-validation"
          value={validationShare}
          min={0.01}
          max={0.9}
          step={0.05}
          disabled={active}
          help="The share of the samples kept aside to check the model on digits it never trained on."
          onCommit={(share) => runStore.getState().editData({ validationShare: share })}
        />
        <SettingField
          label="Early stop after (0 = off)"
          testId="train-patience"
          value={settings.earlyStoppingPatience ?? 0}
          integer
          min={0}
          max={10000}
          disabled={active}
          help="Stop when the validation loss has not improved for this many epochs in a row."
          onCommit={(n) => edit({ earlyStoppingPatience: n === 0 ? null : n })}
        />
        <SettingField
          label="Seed"
          testId="train-seed"
          value={settings.seed}
          integer
          min={0}
          max={2 ** 31 - 1}
          disabled={active}
          help="The starting point of the random numbers: the same seed trains the same model again."
          onCommit={(seed) => edit({ seed })}
        />
      </div>
    </section>
  );
}
