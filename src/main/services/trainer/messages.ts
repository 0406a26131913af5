import type { TrainSettings } from '../../../shared/contract/training';

/** What a person reads when the loss stops being a number. */
export const divergedMessage = (epoch: number, batch: number, settings: TrainSettings): string =>
  `Training stopped in epoch ${epoch}, batch ${batch}: the loss is no longer a number (it grew without bound). ` +
  `The learning rate ${settings.learningRate} is probably too large; try ${suggestRate(settings.learningRate)}. ` +
  'The weights from before this batch were kept.';

/** What a person reads when an epoch's validation loss is not a number. */
export const nonFiniteValidationMessage = (
  epoch: number,
  value: number,
  settings: TrainSettings,
): string =>
  `Training stopped after epoch ${epoch}: the validation loss is not a number (${Number.isNaN(value) ? 'NaN' : 'infinite'}), ` +
  'so the model gives no usable output for some validation samples. Check the data for missing or ' +
  `non-numeric values; if the data are fine, the learning rate ${settings.learningRate} is probably ` +
  `too large; try ${suggestRate(settings.learningRate)}. The checkpoint of the epoch before was kept.`;

const suggestRate = (rate: number): string => (rate > 0.01 ? '0.001' : String(rate / 10));

export const trainerCrashedMessage = (detail: string): string =>
  `The training process stopped unexpectedly (${detail}). Your design is safe; press Train to start again.`;

export const trainerProtocolMessage =
  'The training process sent a message the app could not understand, so the run was stopped ' +
  'rather than shown wrong. Your design is safe; press Train to start again. ' +
  '(This is a fault in the app; its log has the details.)';

export const refusedRunMessage =
  'The training process could not read what the app asked of it, so nothing was done. ' +
  'Your design is safe; try again. (This is a fault in the app; its log has the details.)';

export const wrongReplyMessage = (request: string): string =>
  `The training process answered ${request === 'that request' ? request : `the ${request} request`} ` +
  'in a form the app did not understand, so the answer was not used. Try again; if it happens ' +
  'again, restart the app. (This is a fault in the app; its log has the details.)';

export const inputMismatchMessage = (
  inputSize: number,
  dataName: string,
  sampleSize: number,
  shape: number[],
): string =>
  `The Input node expects ${inputSize} values per sample, but ${dataName} has ${sampleSize}. ` +
  `Set the Input's shape to ${shape.join('×')}.`;
