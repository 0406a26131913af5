import { describe, expect, it } from 'vitest';
import type { ExportFile } from './makeExport';
import { flattenForDownload } from './flattenFiles';
import { importPickedFiles } from './importFiles';

const file = (name: string, body: string | object): ExportFile => ({
  name,
  type: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
  data: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
});
const modelJson = {
  format: 'layers-model',
  weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
};
const manifestOf = (f: ExportFile) =>
  (JSON.parse(new TextDecoder().decode(f.data)) as typeof modelJson).weightsManifest[0].paths;

describe('files as downloads', () => {
  it('keep their own names when no two share one', () => {
    const flat = flattenForDownload([file('ae.svg', '<svg/>')]);
    expect(flat.map((f) => f.name)).toEqual(['ae.svg']);
    expect(
      flattenForDownload([file('x/model.json', modelJson), file('x/w.bin', 'b')]).map(
        (f) => f.name,
      ),
    ).toEqual(['model.json', 'w.bin']);
  });

  it('name the tfjs sub-models after their folders, each model.json pointing at its own weights', () => {
    const flat = flattenForDownload([
      file('ae-tfjs/README.md', '# readme'),
      file('ae-tfjs/model/model.json', modelJson),
      file('ae-tfjs/model/weights.bin', 'm'),
      file('ae-tfjs/encoder/model.json', modelJson),
      file('ae-tfjs/encoder/weights.bin', 'e'),
    ]);
    expect(flat.map((f) => f.name)).toEqual([
      'README.md',
      'model.json',
      'model-weights.bin',
      'encoder.json',
      'encoder-weights.bin',
    ]);
    expect(manifestOf(flat[1])).toEqual(['model-weights.bin']);
    expect(manifestOf(flat[3])).toEqual(['encoder-weights.bin']);
    expect(new Set(flat.map((f) => f.name)).size).toBe(flat.length);
  });

  it('open again through import: the renamed model.json finds its renamed weights', () => {
    const tiny = {
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          name: 'tiny',
          layers: [
            {
              class_name: 'Dense',
              config: { name: 'code', batch_input_shape: [null, 2], units: 1 },
            },
          ],
        },
      },
      weightsManifest: [
        {
          paths: ['weights.bin'],
          weights: [
            { name: 'code/kernel', shape: [2, 1], dtype: 'float32' },
            { name: 'code/bias', shape: [1], dtype: 'float32' },
          ],
        },
      ],
    };
    const bytes = new Uint8Array(new Float32Array([0.25, 0.5, -1]).buffer);
    const flat = flattenForDownload([
      file('t-tfjs/model/model.json', tiny),
      { name: 't-tfjs/model/weights.bin', type: 'application/octet-stream', data: bytes },
      file('t-tfjs/encoder/model.json', tiny),
      { name: 't-tfjs/encoder/weights.bin', type: 'application/octet-stream', data: bytes },
    ]);
    const picked = flat.filter((f) => f.name === 'model.json' || f.name === 'model-weights.bin');
    const imported = importPickedFiles(picked);
    expect(imported.ok).toBe(true);
    if (imported.ok) {
      expect(Array.from(imported.value.model!.weights['code/kernel'].values)).toEqual([0.25, 0.5]);
    }
  });
});
