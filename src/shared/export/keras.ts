import { compileGraph, type KerasModelSpec } from '../compiler';
import { fail, ok, type Result } from '../contract/result';
import type { Procedure, TrainSettings } from '../contract/training';
import type { GraphDocument } from '../graph/document';
import { getPreset } from '../presets';
import { pyComment, pyDocText } from '../escape/python';
import { PY_LINKING, pyCustomLayers } from './kerasLayers';
import { modelCode, needsLinking, type ModelCode } from './kerasModelCode';
import {
  greedyTrain,
  optimizerFunction,
  plainTrain,
  reuseTrain,
  type PretrainModel,
} from './kerasProcedure';
import { loadWeightsCode } from './kerasWeights';
import { compiledGame } from './game/compiled';
import { exportKerasGameScript } from './game/kerasGame';
import { nameAllocator, pyValue } from './python';

export { kerasWeightsArrays, kerasWeightNames } from './kerasWeights';

export interface KerasScriptOptions {
  /** The project's or preset's title, for the script's docstring. */
  title?: string;
  /** How many random placeholder samples the fit call trains on. */
  samples?: number;
  /** Share of the samples held out for validation. */
  validationShare?: number;
  /** The project's training procedure (greedy, encoder reuse); absent, one fit. */
  procedure?: Procedure | null;
  /**
   * The name of the `.npz` of trained weights written beside the script (kerasWeightsArrays):
   * the script then loads them instead of training from scratch.
   */
  weightsFile?: string;
}

/**
 * The tf.distribute strategy, chosen when the script runs: by default none (the default
 * strategy, whose scope changes nothing); MirroredStrategy over this machine's GPUs; or
 * MultiWorkerMirroredStrategy over the machines TF_CONFIG lists, each running the script.
 */
const PY_STRATEGY = [
  '# Where the model trains, chosen when the script runs: --strategy (or AESTUDIO_STRATEGY) none,',
  "# the default (one device); mirrored, every GPU of this machine (tf.distribute's MirroredStrategy);",
  '# multiworker, several machines each running this script, listed in TF_CONFIG',
  "# (tf.distribute's MultiWorkerMirroredStrategy). Imported, the script reads the environment only.",
  'STRATEGIES = ("none", "mirrored", "multiworker")',
  '',
  '',
  'def run_options(argv):',
  '    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])',
  '    parser.add_argument("--strategy", choices=STRATEGIES, default=os.environ.get("AESTUDIO_STRATEGY", "none"),',
  '                        help="none (one device), mirrored (this machine\'s GPUs) or multiworker (TF_CONFIG)")',
  '    parser.add_argument("--max-steps", type=int, help="a quick check: one epoch of this many batches")',
  '    return parser.parse_args(argv)',
  '',
  '',
  'def make_strategy(name):',
  '    if name == "mirrored":',
  '        return tf.distribute.MirroredStrategy()',
  '    if name == "multiworker":',
  '        return tf.distribute.MultiWorkerMirroredStrategy()',
  '    if name != "none":',
  '        raise SystemExit("Unknown strategy %r: choose one of %s." % (name, ", ".join(STRATEGIES)))',
  '    return tf.distribute.get_strategy()',
  '',
  '',
  'RUN = run_options(None if __name__ == "__main__" else [])',
  'STRATEGY = make_strategy(RUN.strategy)',
];

/** The main part's quick check (--max-steps): one epoch on that many batches of the data. */
const quickCheck = (batchSize: number) => [
  '    QUICK = {}',
  '    if RUN.max_steps is not None:',
  `        n = RUN.max_steps * ${pyValue(batchSize)}`,
  '        x_train, y_train, QUICK = x_train[:n], y_train[:n], {"epochs": 1}',
  '    if RUN.strategy != "none":',
  '        print("Training under %s on %d replica(s)." % (type(STRATEGY).__name__, STRATEGY.num_replicas_in_sync))',
];

const indented = (lines: string[]) => lines.map((l) => (l === '' ? '' : `    ${l}`));

const refuse = (message: string) =>
  fail('E_INVALID_GRAPH', `The model cannot be written as Keras code yet: ${message}`);

type Built = { ok: true; code: ModelCode } | { ok: false; message: string };

function build(spec: KerasModelSpec, alloc: (n: string) => string, inputVar: string): Built {
  const made = modelCode(spec, alloc, inputVar);
  return made.ok
    ? made
    : {
        ok: false,
        message: `the layer '${made.layer.name}' (${made.layer.class_name}) cannot be written as Keras code.`,
      };
}

/** The pretrain autoencoder of an encoder-reuse procedure, or why there is none. */
function pretrainSpec(presetId: string): { spec: KerasModelSpec } | { reason: string } {
  const preset = getPreset(presetId);
  if (!preset) return { reason: `the preset '${presetId}' to pretrain is not in this app` };
  const compiled = compileGraph(preset.graph);
  return compiled.ok ? { spec: compiled.spec } : { reason: `the preset '${presetId}' has errors` };
}

/**
 * A Python script that builds the graph's model with the Keras functional API (the app's own
 * layers defined in it, each saved and loaded by Keras), a train() function that runs the project's
 * procedure, and a main part that trains on placeholder data or loads the app's trained weights.
 */
