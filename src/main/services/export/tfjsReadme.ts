import { mdCode } from '../../../shared/escape/markdown';

/** The README written beside an exported TensorFlow.js model: how to load it, custom layers named. */
export function tfjsReadme(parts: string[], customLayers: string[]): string {
  const custom =
    customLayers.length === 0
      ? 'The model uses only built-in TensorFlow.js layers: no registration is needed.'
      : [
          `The model uses layers of Autoencoder Studio: ${customLayers.map(mdCode).join(', ')}.`,
          'Register a class of the same name for each before loading, with',
          "`tf.serialization.registerClass(MyLayer)` (the app's own are in",
          '`src/main/services/model/layers/`; its `registerCustomLayers()` registers them all).',
          customLayers.includes('TiedDense')
            ? "`TiedDense` reuses the kernel of the Dense layer named in its `partner` config: after loading, set each TiedDense's `partner` to `model.getLayer(partnerName)` (the app's `linkTiedLayers(model)` does this). In `decoder/` tied layers are written as plain Dense layers with the transposed kernel, so it loads alone."
            : '',
          'Noise and sampling layers change values only while training; `predict` passes values through (Sampling gives the mean).',
        ]
          .filter((l) => l !== '')
          .join('\n');
  return [
    '# TensorFlow.js model exported from Autoencoder Studio',
    '',
    'Folders (each a `model.json` with its `weights.bin`, in the tf.io layers format):',
    '',
    ...parts.map(
      (p) =>
        `- ${mdCode(`${p}/`)}: ${p === 'model' ? 'the whole autoencoder (input → reconstruction)' : p === 'encoder' ? 'input → code' : 'code → reconstruction'}`,
    ),
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
    '## Custom layers',
    '',
    custom,
    '',
  ].join('\n');
}
