import type { Sequential } from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/main/services/tf/backend';
import { getPreset } from '../src/shared/presets';
import { digitClassifier, priorCoverage } from './vaeCoverage';

let classifier: Sequential;
let accuracy = 0;
beforeAll(async () => {
  await initBackend('wasm');
  ({ model: classifier, accuracy } = await digitClassifier());
});

describe('the VAE preset after its default run', () => {
  it('generates at least 8 of the 10 digits from 100 codes drawn from the prior', async () => {
    expect(accuracy).toBeGreaterThan(0.93);
    const preset = getPreset('vae')!;
    const coverage = await priorCoverage(classifier, preset);
    const { perDigit, unsure, seconds, epochs } = coverage;
    // Printed for the record: which digits came out, and how long the default run took here.
    console.log('VAE prior coverage', { perDigit, unsure, seconds, epochs });
    // A digit counts when the classifier is at least 90% sure of one sample: at 50% it also
    // "recognised" the grey blurs of an undertrained model (9 of 10 digits after the old
    // 20-epoch default, whose grid showed mostly 0, 1, 7 and 9).
    expect(perDigit.filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);
  }, 400_000);
});
