import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importModelFile } from '../../src/main/services/export/importModel';
import type { GraphDocument } from '../../src/shared/graph/document';
import { dense, graphOf, input, output } from '../../src/shared/presets/build';
import { memoryStudio } from '../helpers';

/** Input 100,000 -> Dense 100,000 -> Dense 100,000 -> Output: 2·10^10 weights, 80 GB as floats. */
const huge: GraphDocument = graphOf([
  input([100_000]),
  dense('d1', 100_000, 'linear', 'dense 1'),
  dense('d2', 100_000, 'linear', 'dense 2'),
  output('mse'),
]);

// The trainer is never started: each refusal happens in the host before it would be.
const { host, client } = memoryStudio({
  spawnTrainer: () => {
    throw new Error('the trainer must not start for an over-budget design');
  },
  dataDir: mkdtempSync(join(tmpdir(), 'studio-budget-')),
});
afterAll(() => host.dispose());

/** Bytes held outside the JS heap (where tfjs keeps tensor data) grew by less than 100 MB. */
function allocatesNothing<T>(run: () => Promise<T>): Promise<T> {
  const before = process.memoryUsage().arrayBuffers;
  return run().then((value) => {
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100e6);
    return value;
  });
}

describe('a design over the budget', () => {
  it('train.start refuses it with E_TOO_LARGE and the figures, without starting the trainer', async () => {
    const started = await allocatesNothing(() =>
      client.invoke('train.start', { graph: huge, settings: {}, data: {} }),
    );
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.code).toBe('E_TOO_LARGE');
    expect(started.error.message).toContain('20,000,200,000 weights');
    expect(started.error.message).toContain('at most 50,000,000 (about 200 MB)');
  });

  it('export.render refuses its TensorFlow.js and Keras exports with E_TOO_LARGE', async () => {
    for (const format of ['tfjs', 'keras'] as const) {
      const rendered = await allocatesNothing(() =>
        client.invoke('export.render', { graph: huge, format }),
      );
      expect(rendered.ok).toBe(false);
      if (rendered.ok) return;
      expect(rendered.error.code).toBe('E_TOO_LARGE');
      expect(rendered.error.message).toContain("Dense 'dense 1' has 10,000,100,000");
    }
  });

  it('export.render still draws its diagram, which holds no weights', async () => {
    const rendered = await client.invoke('export.render', { graph: huge, format: 'svg' });
    expect(rendered.ok).toBe(true);
  });

  it('model import refuses it before reading its weight file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-import-huge-'));
    try {
      const dense = (name: string, units: number, inbound: string) => ({
        class_name: 'Dense',
        name,
        config: { name, units, activation: 'relu', use_bias: true },
        inbound_nodes: [[[inbound, 0, 0, {}]]],
      });
      const json = {
        format: 'layers-model',
        modelTopology: {
          class_name: 'Functional',
          config: {
            name: 'huge',
            layers: [
              {
                class_name: 'InputLayer',
                name: 'x',
                config: { name: 'x', batch_input_shape: [null, 100000], dtype: 'float32' },
                inbound_nodes: [],
              },
              dense('dense_1', 100000, 'x'),
              dense('dense_2', 100000, 'dense_1'),
            ],
            input_layers: [['x', 0, 0]],
            output_layers: [['dense_2', 0, 0]],
          },
        },
        weightsManifest: [
          {
            paths: ['weights.bin'],
            weights: [
              { name: 'dense_1/kernel', shape: [100000, 100000], dtype: 'float32' },
              { name: 'dense_1/bias', shape: [100000], dtype: 'float32' },
              { name: 'dense_2/kernel', shape: [100000, 100000], dtype: 'float32' },
              { name: 'dense_2/bias', shape: [100000], dtype: 'float32' },
            ],
          },
        ],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      // A short file: were it read, the import would fail with another message.
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(16));
      const imported = await allocatesNothing(() => importModelFile(join(dir, 'model.json')));
      expect(imported.ok).toBe(false);
      if (imported.ok) return;
      expect(imported.error.code).toBe('E_TOO_LARGE');
      expect(imported.error.message).toContain('20,000,200,000 weights');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
