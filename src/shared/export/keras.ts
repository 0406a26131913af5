import { compileGraph, type KerasLayerSpec, type KerasModelSpec } from '../compiler';
import { fail, ok, type Result } from '../contract/result';
import type { TrainSettings } from '../contract/training';
import type { GraphDocument } from '../graph/document';
import { PY_CUSTOM_LAYERS } from './kerasLayers';
import { pyDocText } from '../escape/python';
import { nameAllocator, pyCall, pyKwargs, pyValue } from './python';

export interface KerasScriptOptions {
  /** The project's or preset's title, for the script's docstring. */
  title?: string;
  /** How many random placeholder samples the fit call trains on. */
  samples?: number;
  /** Share of the samples held out for validation. */
  validationShare?: number;
}

const LOSSES: Record<KerasModelSpec['studio']['loss'], string> = {
  mse: 'mse',
  binaryCrossentropy: 'binary_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
};

function optimizerOf(s: TrainSettings): string {
  switch (s.optimizer) {
    case 'adam':
      return `keras.optimizers.Adam(learning_rate=${pyValue(s.learningRate)})`;
    case 'sgd':
      return `keras.optimizers.SGD(learning_rate=${pyValue(s.learningRate)}, momentum=${pyValue(s.momentum)})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(learning_rate=${pyValue(s.learningRate)})`;
  }
}

const side = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const activationArg = (a: unknown) => (a === 'linear' || a === undefined ? undefined : a);

/** The constructor of a layer: class and arguments (without name and trainable). */
function constructorOf(
  layer: KerasLayerSpec,
  objectVar: (name: string) => string,
): [string, string[]] | null {
  const c = layer.config;
  switch (layer.class_name) {
    case 'Dense':
      return [
        'layers.Dense',
        [
          pyValue(c.units),
          ...pyKwargs({
            activation: activationArg(c.activation),
            use_bias: c.use_bias === false ? false : undefined,
          }),
        ],
      ];
    case 'TiedDense':
      return [
        'TiedDense',
        [
          objectVar(c.partner as string),
          ...pyKwargs({
            activation: activationArg(c.activation),
            use_bias: c.use_bias === false ? false : undefined,
          }),
        ],
      ];
    case 'Activation':
      return ['layers.Activation', [pyValue(c.activation)]];
    case 'Dropout':
      return ['layers.Dropout', [pyValue(c.rate)]];
    case 'GaussianNoise':
      return ['layers.GaussianNoise', [pyValue(c.stddev)]];
    case 'MaskingNoise':
    case 'SaltAndPepperNoise':
      return [layer.class_name, pyKwargs({ rate: c.rate })];
    case 'BatchNormalization':
      return ['layers.BatchNormalization', pyKwargs({ momentum: c.momentum, epsilon: c.epsilon })];
    case 'Flatten':
      return ['layers.Flatten', []];
    case 'Reshape':
      return ['layers.Reshape', [pyValue(c.target_shape)]];
    case 'Conv2D':
    case 'Conv2DTranspose':
      return [
        `layers.${layer.class_name}`,
        [
          pyValue(c.filters),
          pyValue(side(c.kernel_size)),
          ...pyKwargs({
            strides: side(c.strides) === 1 ? undefined : side(c.strides),
            padding: c.padding,
            activation: activationArg(c.activation),
          }),
        ],
      ];
    case 'MaxPooling2D':
      return [
        'layers.MaxPooling2D',
        [
          pyValue(side(c.pool_size)),
          ...pyKwargs({ padding: c.padding === 'valid' ? undefined : c.padding }),
        ],
      ];
    case 'UpSampling2D':
      return ['layers.UpSampling2D', [pyValue(side(c.size))]];
    case 'Code':
      return [
        'Code',
        pyKwargs({
          sparsity: c.sparsity === 'none' ? undefined : c.sparsity,
          sparsity_weight: c.sparsity === 'none' ? undefined : c.sparsity_weight,
          target_rate: c.sparsity === 'kl' ? c.target_rate : undefined,
          contractive_weight:
            (c.contractive_weight as number) > 0 ? c.contractive_weight : undefined,
        }),
      ];
    case 'Sampling':
      return ['Sampling', pyKwargs({ beta: c.beta })];
    default:
      return null;
  }
}

/** The layers another layer refers to as an object (a tied partner, a contractive code's Dense). */
function referencedLayers(spec: KerasModelSpec): Map<string, string> {
  const refs = new Map<string, string>();
  for (const layer of spec.config.layers) {
    if (layer.class_name === 'TiedDense') refs.set(layer.config.partner as string, '');
    if (layer.class_name === 'Code' && (layer.config.contractive_weight as number) > 0) {
      const source = spec.config.layers.find((l) => l.name === layer.inbound_nodes[0]?.[0]?.[0]);
      if (source?.class_name === 'Dense') refs.set(source.name, String(source.config.activation));
    }
  }
  return refs;
}

/**
 * A Python script that builds the graph's model with the Keras functional API (the app's own
 * layers defined in it), compiles it with the project's settings and fits it on placeholder data.
 */
