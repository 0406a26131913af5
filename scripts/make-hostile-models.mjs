// Writes the hostile model corpus under test/fixtures/hostile/models/ once; the tests only read it.
// Run: node scripts/make-hostile-models.mjs   (needs node_modules; bundles the app's tfjs export)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
// The layer registry finds its kinds with import.meta.glob, as Vite does in the app's build.
import { importGlobPlugin } from 'rolldown/experimental';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/hostile/models');
const manifest = [];

const floats = (values) => Buffer.from(new Float32Array(values).buffer);
/** Writes one case: model.json (text or JSON), its bins, and its manifest row. */
function write(name, json, bins, code, why) {
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'model.json'),
    typeof json === 'string' ? json : JSON.stringify(json, null, 1),
  );
  for (const [file, data] of Object.entries(bins)) writeFileSync(join(dir, file), data);
  manifest.push({ case: name, code, why });
}

/** A tfjs functional model: Input 'x' of 4 -> Dense 'd' of 4 units, weights in weights.bin. */
const tiny = (edit = (j) => j) =>
  edit({
    format: 'layers-model',
    modelTopology: {
      class_name: 'Functional',
      config: {
        name: 'tiny',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'x',
            config: { name: 'x', batch_input_shape: [null, 4] },
            inbound_nodes: [],
          },
          {
            class_name: 'Dense',
            name: 'd',
            config: { name: 'd', units: 4, activation: 'sigmoid' },
            inbound_nodes: [[['x', 0, 0, {}]]],
          },
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['d', 0, 0]],
      },
    },
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'd/kernel', shape: [4, 4], dtype: 'float32' },
          { name: 'd/bias', shape: [4], dtype: 'float32' },
        ],
      },
    ],
  });
const good = () => ({ 'weights.bin': floats(Array.from({ length: 20 }, (_, i) => i / 20)) });
const layers = (j) => j.modelTopology.config.layers;
const specs = (j) => j.weightsManifest[0].weights;
const withPath = (p) => tiny((j) => ((j.weightsManifest[0].paths = [p]), j));

rmSync(OUT, { recursive: true, force: true });

// Valid: the test fails if these stop opening.
write('valid-tiny-tfjs', tiny(), good(), null, 'a small tfjs layers model with its weights');
write(
  'valid-utf8-bom',
  '\uFEFF' + JSON.stringify(tiny()),
  good(),
  null,
  'a byte order mark before the JSON',
);
write(
  'valid-keras3-untrained',
  {
    module: 'keras',
    class_name: 'Functional',
    config: {
      name: 'k3',
      layers: [
        {
          class_name: 'InputLayer',
          name: 'px',
          config: { batch_shape: [null, 4], name: 'px' },
          inbound_nodes: [],
        },
        {
          class_name: 'Dense',
          name: 'enc',
          config: { name: 'enc', units: 4, activation: 'relu' },
          inbound_nodes: [
            {
              args: [
                {
                  class_name: '__keras_tensor__',
                  config: { shape: [null, 4], keras_history: ['px', 0, 0] },
                },
              ],
              kwargs: {},
            },
          ],
        },
      ],
      input_layers: [['px', 0, 0]],
      output_layers: [['enc', 0, 0]],
    },
  },
  {},
  null,
  'a Keras 3 config without weights',
);
write(
  'valid-layers-named-input-output',
  {
    class_name: 'Sequential',
    config: {
      layers: [
        { class_name: 'Dense', config: { name: 'input', batch_input_shape: [null, 4], units: 4 } },
        { class_name: 'Dense', config: { name: 'output', units: 4 } },
      ],
    },
  },
  {},
  null,
  'layers named like the nodes the app adds get other ids',
);
write(
  'valid-loss-constructor',
  tiny((j) => ((j.trainingConfig = { loss: 'constructor' }), j)),
  good(),
  null,
  "a loss named 'constructor' does not find Object's constructor",
);

