/**
 * The Keras export of a design that plays an adversarial game: each network a Keras functional
 * model (the same per-layer writers as any design, names unique across the script), the game's
 * rules as constants, the adversarial procedure with tf.GradientTape, the app's trained weights
 * loaded from the .npz beside the script, and both networks saved as .keras files.
 */
import type { KerasModelSpec } from '../../compiler';
import { fail, ok, type Result } from '../../contract/result';
import type { TrainSettings } from '../../contract/training';
import { pyDocText } from '../../escape/python';
import { PY_LINKING, pyCustomLayers } from '../kerasLayers';
import { modelCode, needsLinking, type ModelCode } from '../kerasModelCode';
import { optimizerFunction } from '../kerasProcedure';
import { kerasWeightLayers } from '../kerasWeights';
import { nameAllocator, pyValue } from '../python';
import { networksOf, type CompiledGame } from './compiled';
import { KERAS_GAME_NAMES, kerasGameTraining } from './kerasTraining';
import { gameWords, RULE_NAMES, ruleLines } from './rules';
import type { GameScriptOptions } from './torchGame';

const refuse = (message: string) =>
  fail('E_INVALID_GRAPH', `The game cannot be written as Keras code yet: ${message}`);

const I = '    ';

/** The lines that load the app's weights into every network by layer name. */
function weightsLines(game: CompiledGame['game'], weightsFile: string | undefined): string[] {
  const table = networksOf(game).flatMap(([model, spec]) =>
    kerasWeightLayers(spec).map(
      ([layer, names]) => `${I}(${model}, ${pyValue(layer)}, ${pyValue(names)}),`,
    ),
  );
  return [
    `WEIGHTS_FILE = ${weightsFile ? pyValue(weightsFile) : 'None'}`,
    '# (network, layer, names of its weights in WEIGHTS_FILE in set_weights order), every network.',
    'TRAINED_WEIGHTS = (',
    ...table,
    ')',
    '',
    '',
    'def load_trained_weights(path=None):',
    '    """Puts the weights the app trained (saved beside this script) into every network\'s layers;',
    '    False when there are none."""',
    '    if path is None and WEIGHTS_FILE is not None:',
    '        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), WEIGHTS_FILE)',
    '    if path is None or not os.path.exists(path):',
    '        return False',
    '    with np.load(path) as arrays:',
    '        for model, layer_name, names in TRAINED_WEIGHTS:',
    '            model.get_layer(layer_name).set_weights([arrays[n] for n in names])',
    '    return True',
  ];
}

const MAIN = `def load_data(path, shape, placeholder=1000):
    """Samples from an .npy file (values in [0, 1]; 0-255 integers are scaled), else random ones."""
    if path is None:
        print("No data given: training on random placeholder data.")
        return np.random.rand(placeholder, *shape).astype("float32")
    x = np.load(path, allow_pickle=False).astype("float32")
    if x.max() > 1.0:
        x = x / 255.0
    return x.reshape(len(x), *shape)


def run_options(argv):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("data", nargs="?", help="an .npy file of real samples, values in [0, 1]")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train")
    parser.add_argument("--max-steps", type=int, help="a quick check: stop after this many batches")
    parser.add_argument("--out", default=".", help="the folder the trained networks are saved in")
    return parser.parse_args(argv)


def save_models(folder):
    os.makedirs(folder, exist_ok=True)
    for model in MODELS:
        path = os.path.join(folder, "%s.keras" % model.name)
        model.save(path)
        print("Saved", path)
`;