export function exportKerasScript(
  doc: GraphDocument,
  settings: TrainSettings,
  options: KerasScriptOptions = {},
): Result<string> {
  const compiled = compileGraph(doc);
  if (!compiled.ok) {
    const first = compiled.analysis.diagnostics.find((d) => d.severity === 'error');
    return fail(
      'E_INVALID_GRAPH',
      `The model cannot be written as Keras code yet: ${first?.message ?? 'the graph is empty.'}`,
    );
  }
  const { spec, analysis } = compiled;
  const tensors = new Map<string, string>();
  const refs = referencedLayers(spec);
  const alloc = nameAllocator();
  const objects = new Map([...refs.keys()].map((name) => [name, alloc(`${name}_layer`)]));
  const objectVar = (name: string) => objects.get(name)!;
  const body: string[] = [];
  const used = new Set<string>();
  let inputShape: number[] = [];
  for (const layer of spec.config.layers) {
    if (layer.class_name === 'InputLayer') {
      inputShape = (layer.config.batch_input_shape as number[]).slice(1);
      body.push(`inputs = keras.Input(shape=${pyValue(inputShape)}, name=${pyValue(layer.name)})`);
      tensors.set(layer.name, 'inputs');
      continue;
    }
    const v = alloc(layer.name);
    tensors.set(layer.name, v);
    const ctor = constructorOf(layer, objectVar);
    if (!ctor)
      return fail(
        'E_INVALID_GRAPH',
        `The layer '${layer.name}' (${layer.class_name}) cannot be written as Keras code.`,
      );
    if (PY_CUSTOM_LAYERS[layer.class_name]) used.add(layer.class_name);
    const [callee, args] = ctor;
    if (layer.class_name === 'Code' && (layer.config.contractive_weight as number) > 0) {
      const source = layer.inbound_nodes[0][0][0];
      if (refs.has(source))
        args.push(`dense=${objectVar(source)}`, `dense_activation=${pyValue(refs.get(source))}`);
    }
    args.push(`name=${pyValue(layer.name)}`);
    if (layer.config.trainable === false) args.push('trainable=False');
    const sources = (layer.inbound_nodes[0] ?? []).map(([name]) => tensors.get(name)!);
    const input = sources.length === 1 ? sources[0] : `[${sources.join(', ')}]`;
    if (refs.has(layer.name)) {
      body.push(`${objectVar(layer.name)} = ${pyCall(callee, args)}`);
      body.push(`${v} = ${objectVar(layer.name)}(${input})`);
    } else {
      body.push(`${v} = ${pyCall(callee, args)}(${input})`);
    }
  }
  const outputVar = tensors.get(spec.studio.outputLayer)!;
  const codeVar = spec.studio.codeLayer ? tensors.get(spec.studio.codeLayer) : null;
  const classify = spec.studio.task === 'classify';
  const samples = options.samples ?? 1000;
  const classes = classify
    ? (spec.config.layers.find((l) => l.name === spec.studio.outputLayer)?.config.units as number)
    : 0;
  // The title is a person's text: escaped so no quote or newline in it can end the docstring.
  const title = pyDocText(options.title ?? 'autoencoder');

  const lines = [
    '"""',
    `${title}: exported from Autoencoder Studio.`,
    '',
    "Builds the same model with the Keras functional API, compiles it with the project's settings",
    'and trains it on random placeholder data. Replace x_train with your own data (values in [0, 1]).',
    `Parameters: ${analysis.totals.total.toLocaleString('en-US')} (${analysis.totals.trainable.toLocaleString('en-US')} trainable).`,
    '"""',
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
  ];
  const order = ['TiedDense', 'Sampling', 'MaskingNoise', 'SaltAndPepperNoise', 'Code'];
  const custom = order.filter((k) => used.has(k));
  if (custom.length > 0) {
    lines.push('', "# The app's own layers, as small Keras layers.", '');
    for (const k of custom) lines.push(PY_CUSTOM_LAYERS[k], '');
  }
  lines.push('', '# The model, layer by layer, with the names of the graph.', ...body);
  lines.push('', `autoencoder = keras.Model(inputs, ${outputVar}, name="autoencoder")`);
  if (codeVar && !classify) lines.push(`encoder = keras.Model(inputs, ${codeVar}, name="encoder")`);
  lines.push(
    '',
    pyCall('autoencoder.compile', [
      `optimizer=${optimizerOf(settings)}`,
      `loss=${pyValue(LOSSES[spec.studio.loss])}`,
    ]),
    'autoencoder.summary()',
    '',
    '# Placeholder data: replace with your own.',
    `x_train = np.random.rand(${[samples, ...inputShape].map(pyValue).join(', ')}).astype("float32")`,
  );
  lines.push(
    classify
      ? `y_train = keras.utils.to_categorical(np.random.randint(0, ${pyValue(classes)}, size=${pyValue(samples)}), ${pyValue(classes)})`
      : 'y_train = x_train  # an autoencoder learns to give back its input',
  );
  lines.push(
    pyCall('history = autoencoder.fit', [
      'x_train',
      'y_train',
      `epochs=${pyValue(settings.epochs)}`,
      `batch_size=${pyValue(settings.batchSize)}`,
      `validation_split=${pyValue(options.validationShare ?? 0.1)}`,
    ]),
    '',
  );
  return ok(lines.join('\n'));
}
