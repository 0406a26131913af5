import type { KerasLayerSpec, KerasModelSpec } from '../../../../shared/compiler';
import type { GameRules, GameSpec } from '../../../../shared/compiler/game';

/** A dense chain as a Keras functional spec, for tests that need a player without a design. */
export function denseChainSpec(
  input: { name: string; size: number },
  layers: { name: string; units: number; activation: string }[],
): KerasModelSpec {
  const entries: KerasLayerSpec[] = [
    {
      class_name: 'InputLayer',
      name: input.name,
      config: {
        name: input.name,
        trainable: true,
        dtype: 'float32',
        batch_input_shape: [null, input.size],
        sparse: false,
      },
      inbound_nodes: [],
    },
  ];
  let previous = input.name;
  for (const l of layers) {
    entries.push({
      class_name: 'Dense',
      name: l.name,
      config: {
        name: l.name,
        trainable: true,
        dtype: 'float32',
        units: l.units,
        activation: l.activation,
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
      },
      inbound_nodes: [[[previous, 0, 0, {}]]],
    });
    previous = l.name;
  }
  const names = entries.map((e) => e.name);
  return {
    class_name: 'Functional',
    config: {
      name: input.name,
      layers: entries,
      input_layers: [[input.name, 0, 0]],
      output_layers: [[previous, 0, 0]],
    },
    keras_version: '2.15.0',
    backend: 'tensorflow',
    studio: {
      layerOfNode: Object.fromEntries(names.map((n) => [n, n])),
      nodeOfLayer: Object.fromEntries(names.map((n) => [n, n])),
      inputLayer: input.name,
      outputLayer: previous,
      codeLayer: null,
      task: 'reconstruct',
      loss: 'binaryCrossentropy',
      inputShape: [input.size],
      classes: null,
      roleOfLayer: Object.fromEntries(names.map((n) => [n, null])),
      labelOfLayer: Object.fromEntries(names.map((n) => [n, n])),
    },
  };
}

export const DEFAULT_RULES: GameRules = {
  generatorLoss: 'non-saturating',
  realLabel: 1,
  fakeLabel: 0,
  discriminatorSteps: 1,
  discriminatorLearningRate: 0.0002,
  generatorLearningRate: 0.0002,
  beta1: 0.5,
  adversarialWeight: 1,
};

/** A small dense GAN on 784-value samples: noise(8) -> 32 -> 784; 784 -> 32 -> 1. */
export function smallGan(rules: Partial<GameRules> = {}): Extract<GameSpec, { kind: 'gan' }> {
  return {
    kind: 'gan',
    prior: { distribution: 'normal', size: 8, spread: 1 },
    rules: { ...DEFAULT_RULES, ...rules },
    generator: denseChainSpec({ name: 'noise', size: 8 }, [
      { name: 'g_hidden', units: 32, activation: 'relu' },
      { name: 'g_out', units: 784, activation: 'sigmoid' },
    ]),
    discriminator: denseChainSpec({ name: 'digits', size: 784 }, [
      { name: 'd_hidden', units: 32, activation: 'relu' },
      { name: 'd_score', units: 1, activation: 'sigmoid' },
    ]),
    nodes: { prior: 'noise', adversary: 'adversary', generator: [], discriminator: [] },
  };
}
