import { describe, expect, it } from 'vitest';
import { graphToSvg } from '../../../shared/diagram';
import { getPreset } from '../../../shared/presets';
import { importPickedFiles, type PickedFile } from './importFiles';

const text = (name: string, body: string): PickedFile => ({
  name,
  data: new TextEncoder().encode(body),
});
const floats = (name: string, values: number[]): PickedFile => ({
  name,
  data: new Uint8Array(new Float32Array(values).buffer),
});

/** A tiny tfjs layers model: 3 inputs -> Dense 2, its kernel and bias in two weight files. */
const tinyModel = (extraLayer?: object) =>
  JSON.stringify({
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'tiny_autoencoder',
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'code', batch_input_shape: [null, 3], units: 2, use_bias: true },
          },
          ...(extraLayer ? [extraLayer] : []),
        ],
      },
    },
    weightsManifest: [
      {
        paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
        weights: [
          { name: 'code/kernel', shape: [3, 2], dtype: 'float32' },
          { name: 'code/bias', shape: [2], dtype: 'float32' },
        ],
      },
    ],
  });

describe('importing a picked model or diagram', () => {
  it('opens a diagram SVG exported by the app as the same design, named after the file', () => {
    const preset = getPreset('default')!;
    const svg = graphToSvg(preset.graph, { title: 'Default' });
    const result = importPickedFiles([text('my diagram.svg', svg)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('my diagram');
    expect(result.value.doc.nodes.map((n) => n.id)).toEqual(preset.graph.nodes.map((n) => n.id));
    expect(result.value.doc.edges).toHaveLength(preset.graph.edges.length);
    expect(result.value.model).toBeNull();
  });

  it('refuses an SVG that carries no model, saying so', () => {
    const result = importPickedFiles([
      text('drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/carries no model/);
  });

  it('refuses a model.json with an unknown layer and names the layer', () => {
    const lstm = { class_name: 'LSTM', config: { name: 'lstm_1', units: 4 } };
    const result = importPickedFiles([text('model.json', tinyModel(lstm))]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("LSTM 'lstm_1'");
  });

  it('opens a model.json alone untrained, named after the model inside it', () => {
    const result = importPickedFiles([text('model.json', tinyModel())]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('tiny_autoencoder');
    expect(result.value.doc.nodes.some((n) => n.kind === 'Dense')).toBe(true);
    expect(result.value.model?.weights).toEqual({});
  });

  it('joins the picked .bin files in the order the manifest names them', () => {
    const result = importPickedFiles([
      floats('group1-shard2of2.bin', [0.5, -0.5]),
      text('model.json', tinyModel()),
      floats('group1-shard1of2.bin', [1, 2, 3, 4, 5, 6]),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const weights = result.value.model!.weights;
    expect(Array.from(weights['code/kernel'].values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(weights['code/bias'].values)).toEqual([0.5, -0.5]);
  });

  it('names the weight files that were not picked', () => {
    const result = importPickedFiles([
      text('model.json', tinyModel()),
      floats('group1-shard1of2.bin', [1, 2, 3, 4, 5, 6]),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('E_MODEL_FILE');
      expect(result.error.message).toContain('"group1-shard2of2.bin"');
    }
  });

  it('refuses damaged JSON, other file types, two models at once and nothing picked', () => {
    const cases: [PickedFile[], string][] = [
      [[text('model.json', '{"modelTopology": ')], 'not valid JSON'],
      [[text('notes.txt', 'hello')], 'E_IMPORT_2'],
      [[text('a.json', tinyModel()), text('b.svg', '<svg/>')], 'E_IMPORT_3'],
      [[floats('group1-shard1of2.bin', [1])], 'E_IMPORT_1'],
      [[], 'E_IMPORT_1'],
    ];
    for (const [files, code] of cases) {
      const result = importPickedFiles(files);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(code);
    }
  });

  it('import errors carry import codes, not export codes', () => {
    for (const files of [[], [text('notes.txt', 'x')], [text('model.json', '{')]]) {
      const result = importPickedFiles(files);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toContain('E_EXPORT');
    }
  });
});