/** A Keras script of a game design; see the module's comment. */
export function exportKerasGameScript(
  compiled: CompiledGame,
  settings: TrainSettings,
  options: GameScriptOptions = {},
): Result<string> {
  const { game, analysis } = compiled;
  const alloc = nameAllocator();
  // The script's own names first, so a layer called "generator" gets another variable.
  for (const name of [...KERAS_GAME_NAMES, ...RULE_NAMES, 'RECONSTRUCTION_LOSS']) alloc(name);
  const built: [string, KerasModelSpec, ModelCode][] = [];
  const inputVars = {
    generator: 'noise',
    autoencoder: 'samples',
    discriminator: game.kind === 'gan' ? 'samples' : 'codes',
  };
  for (const [name, spec] of networksOf(game)) {
    const made = modelCode(spec, alloc, inputVars[name]);
    if (!made.ok)
      return refuse(
        `the layer '${made.layer.name}' (${made.layer.class_name}) cannot be written as Keras code.`,
      );
    built.push([name, spec, made.code]);
  }
  const linked = built.some(([, spec]) => needsLinking(spec));
  const modelClass = linked ? 'StudioModel' : 'keras.Model';
  const used = new Set(built.flatMap(([, , code]) => [...code.used]));
  const title = pyDocText(
    options.title ?? (game.kind === 'gan' ? 'GAN' : 'adversarial autoencoder'),
  );
  const { totals } = analysis;
  const lines = [
    '"""',
    `${title}: exported from Autoencoder Studio.`,
    '',
    gameWords(game),
    'Builds the same networks with the Keras functional API and plays the same game (the Adversary',
    "node's rules) with tf.GradientTape. Run as a script it trains on the .npy of samples given",
    options.weightsFile
      ? '(random placeholder data without one), starting from the weights the app trained, and saves'
      : '(random placeholder data without one) and saves',
    'every network as a .keras file.',
    `Parameters: ${totals.total.toLocaleString('en-US')} (${totals.trainable.toLocaleString('en-US')} trainable).`,
    '"""',
    'import argparse',
    'import os',
    '',
    'import numpy as np',
    'import tensorflow as tf',
    'import keras',
    'from keras import layers',
    '',
  ];
  const custom = [...pyCustomLayers()].filter(([k]) => used.has(k));
  if (custom.length > 0) {
    lines.push(
      '',
      "# The app's own layers, as small Keras layers that Keras can save and load.",
      '',
    );
    if (linked) lines.push(PY_LINKING, '');
    for (const [, source] of custom) lines.push(source, '');
  }
  lines.push(
    '',
    "EPSILON = 1e-7  # Keras' epsilon: keeps the logarithms of the cross-entropies finite",
    `SEED = ${pyValue(settings.seed)}`,
    `BATCH_SIZE = ${pyValue(settings.batchSize)}`,
    ...ruleLines(game, settings.epochs),
  );
  if (game.kind === 'aae')
    lines.push(
      `RECONSTRUCTION_LOSS = ${pyValue(game.autoencoder.studio.loss === 'mse' ? 'mse' : 'binary_crossentropy')}`,
    );
  lines.push('keras.utils.set_random_seed(SEED)', '');
  const names: string[] = [];
  for (const [name, spec, code] of built) {
    const input = inputVars[name as keyof typeof inputVars];
    const out = code.tensors.get(spec.studio.outputLayer)!;
    lines.push('', `# The ${name}, layer by layer, with the names of the graph.`, ...code.lines);
    lines.push(`${name} = ${modelClass}(${input}, ${out}, name=${pyValue(name)})`);
    names.push(name);
    if (name === 'autoencoder') {
      const codeVar = spec.studio.codeLayer ? code.tensors.get(spec.studio.codeLayer) : null;
      if (!codeVar)
        return refuse('the autoencoder has no code layer for the discriminator to judge.');
      lines.push('# The encoder plays the generator: its codes are what the discriminator judges.');
      lines.push(`encoder = ${modelClass}(${input}, ${codeVar}, name="encoder")`);
    }
  }
  lines.push(`MODELS = (${names.join(', ')})`, '', '');
  if (game.kind === 'aae') lines.push(...optimizerFunction(settings), '', '');
  lines.push(
    ...kerasGameTraining(game.kind),
    '',
    ...weightsLines(game, options.weightsFile),
    '',
    '',
  );
  lines.push(MAIN, '');
  const sampleInput = game.kind === 'gan' ? 'discriminator' : 'autoencoder';
  lines.push(
    'if __name__ == "__main__":',
    '    RUN = run_options(None)',
    ...names.map((n) => `    ${n}.summary()`),
    '    if load_trained_weights():',
    '        print("Loaded the weights the app trained; training goes on from them.")',
    `    x_train = load_data(RUN.data, ${sampleInput}.input_shape[1:])`,
    '    train(x_train, epochs=RUN.epochs, max_steps=RUN.max_steps)',
    '    save_models(RUN.out)',
    '',
  );
  return ok(lines.join('\n'));
}
