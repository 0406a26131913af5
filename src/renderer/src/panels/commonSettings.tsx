import type { TrainSettings } from '../../../shared/contract/training';
import { SettingField } from './SettingField';

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

export const EpochsField = ({ settings, disabled, edit }: CommonSettingProps) => (
  <SettingField
    label="Epochs"
    testId="train-epochs"
    value={settings.epochs}
    integer
    min={1}
    max={100000}
    disabled={disabled}
    help="How many times the model goes through all the training samples."
    onCommit={(epochs) => edit({ epochs })}
  />
);