export function exportKerasScript(
  doc: GraphDocument,
  settings: TrainSettings,
  options: KerasScriptOptions = {},
): Result<string> {
  // A game's networks train by its own procedure (src/shared/export/game).
  const game = compiledGame(doc);
  if (game) return exportKerasGameScript(game, settings, options);
  const compiled = compileGraph(doc);
  if (!compiled.ok) {
    const first = compiled.analysis.diagnostics.find((d) => d.severity === 'error');
    return refuse(first?.message ?? 'the graph is empty.');
  }
  const { spec, analysis } = compiled;
  const alloc = nameAllocator();
  const main = build(spec, alloc, 'inputs');
  if (!main.ok) return refuse(main.message);
  const { code } = main;
  const classify = spec.studio.task === 'classify';
  const procedure = options.procedure ?? null;
  const validationShare = options.validationShare ?? 0.1;

  // Encoder reuse builds the autoencoder it pretrains beside the classifier.
  let pretrain: (PretrainModel & { code: ModelCode; spec: KerasModelSpec }) | null = null;
  const notes: string[] = [];
  if (procedure?.kind === 'reuse-encoder') {
    const found = pretrainSpec(procedure.pretrainPresetId);
    const made = 'spec' in found ? build(found.spec, alloc, alloc('pretrain_inputs')) : null;
    if (made?.ok && 'spec' in found)
      pretrain = {
        variable: 'pretrain',
        loss: found.spec.studio.loss,
        presetId: procedure.pretrainPresetId,
        code: made.code,
        spec: found.spec,
      };
    else
      notes.push(
        pyComment(
          `The project pretrains an encoder first, but ${'reason' in found ? found.reason : made && !made.ok ? made.message : 'it cannot be built'}:`,
        ),
        '# this script trains the classifier once, without pretraining.',
      );
  }
  const linked = needsLinking(spec) || (pretrain !== null && needsLinking(pretrain.spec));
  const used = new Set([...code.used, ...(pretrain?.code.used ?? [])]);
  const modelClass = linked ? 'StudioModel' : 'keras.Model';

  const outputVar = code.tensors.get(spec.studio.outputLayer)!;
  const codeVar = spec.studio.codeLayer ? code.tensors.get(spec.studio.codeLayer) : null;
  const samples = options.samples ?? 1000;
  const classes = classify
    ? (spec.config.layers.find((l) => l.name === spec.studio.outputLayer)?.config.units as number)
    : 0;
  // The title is a person's text: escaped so no quote or newline in it can end the docstring.
  const title = pyDocText(options.title ?? 'autoencoder');
  const weights = options.weightsFile;

  const lines = [
    '"""',
    `${title}: exported from Autoencoder Studio.`,
    '',
    "Builds the same model with the Keras functional API, and train() trains it with the project's",
    weights
      ? 'settings and procedure. Run as a script, it loads the weights the app trained from the .npz'
      : 'settings and procedure. Run as a script, it trains on random placeholder data: replace',
    weights
      ? 'file beside it. Import it to use `autoencoder` (and `encoder`) in your own code.'
      : 'x_train with your own data (values in [0, 1]), or import it and call train() yourself.',
    `Parameters: ${analysis.totals.total.toLocaleString('en-US')} (${analysis.totals.trainable.toLocaleString('en-US')} trainable).`,
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
  // The model's variables belong to the strategy chosen when the script runs (none by default).
  const model = ['# The model, layer by layer, with the names of the graph.', ...code.lines];
  model.push('', `autoencoder = ${modelClass}(inputs, ${outputVar}, name="autoencoder")`);
  if (codeVar && !classify)
    model.push(`encoder = ${modelClass}(inputs, ${codeVar}, name="encoder")`);
  if (pretrain) {
    const p = pretrain;
    const out = p.code.tensors.get(p.spec.studio.outputLayer)!;
    const input = p.code.tensors.get(p.spec.studio.inputLayer)!;
    model.push(
      '',
      pyComment(`The autoencoder whose encoder the classifier reuses (preset '${p.presetId}').`),
      ...p.code.lines,
      `pretrain = ${modelClass}(${input}, ${out}, name="pretrain")`,
    );
  }
  lines.push('', '', ...PY_STRATEGY, '', 'with STRATEGY.scope():', ...indented(model));
  lines.push('', '', ...optimizerFunction(settings), '', '');
  if (procedure?.kind === 'greedy')
    lines.push(...greedyTrain(spec, analysis, procedure, settings, validationShare));
  else if (procedure?.kind === 'reuse-encoder' && pretrain)
    lines.push(
      ...reuseTrain(spec, pretrain, procedure.labelledCount, settings, validationShare, linked),
    );
  else lines.push(...plainTrain(spec, settings, validationShare, notes));
  if (weights) lines.push('', '', ...loadWeightsCode(spec, weights));

  const placeholder = [
    '    # Placeholder data: replace with your own.',
    `    x_train = np.random.rand(${[samples, ...code.inputShape].map(pyValue).join(', ')}).astype("float32")`,
    classify
      ? `    y_train = keras.utils.to_categorical(np.random.randint(0, ${pyValue(classes)}, size=${pyValue(samples)}), ${pyValue(classes)})`
      : '    y_train = x_train  # an autoencoder learns to give back its input',
  ];
  lines.push('', '', 'if __name__ == "__main__":', '    autoencoder.summary()', ...placeholder);
  lines.push(...quickCheck(settings.batchSize));
  if (weights) {
    lines.push(
      '    load_trained_weights()',
      '    # The trained model predicts as the app does; set True to train it further from here.',
      '    TRAIN_FURTHER = False',
      '    if TRAIN_FURTHER or RUN.max_steps is not None:',
      '        with STRATEGY.scope():',
      '            history = train(x_train, y_train, **QUICK)',
      '    print("First prediction:", autoencoder.predict(x_train[:1], verbose=0))',
    );
  } else {
    lines.push('    with STRATEGY.scope():', '        history = train(x_train, y_train, **QUICK)');
  }
  lines.push('');
  return ok(lines.join('\n'));
}
