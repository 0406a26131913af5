import { choice } from './params';
import { sameShape } from './shapeRules';
import type { LayerDescriptor } from './types';

export const LOSSES = ['binaryCrossentropy', 'mse', 'categoricalCrossentropy'] as const;

export const outputDescriptor: LayerDescriptor = {
  kind: 'Output',
  category: 'Heads',
  explanation:
    "The model's result, compared with the clean input (or the label) to measure how wrong it is.",
  params: {
    loss: choice(
      'Loss',
      "How the error is measured: 'binaryCrossentropy' for pixels between 0 and 1, 'mse' for any values, 'categoricalCrossentropy' for classes.",
      'binaryCrossentropy',
      LOSSES,
    ),
  },
  ports: ['in'],
  inferShape: sameShape,
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: () => null,
};
