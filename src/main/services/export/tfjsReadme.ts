import type { GameKind } from '../../../shared/compiler/game';
import { mdCode } from '../../../shared/escape/markdown';

/** What the inference zip holds beyond its parts: a game, and layers that act at inference. */
export interface TfjsReadmeFacts {
  /** A part keeps an app layer at inference (a top-k code): custom-layers.js is in the zip. */
  keepsCustom: boolean;
  /** The game the design plays, or null for an ordinary design. */
  game: GameKind | null;
}

const PART_TEXT: Record<string, (game: GameKind | null) => string> = {
  model: () => 'the whole autoencoder (input → reconstruction)',
  encoder: () => 'input → code',
  decoder: (game) =>
    game === 'aae'
      ? "code → reconstruction; it is also the generator: codes drawn from the Prior's distribution make new samples"
      : 'code → reconstruction',
  generator: () =>
    "the generator: the Prior's noise → a generated sample. This is the model to deploy",
  discriminator: (game) =>
    game === 'gan'
      ? 'the discriminator: a sample → the probability (0 to 1) that it is real'
      : "the discriminator: a code → the probability (0 to 1) that it was drawn from the Prior's distribution",
};

/** The paragraph on a game: which folder generates, and why the discriminator is there too. */
function gameText(game: GameKind): string[] {
  const generates =
    game === 'gan'
      ? "This design is a generative adversarial network. `generator/` makes samples from noise: feed it a batch of noise shaped like its input, drawn as the Prior node draws it (the design's distribution and spread). There is no encoder: a GAN does not reconstruct."
      : "This design is an adversarial autoencoder. `model/`, `encoder/` and `decoder/` are its autoencoder; `decoder/` is also its generator: feed it codes drawn from the Prior node's distribution.";
  return [
    '## The game',
    '',
    generates,
    '`discriminator/` is included as well, to score samples or to go on with the game in your own code; you do not need it to generate.',
    `${mdCode('design/')} keeps both players: the discriminator's weights are in ${mdCode('design/discriminator.bin')}, a second file of its manifest. It is meant for opening again in Autoencoder Studio; to load a network in TensorFlow.js, use the other folders.`,
    '',
  ];
}

/** The README written beside an exported TensorFlow.js model: how to load it, custom layers named. */
export function tfjsReadme(
  parts: string[],
  customLayers: string[],
  facts: TfjsReadmeFacts = { keepsCustom: false, game: null },
): string {
  const folders = parts.map((p) => mdCode(`${p}/`)).join(', ');
  const custom =
    customLayers.length === 0
      ? 'The model uses only built-in TensorFlow.js layers: no registration is needed.'
      : [
          `The design uses layers of Autoencoder Studio: ${customLayers.map(mdCode).join(', ')}.`,
          facts.keepsCustom
            ? `A \`Code\` that keeps only the top k values of each sample acts at inference too, so the folders with it keep it: import ${mdCode('custom-layers.js')} (in this zip; it registers the app's layers with your \`@tensorflow/tfjs\`) before loading them. Every other app layer is left out as below.`
            : `${folders} hold none of them: each is written as stock TensorFlow.js runs it outside training, so it loads with no registration and predicts what the app predicts.`,
          '- `Code` (a sparsity or contractive penalty on the code) and the noise layers change values only while training: they are left out and the next layer reads their input.',
          '- `TiedDense` is written as a plain `Dense` layer holding the transposed kernel of the layer it is tied to: the same numbers, standing on their own.',
          '- `Sampling` (the variational autoencoder) outputs the mean: the encoder gives the mean of the code, not a random draw, and the log-variance layer is left out.',
          '',
          `${mdCode('design/')} is the design as built, custom layers included, for opening again in Autoencoder Studio. To train it further in TensorFlow.js, export "TensorFlow.js (continue training)": it ships the model with ${mdCode('custom-layers.js')}, which registers these layers.`,
        ].join('\n');
  const first = parts[0] ?? 'model';
  return [
    '# TensorFlow.js model exported from Autoencoder Studio',
    '',
    'Folders (each a `model.json` with its `weights.bin` beside it, in the tf.io layers format):',
    '',
    ...parts.map((p) => `- ${mdCode(`${p}/`)}: ${PART_TEXT[p]?.(facts.game) ?? p}`),
    `- ${mdCode('design/')}: the design as built, to open again in Autoencoder Studio (Import model… with its model.json and weights.bin)`,
    '',
    ...(facts.game ? gameText(facts.game) : []),
    '## Loading',
    '',
    '```js',
    "import * as tf from '@tensorflow/tfjs';",
    ...(facts.keepsCustom
      ? ["import './custom-layers.js'; // registers the top-k Code layer"]
      : []),
    '// In a browser, serve the folder and pass its URL; in Node use @tensorflow/tfjs-node and a file:// URL.',
    `const model = await tf.loadLayersModel('${first}/model.json');`,
    facts.game === 'gan'
      ? 'const samples = model.predict(tf.randomNormal([16, ...model.inputs[0].shape.slice(1)]));'
      : 'const reconstruction = model.predict(tf.zeros([1, ...model.inputs[0].shape.slice(1)]));',
    '```',
    '',
    '## Layers',
    '',
    custom,
    '',
  ].join('\n');
}

