/**
 * Runs in a separate Node process (bundled by the tfjs export test): loads exported TensorFlow.js
 * models the way a user would: stock tfjs, none of the app's code registered (only the zip's own
 * custom-layers.js when it ships one, as its README says), and prints predictions.
 * Usage: node loader.mjs <export dir> <input json: { feeds: { <part folder>: { values, shape } } }>
 */
import { readFileSync, existsSync } from 'node:fs';
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
  const [dir, inputFile] = process.argv.slice(2);
  const { feeds } = JSON.parse(readFileSync(inputFile, 'utf8')) as {
    feeds: Record<string, { values: number[]; shape: number[] }>;
  };
  // A part that keeps an app layer at inference (a top-k code) needs the zip's module first.
  const custom = join(dir, 'custom-layers.js');
  if (existsSync(custom)) await import(pathToFileURL(custom).href);
  const out: Record<string, number[]> = {};
  for (const [part, feed] of Object.entries(feeds)) {
    const model = await tf.loadLayersModel(fileHandler(join(dir, part)));
    const x = tf.tensor(feed.values, feed.shape);
    out[part] = Array.from((model.predict(x) as tf.Tensor).dataSync());
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
