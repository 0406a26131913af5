import { identity, type KindCase } from '../testing/kindCase';

export const kindCase: KindCase = {
  kind: 'Flatten',
  examples: [{ inputs: { in: [3, 4, 2] }, output: [24], count: { trainable: 0, nonTrainable: 0 } }],
  // Channels last, row after row: the flat order is the image's memory order.
  reference: identity,
  python: 'layers.Flatten(name="layer")',
  torch: 'x.reshape(x.shape[0], -1)',
};
