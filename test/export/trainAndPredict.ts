/**
 * Runs in a separate Node process (bundled by the tfjs export test): loads a "continue training"
 * export the way its README says, with stock tfjs and only the export's custom-layers.js, prints
 * its predictions, then trains it on the given digits (towards the given target) and prints the loss of every step.
 * Usage: node trainer.mjs <unzipped export folder> <input json> <steps>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';

function fileHandler(folder: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8'));
      const bin = readFileSync(join(folder, 'weights.bin'));
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
        trainingConfig: json.trainingConfig,
      };
    },
  };
}

async function main() {
  const [dir, inputFile, steps] = process.argv.slice(2);
  const { input, shape, target, targetShape } = JSON.parse(readFileSync(inputFile, 'utf8'));
  // The export's module, as a user imports it: it brings its own layer code, none of the app's.
  const layers = await import(pathToFileURL(join(dir, 'custom-layers.js')).href);
  const model: tf.LayersModel = await layers.loadTrainingModel(fileHandler(dir));
  const x = tf.tensor(input, shape);
  const y = tf.tensor(target, targetShape);
  const prediction = Array.from((model.predict(x) as tf.Tensor).dataSync());
  const losses: number[] = [];
  for (let i = 0; i < Number(steps); i++) {
    // One batch of all the digits: one optimizer step per fit call.
    const history = await model.fit(x, y, { epochs: 1, batchSize: shape[0], verbose: 0 });
    losses.push(history.history.loss[0] as number);
  }
  process.stdout.write(JSON.stringify({ prediction, losses }));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