/** The README of the "continue training" export: how to load the model and train it further. */
export function tfjsTrainingReadme(customLayers: string[]): string {
  const layers =
    customLayers.length === 0
      ? 'This design uses only built-in TensorFlow.js layers; importing `custom-layers.js` does no harm.'
      : `This design uses layers of Autoencoder Studio: ${customLayers.map(mdCode).join(', ')}. \`custom-layers.js\` is the app's own code for them, bundled into one ES module that imports \`@tensorflow/tfjs\` (yours) and registers them with \`tf.serialization.registerClass\`.`;
  return [
    '# TensorFlow.js model to continue training, exported from Autoencoder Studio',
    '',
    '- `model.json` and `weights.bin`: the whole model as the app trains it, custom layers included, with its loss and optimizer (so `fit` works at once).',
    '- `custom-layers.js`: registers the custom layers; import it before loading.',
    '',
    layers,
    '',
    '## Loading and training',
    '',
    '```js',
    "import * as tf from '@tensorflow/tfjs';",
    "import { loadTrainingModel } from './custom-layers.js';",
    '',
    '// In a browser, serve this folder and pass the URL of model.json. In Node, pass a handler that',
    '// reads the two files (or use @tensorflow/tfjs-node with a file:// URL).',
    "const model = await loadTrainingModel('model.json');",
    '// x: your images scaled to [0, 1], shaped like model.inputs[0] ([n, 784] or [n, 28, 28, 1]).',
    'await model.fit(x, x, { epochs: 5, batchSize: 64 });',
    "await model.save('downloads://continued');",
    '```',
    '',
    '`loadTrainingModel` is `tf.loadLayersModel` followed by `linkTiedLayers(model)`: a `TiedDense` layer',
    'saves only the name of the layer whose kernel it mirrors, and must be linked to it before it runs. If you',
    'call `tf.loadLayersModel` yourself, call `linkTiedLayers(model)` (also exported) right after.',
    '',
    '## What `fit` trains',
    '',
    '`model.fit` minimizes the reconstruction loss. The app adds its extra loss terms (sparsity, contractive,',
    "the VAE's KL divergence) in its own training loop; they are methods of the layers (`Code.sparsityTerm`,",
    '`Code.contractiveTerm`, `Sampling.klTerm`), to add in a custom loop with `tf.variableGrads` if you need them.',
    'Noise layers corrupt the input and `Sampling` draws a random code only while training, as in the app.',
    '',
  ].join('\n');
}
