/**
 * Trained weights for the Keras script: which of the app's weights each Keras layer takes, in the
 * order `layer.set_weights` wants them, and their shapes. The `.npz` keys are the app's own (tfjs)
 * weight names, "encoder_1/kernel", so the file reads the same whichever export it sits beside.
 */
import { compileGraph, type KerasLayerSpec, type KerasModelSpec } from '../compiler';
import { fail, ok, type Result } from '../contract/result';
import type { GraphDocument } from '../graph/document';
import { descriptorOfClass } from '../layers/registry';
import { gameOfCompiled, networksOf } from './game/compiled';
import { pyValue } from './python';

export interface NpzArray {
  data: Float32Array;
  shape: number[];
}

/**
 * The weight names of a layer, in Keras' set_weights order (tfjs keeps the same order), as the
 * kind owning its class declares them.
 */
export function kerasWeightNames(layer: KerasLayerSpec): string[] {
  const names = descriptorOfClass(layer.class_name)?.kerasClass?.weights?.(layer.config) ?? [];
  return names.map((n) => `${layer.name}/${n}`);
}

/** The shape of one weight from the layer's config and the number of values it holds. */
function shapeOf(layer: KerasLayerSpec, key: string, size: number): number[] | null {
  if (!key.endsWith('/kernel')) return [size];
  const kernelShape = descriptorOfClass(layer.class_name)?.kerasClass?.kernelShape;
  return kernelShape ? kernelShape(layer.config, size) : null;
}

/** Every (layer, weight names) pair of a model that has weights, in the model's layer order. */
export const kerasWeightLayers = (spec: KerasModelSpec): [string, string[]][] =>
  spec.config.layers
    .map((l) => [l.name, kerasWeightNames(l)] as [string, string[]])
    .filter(([, names]) => names.length > 0);

/**
 * What to write into the script's `.npz`: each trained weight (keyed as the app's tfjs model names
 * it) with its shape. Fails, in words, when a weight is missing or does not fit the design.
 */
export function kerasWeightsArrays(
  doc: GraphDocument,
  weights: Record<string, Float32Array>,
): Result<Record<string, NpzArray>> {
  const compiled = compileGraph(doc);
  if (!compiled.ok) return fail('E_INVALID_GRAPH', 'The model cannot be exported: it has errors.');
  const out: Record<string, NpzArray> = {};
  // A game's weights are every network's (layer names are unique across the design).
  const game = gameOfCompiled(compiled);
  const specs = game ? networksOf(game).map(([, spec]) => spec) : [compiled.spec];
  for (const layer of specs.flatMap((spec) => spec.config.layers)) {
    for (const key of kerasWeightNames(layer)) {
      const data = weights[key];
      const shape = data ? shapeOf(layer, key, data.length) : null;
      if (!data || !shape)
        return fail(
          'E_MODEL_FILE',
          `The trained weights do not fit this design (weight '${key}' is ${data ? 'the wrong size' : 'missing'}). Train the model again, then export.`,
        );
      out[key] = { data, shape };
    }
  }
  return ok(out);
}

/** The script's lines that load the `.npz` written beside it into the model's layers. */
export function loadWeightsCode(spec: KerasModelSpec, weightsFile: string): string[] {
  const table = kerasWeightLayers(spec);
  return [
    `WEIGHTS_FILE = ${pyValue(weightsFile)}`,
    '# Each layer with weights and the names of its weights in WEIGHTS_FILE, in set_weights order.',
    'TRAINED_WEIGHTS = {',
    ...table.map(([layer, names]) => `    ${pyValue(layer)}: ${pyValue(names)},`),
    '}',
    '',
    '',
    'def load_trained_weights(path=None):',
    '    """Puts the weights the app trained (saved beside this script) into the model\'s layers."""',
    '    if path is None:',
    '        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), WEIGHTS_FILE)',
    '    with np.load(path) as arrays:',
    '        for layer_name, names in TRAINED_WEIGHTS.items():',
    '            autoencoder.get_layer(layer_name).set_weights([arrays[n] for n in names])',
  ];
}
