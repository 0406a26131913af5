import type { TrainSettings } from '../../../shared/contract/training';

/** What a person reads when the loss stops being a number. */
export const divergedMessage = (epoch: number, batch: number, settings: TrainSettings): string =>
  `Training stopped in epoch ${epoch}, batch ${batch}: the loss is no longer a number (it grew without bound). ` +
  `The learning rate ${settings.learningRate} is probably too large; try ${suggestRate(settings.learningRate)}. ` +
  'The weights from before this batch were kept.';

const suggestRate = (rate: number): string => (rate > 0.01 ? '0.001' : String(rate / 10));

export const trainerCrashedMessage = (detail: string): string =>
  `The training process stopped unexpectedly (${detail}). Your design is safe; press Train to start again.`;

export const inputMismatchMessage = (
  inputSize: number,
  dataName: string,
  sampleSize: number,
  shape: number[],
): string =>
  `The Input node expects ${inputSize} values per sample, but ${dataName} has ${sampleSize}. ` +
  `Set the Input's shape to ${shape.join('×')}.`;
