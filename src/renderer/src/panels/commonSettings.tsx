import type { TrainSettings } from '../../../shared/contract/training';
import { totalPhaseEpochs, type PhaseEpochs } from '../../../shared/presets/procedurePhases';
import { SettingField } from './SettingField';
import { useProcedurePlan } from './useProcedurePlan';

/** What the three settings every panel shows need: the values, whether a run locks them, an edit. */
export interface CommonSettingProps {
  settings: TrainSettings;
  disabled: boolean;
  edit: (patch: Partial<TrainSettings>) => void;
}

export const LearningRateField = ({ settings, disabled, edit }: CommonSettingProps) => (
  <SettingField
    label="Learning rate"
    testId="train-lr"
    value={settings.learningRate}
    min={1e-7}
    max={10}
    step={0.0001}
    disabled={disabled}
    help="How big each correction is. Too big and the loss jumps around; too small and it learns slowly."
    onCommit={(learningRate) => edit({ learningRate })}
  />
);

export const BatchSizeField = ({ settings, disabled, edit }: CommonSettingProps) => (
  <SettingField
    label="Batch size"
    testId="train-batch"
    value={settings.batchSize}
    integer
    min={1}
    max={65536}
    disabled={disabled}
    help="How many samples the model looks at before each small correction."
    onCommit={(batchSize) => edit({ batchSize })}
  />
);

/** Processor threads for training and decoding; 0 uses every core (the badge shows how many run). */
export const ThreadsField = ({ settings, disabled, edit }: CommonSettingProps) => (
  <SettingField
    label="Threads"
    testId="train-threads"
    value={settings.threads}
    integer
    min={0}
    max={1024}
    disabled={disabled}
    help="How many processor cores train the model: 0 uses all of them (up to 8). Fewer leaves cores free for other work."
    onCommit={(threads) => edit({ threads })}
  />
);

/** Epochs; for a design trained in phases the number is per phase, and the field says so. */
export function EpochsField({ settings, disabled, edit }: CommonSettingProps) {
  const plan = useProcedurePlan(settings.epochs);
  return (
    <SettingField
      label={plan ? 'Epochs (each phase)' : 'Epochs'}
      testId="train-epochs"
      value={settings.epochs}
      integer
      min={1}
      max={100000}
      disabled={disabled}
      help={
        plan
          ? 'How many times each phase goes through all its training samples.'
          : 'How many times the model goes through all the training samples.'
      }
      note={plan ? planNote(plan) : undefined}
      onCommit={(epochs) => edit({ epochs })}
    />
  );
}

/** "3 phases · 3 epochs in all", naming any phase whose own epochs the procedure sets. */
function planNote(plan: readonly PhaseEpochs[]): string {
  const fixed = plan
    .filter((p) => p.fixed)
    .map((p) => `${p.label} ${p.epochs} (set by the design)`);
  const all = `${plan.length} phases · ${totalPhaseEpochs(plan)} epochs in all`;
  return fixed.length > 0 ? `${all}; ${fixed.join(', ')}` : all;
}
