/**
 * The script's train() function: one fit, or the project's procedure as code (greedy layer-wise
 * phases one after another; pretrain an autoencoder, then train the classifier on its encoder). What
 * the script cannot do as the app does is said in a comment, never left out silently.
 */
import type { GraphAnalysis, KerasModelSpec } from '../compiler';
import type { GreedyProcedure, TrainSettings } from '../contract/training';
import { pyComment } from '../escape/python';
import { FINE_TUNE_LABEL, REUSE_LABELS } from '../presets/procedurePhases';
import { planKerasPhases } from './kerasGreedyPlan';
import { pyCall, pyValue } from './python';

export const PY_LOSSES: Record<KerasModelSpec['studio']['loss'], string> = {
  mse: 'mse',
  binaryCrossentropy: 'binary_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
};

/** A fresh optimizer per compile: each phase starts its own, as each phase does in the app. */
export function optimizerFunction(s: TrainSettings): string[] {
  const lr = pyValue(s.learningRate);
  const make = {
    adam: `keras.optimizers.Adam(learning_rate=${lr})`,
    sgd: `keras.optimizers.SGD(learning_rate=${lr}, momentum=${pyValue(s.momentum)})`,
    rmsprop: `keras.optimizers.RMSprop(learning_rate=${lr})`,
  }[s.optimizer];
  return ['def make_optimizer():', `    return ${make}`];
}

const I = '    ';
const compileLine = (model: string, loss: string, classify: boolean, indent = I) =>
  indent +
  pyCall(
    `${model}.compile`,
    [
      'optimizer=make_optimizer()',
      `loss=${pyValue(loss)}`,
      ...(classify ? ['metrics=["accuracy"]'] : []),
    ],
    indent,
  );
const fitLine = (
  target: string,
  x: string,
  y: string,
  epochs: string,
  batch: string,
  rest: string,
) => I + pyCall(`${target}`, [x, y, `epochs=${epochs}`, `batch_size=${batch}`, rest], I);

const signature = (s: TrainSettings, validationShare: number, extra = '') =>
  `def train(x_train, y_train, epochs=${pyValue(s.epochs)}, batch_size=${pyValue(s.batchSize)}, validation_split=${pyValue(validationShare)}${extra}):`;

/** One fit of the model: the app's training without a procedure. */
export function plainTrain(
  spec: KerasModelSpec,
  s: TrainSettings,
  validationShare: number,
  note: string[] = [],
): string[] {
  const classify = spec.studio.task === 'classify';
  return [
    signature(s, validationShare),
    `${I}"""Trains the model once on (x_train, y_train), as the app does."""`,
    ...note.map((n) => I + n),
    compileLine('autoencoder', PY_LOSSES[spec.studio.loss], classify),
    fitLine(
      'return autoencoder.fit',
      'x_train',
      'y_train',
      'epochs',
      'batch_size',
      'validation_split=validation_split',
    ),
  ];
}

/** Greedy layer-wise training, phase after phase; one fit with a note where the graph cannot. */
export function greedyTrain(
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  procedure: GreedyProcedure,
  s: TrainSettings,
  validationShare: number,
): string[] {
  const plan = planKerasPhases(spec, analysis, procedure);
  if (!plan.ok)
    return plainTrain(spec, s, validationShare, [
      pyComment(`The project trains greedily, layer by layer, but ${plan.reason}:`),
      '# this script trains the whole model at once instead.',
    ]);
  const epochsOf = (own: number | undefined) => (own === undefined ? 'epochs' : pyValue(own));
  const out = [
    'def phase_model(names, input_shape, name):',
    `${I}"""The named layers of the autoencoder applied one after another: training this model`,
    `${I}trains those layers in place (the same layer objects), and only those."""`,
    `${I}phase_input = keras.Input(shape=input_shape)`,
    `${I}x = phase_input`,
    `${I}for layer_name in names:`,
    `${I}${I}x = autoencoder.get_layer(layer_name)(x)`,
    `${I}return keras.Model(phase_input, x, name=name)`,
    '',
    '',
    signature(s, validationShare),
    `${I}"""Greedy layer-wise training, as the app runs it: each pair of layers, outside in, learns`,
    `${I}to give back its own input (the images, then the codes of the pairs outside it, with MSE);`,
    `${I}then the whole stack is fine-tuned."""`,
    `${I}histories = []`,
    `${I}data = x_train`,
  ];
  for (const [k, phase] of plan.phases.entries()) {
    const shape = pyValue(phase.inputShape);
    const loss = k === 0 ? PY_LOSSES[spec.studio.loss] : 'mse';
    out.push(
      I + pyComment(`Phase ${k + 1}: ${phase.label}`),
      `${I}phase = phase_model(${pyValue(phase.layers)}, ${shape}, "phase_${k + 1}")`,
      compileLine('phase', loss, false),
      fitLine(
        'histories.append(phase.fit',
        'data',
        'data',
        epochsOf(phase.epochs),
        'batch_size',
        'validation_split=validation_split',
      ) + ')',
    );
    if (k < plan.phases.length - 1) {
      const encoder = pyValue(phase.layers.slice(0, phase.encoderCount));
      out.push(
        `${I}# The phase's encoder layers, now trained, turn its input into the next phase's.`,
        `${I}encode = phase_model(${encoder}, ${shape}, "phase_${k + 1}_encoder")`,
        `${I}data = encode.predict(data, batch_size=batch_size, verbose=0)`,
      );
    }
  }
  if (procedure.fineTuneEpochs !== 0) {
    out.push(
      I + pyComment(FINE_TUNE_LABEL),
      compileLine('autoencoder', PY_LOSSES[spec.studio.loss], false),
      fitLine(
        'histories.append(autoencoder.fit',
        'x_train',
        'y_train',
        epochsOf(procedure.fineTuneEpochs),
        'batch_size',
        'validation_split=validation_split',
      ) + ')',
    );
  }
  out.push(`${I}return histories`);
  return out;
}

