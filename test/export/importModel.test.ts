import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      error: { code: 'E_MODEL_FILE' },
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
    expect(result).toMatchObject({ ok: false, error: { code: 'E_MODEL_FILE' } });
  });
});

/** A tfjs layers model: 4 inputs -> Dense 'd' of 4 units, and its manifest. */
const dense42 = (
  weights: object[] = [
    { name: 'd/kernel', shape: [4, 4], dtype: 'float32' },
    { name: 'd/bias', shape: [4], dtype: 'float32' },
  ],
) => ({
  format: 'layers-model',
  modelTopology: {
    class_name: 'Sequential',
    config: {
      layers: [
        { class_name: 'Dense', config: { name: 'd', batch_input_shape: [null, 4], units: 4 } },
      ],
    },
  },
  weightsManifest: [{ paths: ['w.bin'], weights }],
});
const floats = (values: number[]) => new Float32Array(values).buffer;
const withWeights = (json: ReturnType<typeof dense42>, data: ArrayBuffer) =>
  importLayersModel(json, { manifest: json.weightsManifest, data });
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code);

describe('importing a hostile or broken model.json', () => {
  it('refuses a weight whose shape is not a list, naming the weight, without throwing', () => {
    const json = dense42([{ name: 'd/kernel', shape: 8, dtype: 'float32' }]);
    const result = withWeights(json, floats(new Array(8).fill(1)));
    expect(codeOf(result)).toBe('E_MODEL_FILE');
    if (!result.ok) expect(result.error.message).toContain("'d/kernel'");
  });

  it('refuses malformed structures with a named code, never an exception', () => {
    const broken: unknown[] = [
      { modelTopology: { class_name: 'Sequential', config: { layers: 5 } } },
      { modelTopology: { class_name: 'Functional', config: null } },
      { class_name: 'Functional', config: { layers: [{ class_name: 'Dense', config: null }] } },
      {
        class_name: 'Functional',
        config: {
          layers: [
            { class_name: 'InputLayer', name: 'i', config: { batch_input_shape: [null, 4] } },
            { class_name: 'Dense', name: 'd', config: { units: 2 }, inbound_nodes: [[5]] },
          ],
        },
      },
      {
        class_name: 'Functional',
        config: {
          layers: [
            { class_name: 'InputLayer', name: 'i', config: { batch_shape: [null, 4] } },
            {
              class_name: 'Reshape',
              name: 'r',
              config: { target_shape: 'x' },
              inbound_nodes: [[['i', 0, 0, {}]]],
            },
          ],
        },
      },
      { ...dense42(), weightsManifest: { paths: ['w.bin'] } },
    ];
    for (const json of broken) {
      const result = importLayersModel(json);
      expect(['E_MODEL_FILE', 'E_INVALID_GRAPH']).toContain(codeOf(result));
    }
  });

  it('refuses weights that are not finite numbers, naming the weight and how many', () => {
    const result = withWeights(
      dense42(),
      floats([1, NaN, 3, Infinity, 5, 6, 7, -Infinity, ...new Array(12).fill(0)]),
    );
    expect(codeOf(result)).toBe('E_MODEL_FILE');
    if (!result.ok) expect(result.error.message).toMatch(/'d\/kernel'.*3 values/);
  });

  it('refuses weight files longer than the manifest says', () => {
    const result = withWeights(dense42(), floats(new Array(21).fill(0.5)));
    expect(codeOf(result)).toBe('E_MODEL_FILE');
  });

  it('refuses two weights with the same name', () => {
    const json = dense42([
      { name: 'd/kernel', shape: [4, 4], dtype: 'float32' },
      { name: 'd/kernel', shape: [4], dtype: 'float32' },
    ]);
    expect(codeOf(withWeights(json, floats(new Array(20).fill(0))))).toBe('E_MODEL_FILE');
  });

  it('refuses a weight whose size does not fit the layer it belongs to', () => {
    const json = dense42([
      { name: 'd/kernel', shape: [2, 8], dtype: 'float32' },
      { name: 'd/bias', shape: [4], dtype: 'float32' },
    ]);
    const result = withWeights(json, floats(new Array(20).fill(0)));
    expect(codeOf(result)).toBe('E_MODEL_FILE');
    if (!result.ok) expect(result.error.message).toContain("'d/kernel'");
  });

  it('refuses a declared size over the budget before reading anything', () => {
    const json = dense42([{ name: 'd/kernel', shape: [65536, 65536], dtype: 'float32' }]);
    expect(codeOf(withWeights(json, floats([1])))).toBe('E_TOO_LARGE');
  });

  it('a weight named __proto__ is refused and leaves objects untouched', () => {
    const json = dense42([{ name: '__proto__', shape: [4], dtype: 'float32' }]);
    const result = withWeights(json, floats([1, 2, 3, 4]));
    expect(codeOf(result)).not.toBeNull();
    expect(({} as Record<string, unknown>).shape).toBeUndefined();
  });

  it('gives the Input and Output it adds ids no layer of the file uses', () => {
    const json = {
      class_name: 'Sequential',
      config: {
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'input', batch_input_shape: [null, 4], units: 4 },
          },
        ],
      },
    };
    const result = importLayersModel(json);
    if (!result.ok) throw new Error(result.error.message);
    const ids = result.value.graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(analyzeGraph(result.value.graph).valid).toBe(true);
  });
});

describe('reading a model.json from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-model-'));
  const write = (name: string, json: unknown, prefix = '') => {
    const path = join(dir, name);
    writeFileSync(path, prefix + JSON.stringify(json));
    return path;
  };

  it('opens a model.json that starts with a UTF-8 byte order mark', async () => {
    const path = write('bom.json', { ...dense42(), weightsManifest: [] }, '\uFEFF');
    expect(codeOf(await importModelFile(path))).toBeNull();
  });

  it('refuses deeply nested JSON with E_MODEL_FILE', async () => {
    const path = join(dir, 'deep.json');
    writeFileSync(path, '['.repeat(100_000) + ']'.repeat(100_000));
    expect(codeOf(await importModelFile(path))).toBe('E_MODEL_FILE');
  });

  it('refuses weight paths outside the folder, in every spelling', async () => {
    for (const p of ['../x.bin', '/etc/passwd', '..\\x.bin', '%2e%2e/x.bin', 'x\u0000.bin']) {
      const json = { ...dense42(), weightsManifest: [{ paths: [p], weights: [] }] };
      const result = await importModelFile(write('paths.json', json));
      expect(codeOf(result), p).toBe('E_PATH_NOT_ALLOWED');
    }
  });
});