// Not JSON, or JSON that is not a model.
write('not-json', '{"modelTopology": ', {}, 'E_MODEL_FILE', 'cut off JSON');
write('empty-file', '', {}, 'E_MODEL_FILE', 'an empty file');
write('json-array', '[1, 2, 3]', {}, 'E_MODEL_FILE', 'JSON that is a list');
write(
  'deep-nesting',
  '['.repeat(50_000) + ']'.repeat(50_000),
  {},
  'E_MODEL_FILE',
  'nested 50,000 deep',
);
write(
  'proto-key',
  tiny((j) =>
    JSON.parse(JSON.stringify(j).replace('"units":4', '"units":4,"__proto__":{"polluted":1}')),
  ),
  good(),
  'E_MODEL_FILE',
  "a '__proto__' key in a layer config",
);
write(
  'no-topology',
  { format: 'layers-model', weightsManifest: [] },
  {},
  'E_MODEL_FILE',
  'no modelTopology',
);
write(
  'not-layers-model',
  { class_name: 'GraphDef', config: {} },
  {},
  'E_INVALID_GRAPH',
  'another kind of model',
);
write(
  'class-name-number',
  { class_name: 7, config: { layers: [] } },
  {},
  'E_MODEL_FILE',
  'class_name not a string',
);

// Topology shapes.
write(
  'layers-not-array',
  tiny((j) => ((j.modelTopology.config.layers = 5), j)),
  {},
  'E_MODEL_FILE',
  'layers is a number',
);
write(
  'layers-empty',
  tiny((j) => ((j.modelTopology.config.layers = []), j)),
  {},
  'E_MODEL_FILE',
  'no layers',
);
write(
  'model-config-null',
  tiny((j) => ((j.modelTopology.config = null), j)),
  {},
  'E_MODEL_FILE',
  'config null',
);
write(
  'layer-config-null',
  tiny((j) => ((layers(j)[1].config = null), j)),
  {},
  'E_MODEL_FILE',
  'a layer config null',
);
write(
  'layer-not-object',
  tiny((j) => ((layers(j)[1] = 'Dense'), j)),
  {},
  'E_MODEL_FILE',
  'a layer that is a string',
);
write(
  'layer-name-number',
  tiny((j) => ((layers(j)[1].name = 12), (layers(j)[1].config.name = 12), j)),
  {},
  'E_MODEL_FILE',
  'a layer name that is a number',
);
write(
  'layer-name-too-long',
  tiny((j) => ((layers(j)[1].name = 'd'.repeat(5000)), j)),
  {},
  'E_MODEL_FILE',
  'a 5,000 character name',
);
write(
  'duplicate-layer-names',
  tiny((j) => ((layers(j)[1].name = 'x'), j)),
  {},
  'E_MODEL_FILE',
  'two layers named x',
);
write(
  'reserved-layer-name',
  tiny((j) => JSON.parse(JSON.stringify(j).replaceAll('"d"', '"constructor"'))),
  {},
  'E_MODEL_FILE',
  "a layer named 'constructor'",
);
write(
  'inbound-keras2-number',
  tiny((j) => ((layers(j)[1].inbound_nodes = [[5]]), j)),
  {},
  'E_MODEL_FILE',
  'Keras 2 inbound entry is a number',
);
write(
  'inbound-keras2-name-null',
  tiny((j) => ((layers(j)[1].inbound_nodes = [[[null, 0, 0, {}]]]), j)),
  {},
  'E_MODEL_FILE',
  'Keras 2 inbound name null',
);
write(
  'inbound-keras3-history-number',
  tiny(
    (j) => (
      (layers(j)[1].inbound_nodes = [
        { args: [{ class_name: '__keras_tensor__', config: { keras_history: [7, 0, 0] } }] },
      ]),
      j
    ),
  ),
  {},
  'E_MODEL_FILE',
  'Keras 3 keras_history name not a string',
);
write(
  'inbound-keras3-args-object',
  tiny((j) => ((layers(j)[1].inbound_nodes = [{ args: { a: 1 } }]), j)),
  {},
  'E_MODEL_FILE',
  'Keras 3 args not a list',
);
write(
  'inbound-not-array',
  tiny((j) => ((layers(j)[1].inbound_nodes = 'x'), j)),
  {},
  'E_MODEL_FILE',
  'inbound_nodes a string',
);
write(
  'inbound-unknown-layer',
  tiny((j) => ((layers(j)[1].inbound_nodes = [[['ghost', 0, 0, {}]]]), j)),
  {},
  'E_MODEL_FILE',
  'input from a layer not in the model',
);
write(
  'shared-layer',
  tiny((j) => ((layers(j)[1].inbound_nodes = [[['x', 0, 0, {}]], [['x', 0, 0, {}]]]), j)),
  {},
  'E_INVALID_GRAPH',
  'a layer called twice',
);
write(
  'output-unknown',
  tiny((j) => ((j.modelTopology.config.output_layers = [['ghost', 0, 0]]), j)),
  {},
  'E_MODEL_FILE',
  'an output that is no layer',
);
write(
  'output-layers-number',
  tiny((j) => ((j.modelTopology.config.output_layers = 3), j)),
  {},
  'E_MODEL_FILE',
  'output_layers a number',
);
write(
  'two-outputs',
  tiny(
    (j) => (
      (j.modelTopology.config.output_layers = [
        ['x', 0, 0],
        ['d', 0, 0],
      ]),
      j
    ),
  ),
  {},
  'E_INVALID_GRAPH',
  'two outputs',
);
write(
  'batch-shape-string',
  tiny((j) => ((layers(j)[0].config.batch_input_shape = 'big'), j)),
  {},
  'E_MODEL_FILE',
  'input shape a string',
);
write(
  'batch-shape-negative',
  tiny((j) => ((layers(j)[0].config.batch_input_shape = [null, -4]), j)),
  {},
  'E_MODEL_FILE',
  'a negative input size',
);
write(
  'batch-shape-fraction',
  tiny((j) => ((layers(j)[0].config.batch_input_shape = [null, 4.5]), j)),
  {},
  'E_MODEL_FILE',
  'a fractional input size',
);
write(
  'batch-shape-missing',
  tiny((j) => ((layers(j)[0].config = { name: 'x' }), j)),
  {},
  'E_MODEL_FILE',
  'no input shape',
);
write(
  'unknown-layer',
  tiny((j) => ((layers(j)[1].class_name = 'LSTM'), j)),
  {},
  'E_INVALID_GRAPH',
  'a layer kind the app lacks',
);
write(
  'units-string',
  tiny((j) => ((layers(j)[1].config.units = 'many'), j)),
  {},
  'E_INVALID_GRAPH',
  'units not a number',
);
write(
  'units-huge',
  tiny((j) => ((layers(j)[1].config.units = 1e12), j)),
  {},
  'E_INVALID_GRAPH',
  'a trillion units',
);
write(
  'activation-hostile-object',
  tiny((j) => ((layers(j)[1].config.activation = { toString: 1, valueOf: 2 }), j)),
  {},
  'E_INVALID_GRAPH',
  'an activation whose toString is not a function',
);

