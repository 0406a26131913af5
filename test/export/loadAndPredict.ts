/**
 * Runs in a separate Node process (bundled by the tfjs export test): loads exported TensorFlow.js
 * models the way a user would: stock tfjs, none of the app's code registered, and prints predictions.
 * Usage: node loader.mjs <export dir> <input json>
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
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
  const { input, shape, code, codeShape } = JSON.parse(readFileSync(inputFile, 'utf8'));
  const out: Record<string, number[]> = {};
  for (const part of ['model', 'encoder', 'decoder']) {
    const folder = join(dir, part);
    if (!existsSync(folder)) continue;
    const model = await tf.loadLayersModel(fileHandler(folder));
    const x = part === 'decoder' ? tf.tensor(code, codeShape) : tf.tensor(input, shape);
    out[part] = Array.from((model.predict(x) as tf.Tensor).dataSync());
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
