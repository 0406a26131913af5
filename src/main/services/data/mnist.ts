import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { takeRows, type SampleSet } from './dataset';

export const MNIST_SHAPE = [784];
const DIGIT_SIZE = 784;

let cached: Promise<SampleSet> | null = null;

/** The folder of the `mnist` package's digit files, found through Node's resolution. */
const digitsFolder = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');

async function readDigitFile(digit: number): Promise<Float32Array> {
  const text = await readFile(join(digitsFolder(), `${digit}.json`), 'utf8');
  const parsed = JSON.parse(text) as { data?: unknown };
  if (!Array.isArray(parsed.data) || parsed.data.length % DIGIT_SIZE !== 0) {
    throw new Error(`The embedded digit file ${digit}.json is damaged; reinstall the app.`);
  }
  return Float32Array.from(parsed.data as number[]);
}

/**
 * The 10,000 embedded MNIST digits (28x28 in [0, 1], labels 0-9) of the `mnist` package, in label
 * order. Loaded once per process.
 */
export function loadMnist(): Promise<SampleSet> {
  cached ??= (async () => {
    const parts = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(readDigitFile));
    const count = parts.reduce((n, p) => n + p.length / DIGIT_SIZE, 0);
    const images = new Float32Array(count * DIGIT_SIZE);
    const labels = new Int32Array(count);
    let row = 0;
    parts.forEach((part, digit) => {
      images.set(part, row * DIGIT_SIZE);
      labels.fill(digit, row, row + part.length / DIGIT_SIZE);
      row += part.length / DIGIT_SIZE;
    });
    return { images, labels, count };
  })();
  return cached;
}

/**
 * `count` of the embedded digits taken round robin over the labels (balanced; a label that runs
 * out is made up by the others), for benchmarks and tests that need a few real digits.
 */
export async function loadBalancedDigits(
  count: number,
  labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
): Promise<SampleSet> {
  const all = await loadMnist();
  const byLabel = labels.map((l) => {
    const rows: number[] = [];
    for (let i = 0; i < all.count; i++) if (all.labels[i] === l) rows.push(i);
    return rows;
  });
  const rows: number[] = [];
  for (let round = 0; rows.length < count && byLabel.some((r) => r.length > round); round++) {
    for (const r of byLabel) if (round < r.length && rows.length < count) rows.push(r[round]);
  }
  return takeRows(all, rows, DIGIT_SIZE);
}
