import { defineKind } from '../defineKind';
import { choice } from '../params';
import { sameShape } from '../shapeRules';

declare module '../kindNames' {
  interface NodeKinds {
    Output: true;
  }
}

export const LOSSES = ['binaryCrossentropy', 'mse', 'categoricalCrossentropy'] as const;

const LOSS_NAMES: Record<(typeof LOSSES)[number], string> = {
  binaryCrossentropy: 'binary cross-entropy',
  mse: 'mean squared error',
  categoricalCrossentropy: 'cross-entropy',
};

/** Marks the model's end: it adds no layer, so it has no Keras class. */
export const descriptor = defineKind({
  kind: 'Output',
  order: 180,
  category: 'Heads',
  title: 'Output',
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
  diagram: {
    detail: (p) => LOSS_NAMES[p.loss],
    colors: {
      default: '#6F7D92',
      colorblind: '#BBBBBB',
      print: { fill: '#EDEDED', texture: 'none' },
    },
  },
});
