import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importModelFile } from '../../src/main/services/export/importModel';
import { analyzeGraph } from '../../src/shared/compiler';
import { importLayersModel } from '../../src/shared/export/importModel';
import { getPreset } from '../../src/shared/presets';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/models/${name}`, import.meta.url));

describe('importing a layers model', () => {
  it('names a layer the app lacks and leaves the open project unchanged', async () => {
    const project = getPreset('default')!.graph;
    const before = structuredClone(project);
    const result = await importModelFile(fixture('unknown-lstm.json'));
    const open = result.ok ? result.value.graph : project;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(
        "This model uses a layer the app does not have: LSTM 'lstm_1'.",
      );
    }
    expect(open).toBe(project);
    expect(project).toEqual(before);
  });

  it('reads a Keras 3 functional config into a valid graph with auto positions', async () => {
    const result = await importModelFile(fixture('keras3-functional.json'));
    if (!result.ok) throw new Error(result.error.message);
    const g = result.value.graph;
    expect(g.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Dense', 'Output']);
    expect(new Set(g.nodes.map((n) => n.position.x)).size).toBe(4);
    const analysis = analyzeGraph(g);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals.total).toBe(784 * 64 + 64 + 64 * 784 + 784);
    expect(g.nodes.find((n) => n.kind === 'Output')!.params.loss).toBe('binaryCrossentropy');
  });

  it('reads a Keras 2 Sequential config, adding its Input', async () => {
    const result = await importModelFile(fixture('keras2-sequential.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.graph.nodes.map((n) => n.kind)).toEqual([
      'Input',
      'Dense',
      'Dense',
      'Output',
    ]);
    expect(analyzeGraph(result.value.graph).valid).toBe(true);
    expect(result.value.weights).toEqual({});
  });

  it('refuses a file that is not a model, and a missing file, with messages', async () => {
    expect(importLayersModel({ hello: 1 })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_GRAPH' },
    });
    const missing = await importModelFile(fixture('nope.json'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });

  it('refuses weights that are shorter than the manifest says', () => {
    const json = {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Dense', config: { name: 'd', batch_input_shape: [null, 4], units: 2 } },
        ],
      },
    };
    const manifest = [
      { paths: ['w.bin'], weights: [{ name: 'd/kernel', shape: [4, 2], dtype: 'float32' }] },
    ];
    const result = importLayersModel(json, { manifest, data: new ArrayBuffer(8) });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_DATA' } });
  });
});
