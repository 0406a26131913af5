import type { GameKind } from '../../../../shared/compiler/game';

/** What a person reads when a player's loss stops being a number. */
export const gameDivergedMessage = (
  epoch: number,
  batch: number,
  player: 'discriminator' | 'generator' | 'encoder' | 'autoencoder',
  learningRate: number,
): string =>
  `Training stopped in epoch ${epoch}, batch ${batch}: the ${player}'s loss is no longer a number ` +
  `(it grew without bound). Its learning rate ${learningRate} is probably too large; try ` +
  `${learningRate > 0.01 ? '0.0002' : String(learningRate / 10)}. The weights from before this batch were kept.`;

/** The mode-collapse warning, with what to try. */
export const modeCollapseMessage = (
  epoch: number,
  diversity: number | null,
  kind: GameKind,
  shareOfReal: number | null = null,
): string =>
  `After epoch ${epoch} the samples made from the fixed noise hardly differ from one another` +
  (shareOfReal !== null
    ? ` (their spread is ${Math.round(shareOfReal * 100)}% of the real samples' and has not grown since epoch 1)`
    : diversity === null
      ? ''
      : ` (their spread is ${Math.round(diversity * 100)}% of epoch 1's)`) +
  `: the ${kind === 'gan' ? 'generator' : 'decoder'} makes nearly the same picture whatever the noise ` +
  '(mode collapse). Try a lower generator learning rate, one-sided label smoothing (real label ' +
  '0.9), more discriminator steps per generator step, or start again with another seed.';

export const ganHasNoEncoderMessage =
  'A GAN has no encoder: its generator makes pictures from noise, and nothing in it turns a ' +
  'picture back into a code. Use the latent grid or walks, which start from noise.';

export const noCheckpointGameMessage =
  "The checkpoint does not hold this game's discriminator and optimizers, so the run cannot continue from it; start it again.";