export interface PretrainModel {
  /** The pretrain model's variable, built in the script beside the classifier. */
  variable: string;
  loss: KerasModelSpec['studio']['loss'];
  presetId: string;
}

/**
 * Encoder reuse: pretrain the autoencoder on all images without labels, copy its encoder into the
 * classifier (layers matched by name, frozen where the head says so), train the classifier on a
 * few labelled samples, then the same classifier from scratch on the same samples, to compare.
 */
export function reuseTrain(
  spec: KerasModelSpec,
  pretrain: PretrainModel,
  labelledCount: number,
  s: TrainSettings,
  validationShare: number,
  linked: boolean,
): string[] {
  const head = pyValue(spec.studio.outputLayer);
  const loss = PY_LOSSES[spec.studio.loss];
  const p = pretrain.variable;
  const fit = (model: string, result: string) =>
    fitLine(
      `${result} = ${model}.fit`,
      'x_few',
      'y_few',
      'epochs',
      'few_batch',
      'validation_data=(x_val, y_val)',
    );
  return [
    'def zero_head(model):',
    `${I}"""Starts the head at zero, so its first guesses are even whatever the scale of the codes."""`,
    `${I}head = model.get_layer(${head})`,
    `${I}head.set_weights([np.zeros_like(w) for w in head.get_weights()])`,
    '',
    '',
    signature(s, validationShare, `, labelled=${pyValue(labelledCount)}`),
    `${I}"""Encoder reuse, as the app runs it: pretrain an autoencoder on all the images (no labels),`,
    `${I}reuse its encoder under the classifier trained on a few labelled samples, and train the same`,
    `${I}classifier from scratch on the same samples to show what pretraining gained."""`,
    `${I}n_val = int(len(x_train) * validation_split)`,
    `${I}x_fit, x_val = x_train[: len(x_train) - n_val], x_train[len(x_train) - n_val :]`,
    `${I}y_fit, y_val = y_train[: len(y_train) - n_val], y_train[len(y_train) - n_val :]`,
    I + pyComment(`1. ${REUSE_LABELS[0]} (preset '${pretrain.presetId}'), without labels.`),
    compileLine(p, PY_LOSSES[pretrain.loss], false),
    fitLine(
      `pretrained = ${p}.fit`,
      'x_fit',
      'x_fit',
      'epochs',
      'batch_size',
      'validation_data=(x_val, x_val)',
    ),
    `${I}# Every classifier layer with weights but the head takes the pretrained layer of its name.`,
    `${I}for layer in autoencoder.layers:`,
    `${I}${I}if layer.weights and layer.name != ${head}:`,
    `${I}${I}${I}layer.set_weights(${p}.get_layer(layer.name).get_weights())`,
    I + pyComment(`2. ${REUSE_LABELS[1]}: its frozen layers keep the pretrained weights.`),
    `${I}# The app draws the labelled samples at random with its seed; here they are the first ones.`,
    `${I}x_few, y_few = x_fit[:labelled], y_fit[:labelled]`,
    `${I}# At least ten steps an epoch on the few samples.`,
    `${I}few_batch = min(batch_size, max(1, -(-len(x_few) // 10)))`,
    `${I}zero_head(autoencoder)`,
    compileLine('autoencoder', loss, true),
    fit('autoencoder', 'on_pretrained'),
    I + pyComment(`3. ${REUSE_LABELS[2]}: every layer trains, from fresh weights.`),
    `${I}scratch = keras.models.clone_model(autoencoder)`,
    ...(linked ? [`${I}link_layers(scratch)`] : []),
    `${I}for layer in scratch.layers:`,
    `${I}${I}layer.trainable = True`,
    `${I}zero_head(scratch)`,
    compileLine('scratch', loss, true),
    fit('scratch', 'from_scratch'),
    `${I}return [pretrained, on_pretrained, from_scratch]`,
  ];
}
