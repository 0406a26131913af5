import type { KerasModelSpec } from './spec';

/**
 * A design that plays an adversarial game: a Prior node (noise), an Adversary node (the rules)
 * whose 'score' port takes the discriminator's one value and whose 'fake' port takes what the
 * generator made. The discriminator is drawn once, from its source (the Input for a GAN, the
 * Prior for an adversarial autoencoder) to the Adversary's 'score' port, and is applied both to
 * real samples (what its source gives) and to generated ones (what reaches 'fake').
 *
 * - gan: Prior -> generator layers -> Adversary.fake; Input -> discriminator -> Adversary.score.
 *   No Output node: nothing is reconstructed.
 * - aae: Input -> encoder -> code -> decoder -> Output (an ordinary autoencoder) and the code ->
 *   Adversary.fake; Prior -> discriminator -> Adversary.score (the prior's samples are "real").
 */
export type GameKind = 'gan' | 'aae';

/** The noise a Prior node draws: N(0, spread^2) or U(-spread, spread), `size` values per sample. */
export interface PriorSpec {
  distribution: 'normal' | 'uniform';
  size: number;
  spread: number;
}

/** What the Adversary node states about the game. */
export interface GameRules {
  /** 'non-saturating': G minimizes -log D(G(z)); 'minimax': G minimizes log(1 - D(G(z))). */
  generatorLoss: 'non-saturating' | 'minimax';
  /** The label real samples get in the discriminator's loss (1, or 0.9 with one-sided smoothing). */
  realLabel: number;
  /** The label generated samples get (0, or a little above with smoothing). */
  fakeLabel: number;
  /** Discriminator updates per generator update. */
  discriminatorSteps: number;
  /** Each player's own Adam optimizer: learning rate and beta1 (0.5 in DCGAN). */
  discriminatorLearningRate: number;
  generatorLearningRate: number;
  beta1: number;
  /** AAE: how much the adversarial term counts beside the reconstruction loss. */
  adversarialWeight: number;
}

/** Every network of a game as an ordinary Keras functional spec, layer names unique across all. */
export type GameSpec =
  | {
      kind: 'gan';
      prior: PriorSpec;
      rules: GameRules;
      /** noise (an InputLayer of the prior's size, named after the Prior node) -> sample. */
      generator: KerasModelSpec;
      /** sample (the data's shape) -> one value in (0, 1). */
      discriminator: KerasModelSpec;
      /** Node ids of each player, for the canvas and the diagram's groups. */
      nodes: { prior: string; adversary: string; generator: string[]; discriminator: string[] };
    }
  | {
      kind: 'aae';
      prior: PriorSpec;
      rules: GameRules;
      /** data -> reconstruction; its code layer (studio.codeLayer) is what the Adversary judges. */
      autoencoder: KerasModelSpec;
      /** code (an InputLayer of the code's size, named after the Prior node) -> one value. */
      discriminator: KerasModelSpec;
      nodes: { prior: string; adversary: string; generator: string[]; discriminator: string[] };
    };
