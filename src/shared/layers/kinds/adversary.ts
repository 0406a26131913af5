import { defineKind } from '../defineKind';
import { choice, integer, number } from '../params';
import { short } from '../words';

declare module '../kindNames' {
  interface NodeKinds {
    Adversary: true;
  }
}

const rate = (label: string, help: string) =>
  number(label, help, 0.0002, { min: 0.000001, max: 1, step: 0.0001 });

/**
 * States the game (see compiler/game.ts): 'score' takes the discriminator's one value, 'fake' what
 * the generator made. Like Output it marks an end and adds no layer; the trainer reads its rules.
 */
export const descriptor = defineKind({
  kind: 'Adversary',
  order: 176,
  category: 'Adversarial',
  title: 'Adversary (the game)',
  explanation:
    'Sets two networks against each other: the discriminator learns to tell real samples from made-up ones, the generator learns to fool it.',
  params: {
    generatorLoss: choice(
      'Generator loss',
      "'non-saturating' (the usual choice) makes the generator push the judge's score of its fakes up; 'minimax' is the original game, which learns slowly at the start.",
      'non-saturating',
      ['non-saturating', 'minimax'],
    ),
    realLabel: number(
      'Real label',
      'The score the judge should give real samples: 1, or 0.9 to keep it from becoming too sure.',
      1,
      { min: 0.5, max: 1, step: 0.05 },
    ),
    fakeLabel: number(
      'Fake label',
      'The score the judge should give made-up samples: usually 0.',
      0,
      { min: 0, max: 0.5, step: 0.05 },
    ),
    discriminatorSteps: integer(
      'Judge steps',
      'How many times the discriminator learns for each time the generator learns.',
      1,
      1,
      10,
    ),
    discriminatorLearningRate: rate(
      'Judge learning rate',
      "The size of the discriminator's learning steps (0.0002 in the DCGAN paper).",
    ),
    generatorLearningRate: rate(
      'Generator learning rate',
      "The size of the generator's learning steps (0.0002 in the DCGAN paper).",
    ),
    beta1: number(
      'Momentum (beta1)',
      "How much each player's optimizer keeps of its earlier steps: 0.5 for GANs, 0.9 elsewhere.",
      0.5,
      { min: 0, max: 0.999, step: 0.05 },
    ),
    adversarialWeight: number(
      'Adversarial weight',
      'Adversarial autoencoders only: how much fooling the judge counts beside rebuilding the input.',
      1,
      { min: 0, max: 100, step: 0.1 },
    ),
  },
  ports: ['score', 'fake'],
  // It passes the judge's score on, which is what the summary shows for it.
  inferShape: ({ inputs }) => ({ ok: true, shape: [...inputs.score] }),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toKeras: () => null,
  diagram: {
    detail: (p) =>
      `${p.generatorLoss} · real ${short(p.realLabel)} / fake ${short(p.fakeLabel)}` +
      (p.discriminatorSteps === 1 ? '' : ` · ${p.discriminatorSteps}× judge`),
    colors: {
      default: '#E15759',
      colorblind: '#D55E00',
      print: { fill: '#C8C8C8', texture: 'grid' },
    },
  },
});
