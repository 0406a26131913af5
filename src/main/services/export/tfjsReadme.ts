import { mdCode } from '../../../shared/escape/markdown';

/** The README written beside an exported TensorFlow.js model: how to load it, custom layers named. */
export function tfjsReadme(parts: string[], customLayers: string[]): string {
  const custom =
    customLayers.length === 0
      ? 'The model uses only built-in TensorFlow.js layers: no registration is needed.'
      : [
          `The design uses layers of Autoencoder Studio: ${customLayers.map(mdCode).join(', ')}.`,
          `${parts.map((p) => mdCode(`${p}/`)).join(', ')} hold none of them: each is written as stock TensorFlow.js runs it outside training, so it loads with no registration and predicts what the app predicts.`,
          '- `Code` (a sparsity or contractive penalty on the code) and the noise layers change values only while training: they are left out and the next layer reads their input.',
          '- `TiedDense` is written as a plain `Dense` layer holding the transposed kernel of the layer it is tied to: the same numbers, standing on their own.',
          '- `Sampling` (the variational autoencoder) outputs the mean: the encoder gives the mean of the code, not a random draw, and the log-variance layer is left out.',
          '',
          `${mdCode('design/')} is the design as built, custom layers included, for opening again in Autoencoder Studio. To load it in tfjs, register a class of the same name for each custom layer with`,
          "`tf.serialization.registerClass(MyLayer)` (the app's own are in `src/main/services/model/layers/`; its `registerCustomLayers()` registers them all, and `linkTiedLayers(model)` links each TiedDense to its partner).",
        ].join('\n');
  return [
    '# TensorFlow.js model exported from Autoencoder Studio',
    '',
    'Folders (each a `model.json` with its `weights.bin`, in the tf.io layers format):',
    '',
    ...parts.map(
      (p) =>
        `- ${mdCode(`${p}/`)}: ${p === 'model' ? 'the whole autoencoder (input → reconstruction)' : p === 'encoder' ? 'input → code' : 'code → reconstruction'}`,
    ),
    `- ${mdCode('design/')}: the design as built, to open again in Autoencoder Studio (Import model… with its model.json and weights.bin)`,
    '',
    '## Loading',
    '',
    '```js',
    "import * as tf from '@tensorflow/tfjs';",
    '// In a browser, serve the folder and pass its URL; in Node use @tensorflow/tfjs-node and a file:// URL.',
    "const model = await tf.loadLayersModel('model/model.json');",
    'const reconstruction = model.predict(tf.zeros([1, ...model.inputs[0].shape.slice(1)]));',
    '```',
    '',
    '## Layers',
    '',
    custom,
    '',
  ].join('\n');
}
