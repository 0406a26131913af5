import { defineKind } from '../defineKind';
import { choice, integer, number } from '../params';
import { short } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    Prior: true;
  }
}

/**
 * The noise a game draws: the generator's input in a GAN, the "real" codes in an adversarial
 * autoencoder (see compiler/game.ts). It adds no layer of its own: in the network it feeds it is
 * that network's InputLayer, named after this node, so it owns no Keras class (Input does) and a
 * saved generator opens again with an Input in its place.
 */
export const descriptor = defineKind({
  kind: 'Prior',
  order: 174,
  category: 'Adversarial',
  title: 'Prior (noise)',
  explanation:
    'Random numbers drawn fresh for every sample: what a generator turns into made-up samples, or the codes an adversarial autoencoder should look like.',
  params: {
    distribution: choice(
      'Distribution',
      "How the numbers are drawn: 'normal' from a bell curve around 0, 'uniform' evenly between -spread and +spread.",
      'normal',
      ['normal', 'uniform'],
    ),
    size: integer(
      'Size',
      'How many random numbers each sample gets (100 for a GAN).',
      100,
      1,
      4096,
    ),
    spread: number(
      'Spread',
      "The bell curve's standard deviation ('normal') or the largest value ('uniform'); 1 is usual.",
      1,
      { min: 0.0001, max: 100, step: 0.1 },
    ),
  },
  ports: [],
  inferShape: ({ params }) => ({ ok: true, shape: [params.size] }),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: ({ output }) => ({
    className: 'InputLayer',
    config: { batch_input_shape: [null, ...output], dtype: 'float32', sparse: false },
  }),
  diagram: {
    detail: (p) =>
      p.distribution === 'normal'
        ? `noise N(0, ${short(p.spread)}²) × ${p.size}`
        : `noise U(±${short(p.spread)}) × ${p.size}`,
    colors: {
      default: '#F28E8C',
      colorblind: '#E69F00',
      print: { fill: '#E0E0E0', texture: 'dots' },
    },
  },
});