// The weights manifest and the bins.
write(
  'manifest-object',
  tiny((j) => ((j.weightsManifest = { paths: ['weights.bin'] }), j)),
  good(),
  'E_MODEL_FILE',
  'weightsManifest not a list',
);
write(
  'manifest-group-no-weights',
  tiny((j) => ((j.weightsManifest = [{ paths: ['weights.bin'] }]), j)),
  good(),
  'E_MODEL_FILE',
  'a group without weights',
);
write(
  'weight-shape-number',
  tiny((j) => ((specs(j)[0].shape = 16), j)),
  good(),
  'E_MODEL_FILE',
  'shape not a list (threw before)',
);
write(
  'weight-shape-negative',
  tiny((j) => ((specs(j)[0].shape = [-4, -4]), j)),
  good(),
  'E_MODEL_FILE',
  'negative dimensions',
);
write(
  'weight-shape-fraction',
  tiny((j) => ((specs(j)[0].shape = [2.5, 6.4]), j)),
  good(),
  'E_MODEL_FILE',
  'fractional dimensions',
);
write(
  'weight-shape-huge',
  tiny((j) => ((specs(j)[0].shape = [2147483647, 2147483647, 16]), j)),
  good(),
  'E_TOO_LARGE',
  'a declared size far over the budget',
);
write(
  'weight-name-number',
  tiny((j) => ((specs(j)[0].name = 42), j)),
  good(),
  'E_MODEL_FILE',
  'a weight name that is a number',
);
write(
  'weight-name-proto',
  tiny((j) => ((specs(j)[0].name = '__proto__'), j)),
  good(),
  'E_MODEL_FILE',
  "a weight named '__proto__'",
);
write(
  'weight-dtype-int32',
  tiny((j) => ((specs(j)[1].dtype = 'int32'), j)),
  good(),
  'E_MODEL_FILE',
  'int32 weights',
);
write(
  'weight-quantized',
  tiny((j) => ((specs(j)[0].quantization = { dtype: 'uint8', scale: 1, min: 0 }), j)),
  good(),
  'E_MODEL_FILE',
  'quantized weights',
);
write(
  'weights-nan',
  tiny(),
  { 'weights.bin': floats([NaN, 1, 2, NaN, ...new Array(16).fill(0)]) },
  'E_MODEL_FILE',
  'NaN values',
);
write(
  'weights-infinity',
  tiny(),
  { 'weights.bin': floats([...new Array(19).fill(0), Infinity]) },
  'E_MODEL_FILE',
  'an infinite value',
);
write(
  'bin-shorter',
  tiny(),
  { 'weights.bin': floats(new Array(19).fill(0)) },
  'E_MODEL_FILE',
  'the bin is 4 bytes short',
);
write(
  'bin-longer',
  tiny(),
  { 'weights.bin': floats(new Array(21).fill(0)) },
  'E_MODEL_FILE',
  'the bin has 4 bytes too many',
);
write(
  'bin-missing',
  tiny((j) => ((j.weightsManifest[0].paths = ['weights.bin', 'part2.bin']), j)),
  good(),
  'E_MODEL_FILE',
  'a named bin is not there',
);
write(
  'duplicate-weight-names',
  tiny((j) => ((specs(j)[1] = { name: 'd/kernel', shape: [4], dtype: 'float32' }), j)),
  good(),
  'E_MODEL_FILE',
  'two weights with one name',
);
write(
  'weight-shape-mismatch',
  tiny((j) => ((specs(j)[0].shape = [2, 8]), j)),
  good(),
  'E_MODEL_FILE',
  'a kernel of the right size and the wrong shape',
);
write(
  'weight-count-mismatch',
  tiny((j) => ((specs(j)[0].shape = [4, 3]), (specs(j)[1].shape = [8]), j)),
  good(),
  'E_MODEL_FILE',
  'the layer holds more numbers than it has',
);
write(
  'weight-no-layer',
  tiny((j) => ((specs(j)[1].name = 'ghost/bias'), j)),
  good(),
  'E_MODEL_FILE',
  'a weight of a layer not in the model',
);
write(
  'path-dotdot',
  withPath('../weights.bin'),
  {},
  'E_PATH_NOT_ALLOWED',
  'a weight path up one folder',
);
write(
  'path-absolute',
  withPath('/etc/passwd'),
  {},
  'E_PATH_NOT_ALLOWED',
  'an absolute weight path',
);
write(
  'path-backslash',
  withPath('..\\weights.bin'),
  {},
  'E_PATH_NOT_ALLOWED',
  'a Windows-style path',
);
write(
  'path-url-encoded',
  withPath('%2e%2e/weights.bin'),
  {},
  'E_PATH_NOT_ALLOWED',
  'an URL-encoded ..',
);
write('path-nul', withPath('weights.bin\u0000.png'), {}, 'E_PATH_NOT_ALLOWED', 'a NUL in the path');
write('path-drive', withPath('C:weights.bin'), {}, 'E_PATH_NOT_ALLOWED', 'a Windows drive');

