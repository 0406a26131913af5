import type * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../../shared/contract/training';
import type { BuiltModel } from '../../model';
import { makeOptimizer } from '../optimizer';
import type { GameModels } from './build';
import type { GameState } from './checkpoint';
import { variablesOf } from './net';
import { playerOptimizer } from './steps';

export const DISCRIMINATOR_OPTIMIZER = 'discriminator-optimizer';
export const ENCODER_OPTIMIZER = 'encoder-optimizer';

/** An adversarial autoencoder's parts the batches need: its layers by name and its encoder's variables. */
export interface AaeParts {
  built: BuiltModel;
  layers: Map<string, tf.layers.Layer>;
  codeLayer: string;
  /** Every trainable variable of the autoencoder (the reconstruction step moves them all). */
  variables: tf.Variable[];
  /** The encoder's trainable variables (the adversarial step moves only these). */
  encoderVariables: tf.Variable[];
}

/** A game's players with their optimizers: each player its own Adam and state. */
export interface GameSession {
  models: GameModels;
  state: GameState;
  discriminatorOptimizer: tf.Optimizer;
  /** The generator's (GAN) or the encoder's adversarial (AAE) optimizer. */
  generatorOptimizer: tf.Optimizer;
  aae: AaeParts | null;
  dispose(): void;
}

/** Makes the optimizers of a game: Adam with the Adversary's rates and beta1 for each player. */
export function gameSession(models: GameModels, settings: TrainSettings): GameSession {
  const { rules } = models.game;
  const dOpt = playerOptimizer(rules.discriminatorLearningRate, rules.beta1);
  const gOpt = playerOptimizer(rules.generatorLearningRate, rules.beta1);
  if (models.kind === 'gan') {
    return {
      models,
      state: {
        main: { model: models.generator.model, optimizer: gOpt },
        discriminator: models.discriminator,
        optimizers: { [DISCRIMINATOR_OPTIMIZER]: dOpt },
        reference: null,
      },
      discriminatorOptimizer: dOpt,
      generatorOptimizer: gOpt,
      aae: null,
      dispose: () => (dOpt.dispose(), gOpt.dispose()),
    };
  }
  const { built } = models;
  const recOpt = makeOptimizer(settings);
  const spec = built.spec;
  const layers = new Map(
    spec.config.layers
      .filter((l) => l.class_name !== 'InputLayer')
      .map((l) => [l.name, built.model.getLayer(l.name)]),
  );
  return {
    models,
    state: {
      main: { model: built.model, optimizer: recOpt },
      discriminator: models.discriminator,
      optimizers: { [DISCRIMINATOR_OPTIMIZER]: dOpt, [ENCODER_OPTIMIZER]: gOpt },
      reference: null,
    },
    discriminatorOptimizer: dOpt,
    generatorOptimizer: gOpt,
    aae: {
      built,
      layers,
      codeLayer: spec.studio.codeLayer ?? spec.studio.outputLayer,
      variables: variablesOf(built.model),
      encoderVariables: variablesOf(built.encoder),
    },
    dispose: () => (dOpt.dispose(), gOpt.dispose(), recOpt.dispose()),
  };
}
