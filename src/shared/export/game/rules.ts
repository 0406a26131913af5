/**
 * The game's rules and prior as constants at the top of a script (Keras or PyTorch alike), so a
 * reader changes the game in one place.
 */
import type { GameSpec } from '../../compiler/game';
import { pyValue } from '../python';

/** Module-level names these constants take: no generated variable may shadow them. */
export const RULE_NAMES = [
  'PRIOR_DISTRIBUTION',
  'PRIOR_SIZE',
  'PRIOR_SPREAD',
  'GENERATOR_LOSS',
  'REAL_LABEL',
  'FAKE_LABEL',
  'DISCRIMINATOR_STEPS',
  'DISCRIMINATOR_LEARNING_RATE',
  'GENERATOR_LEARNING_RATE',
  'BETA_1',
  'ADVERSARIAL_WEIGHT',
  'EPOCHS',
  'prior_noise',
  'probability_loss',
  'generator_loss',
  'generate',
  'train_game',
  'decoder_of',
] as const;

/** The constants, each with why it is there. */
export function ruleLines(game: GameSpec, epochs: number): string[] {
  const { prior, rules } = game;
  const lines = [
    '# The Prior node: the noise the generator starts from (N(0, spread^2) or U(-spread, spread)).',
    `PRIOR_DISTRIBUTION = ${pyValue(prior.distribution)}`,
    `PRIOR_SIZE = ${pyValue(prior.size)}`,
    `PRIOR_SPREAD = ${pyValue(prior.spread)}`,
    '# The Adversary node: the rules of the game.',
    '# "non-saturating": G minimizes -log D(G(z)); "minimax": G minimizes log(1 - D(G(z))).',
    `GENERATOR_LOSS = ${pyValue(rules.generatorLoss)}`,
    "# The labels real and generated samples get in the discriminator's loss (smoothing moves them).",
    `REAL_LABEL = ${pyValue(rules.realLabel)}`,
    `FAKE_LABEL = ${pyValue(rules.fakeLabel)}`,
    '# Discriminator updates per generator update, each player with its own Adam.',
    `DISCRIMINATOR_STEPS = ${pyValue(rules.discriminatorSteps)}`,
    `DISCRIMINATOR_LEARNING_RATE = ${pyValue(rules.discriminatorLearningRate)}`,
    `GENERATOR_LEARNING_RATE = ${pyValue(rules.generatorLearningRate)}`,
    `BETA_1 = ${pyValue(rules.beta1)}`,
  ];
  if (game.kind === 'aae')
    lines.push(
      '# How much fooling the discriminator counts beside the reconstruction, for the encoder.',
      `ADVERSARIAL_WEIGHT = ${pyValue(rules.adversarialWeight)}`,
    );
  lines.push(`EPOCHS = ${pyValue(epochs)}`);
  return lines;
}

/** One line of the docstring saying which game this is. */
export const gameWords = (game: GameSpec): string =>
  game.kind === 'gan'
    ? 'A generative adversarial network: a generator makes samples from noise, a discriminator tells them from real ones.'
    : 'An adversarial autoencoder: an autoencoder reconstructs, a discriminator tells its codes from samples of the prior.';
