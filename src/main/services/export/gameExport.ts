/**
 * What the TensorFlow.js and ONNX exports of a game hold beside (or instead of) an autoencoder's
 * parts. buildModel gives a game's one network (a GAN's generator, an AAE's autoencoder); the
 * discriminator is built here from the game's spec, with the trained weights when given.
 */
import * as tf from '@tensorflow/tfjs';
import type { GameKind, GameSpec } from '../../../shared/compiler/game';
import { compiledGame } from '../../../shared/export/game/compiled';
import type { GraphDocument } from '../../../shared/graph/document';
import { assemble } from '../model/assemble';
import type { BuiltModel } from '../model';

/** A game's discriminator as a tfjs model, and which game it judges. */
export interface ExportGame {
  kind: GameKind;
  game: GameSpec;
  discriminator: tf.LayersModel;
}

/** Writes trained values (by weight name) into a model; a weight whose size differs is an error. */
export function writeTrainedWeights(
  model: tf.LayersModel,
  weights: Record<string, Float32Array>,
): string | null {
  for (const w of model.weights) {
    const values = weights[w.originalName];
    if (!values) continue;
    if (values.length !== w.shape.reduce((a, b) => a! * b!, 1))
      return `The trained weight '${w.originalName}' does not fit the model (the graph changed since training).`;
    const t = tf.tensor(values, w.shape as number[]);
    w.write(t);
    t.dispose();
  }
  return null;
}

/** The design's game with a fresh (seeded) discriminator, or null when it plays none. */
export function exportGameOf(doc: GraphDocument, seed?: number): ExportGame | null {
  const compiled = compiledGame(doc);
  if (!compiled) return null;
  const { model } = assemble(compiled.game.discriminator, seed);
  return { kind: compiled.game.kind, game: compiled.game, discriminator: model };
}

/** Frees a discriminator built by exportGameOf (its layers belong to no other model). */
export const disposeExportGame = (g: ExportGame | null): void => {
  for (const w of g?.discriminator.weights ?? []) w.dispose();
};

/**
 * The inference parts of a design by folder or file name. A GAN is its generator (noise ->
 * sample, what people deploy) and its discriminator; an AAE is an autoencoder (model, encoder,
 * decoder: its decoder is the generator of the prior's codes) and its discriminator.
 */
export function inferenceParts(
  built: BuiltModel,
  game: ExportGame | null,
): [string, tf.LayersModel][] {
  if (game?.kind === 'gan')
    return [
      ['generator', built.model],
      ['discriminator', game.discriminator],
    ];
  const parts: [string, tf.LayersModel][] = [
    ['model', built.model],
    ['encoder', built.encoder],
  ];
  if (built.decoder) parts.push(['decoder', built.decoder]);
  if (game) parts.push(['discriminator', game.discriminator]);
  return parts;
}

/** Every design node's layer name, the discriminator's included (one name space per design). */
export const layerOfNodeOf = (built: BuiltModel, game: ExportGame | null) => ({
  ...built.spec.studio.layerOfNode,
  ...(game?.game.discriminator.studio.layerOfNode ?? {}),
});