// The app's own TensorFlow.js export of a preset: it must open again.
const cache = join(ROOT, 'node_modules/.cache/autoencoder-studio-scripts');
mkdirSync(cache, { recursive: true });
const entry = join(cache, 'hostileExport.ts');
writeFileSync(
  entry,
  [
    `export { writeTfjsModel } from '${join(ROOT, 'src/main/services/export/tfjs')}';`,
    `export { buildModel } from '${join(ROOT, 'src/main/services/model')}';`,
    `export { getPreset } from '${join(ROOT, 'src/shared/presets')}';`,
  ].join('\n'),
);
const bundle = join(cache, 'hostileExport.mjs');
await build({
  input: entry,
  platform: 'node',
  plugins: [importGlobPlugin()],
  external: [/^@tensorflow\//, /^node:/],
  output: { file: bundle, format: 'esm' },
  logLevel: 'silent',
});
const app = await import(bundle);
const tf = await import('@tensorflow/tfjs');
await tf.setBackend('cpu');
const preset = app.getPreset('shallow');
const built = app.buildModel(preset.graph);
const tmp = join(cache, 'shallow-export');
const written = await app.writeTfjsModel(built.value, preset.graph, tmp, preset.settings);
if (!written.ok) throw new Error(written.error.message);
const { readFileSync } = await import('node:fs');
write(
  'valid-app-export-shallow',
  readFileSync(join(tmp, 'model/model.json'), 'utf8'),
  { 'weights.bin': readFileSync(join(tmp, 'model/weights.bin')) },
  null,
  "the app's own tfjs export of the shallow preset",
);
built.value.dispose();

writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`${manifest.length} cases written to ${OUT}`);
