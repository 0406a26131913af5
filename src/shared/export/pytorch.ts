/**
 * The PyTorch export: a Python 3 script (torch >= 1.13) with the design as an `nn.Module`, its
 * custom terms (tied weights, sparsity, contractive, KL), the project's loss, optimizer and
 * training procedure, and, beside it, the app's trained weights as an .npz.
 */
import { compileGraph, type GraphAnalysis, type KerasModelSpec } from '../compiler';
import { fail, ok, type Result } from '../contract/result';
import type { Procedure, TrainSettings } from '../contract/training';
import { pyDocText } from '../escape/python';
import type { GraphDocument } from '../graph/document';
import { getPreset } from '../presets';
import { compiledGame } from './game/compiled';
import { exportPytorchGameScript } from './game/torchGame';
import { pyValue } from './python';
import { planGreedyPhases } from './pytorch/greedyPlan';
import { torchModule, type TorchPhase } from './pytorch/module';
import { PY_RUNTIME } from './pytorch/runtime';
import {
  commandLine,
  greedyTraining,
  optimizerLines,
  plainTraining,
  reuseTraining,
} from './pytorch/training';

export { pytorchWeightArrays } from './pytorch/weights';

export interface PytorchScriptOptions {
  /** The project's or preset's title, for the script's docstring. */
  title?: string;
  /** The .npz of trained weights written beside the script; predictions load it. */
  weightsFile?: string;
  /** The design's training procedure (greedy phases, encoder reuse); a plain fit when absent. */
  procedure?: Procedure;
}

type Compiled = { spec: KerasModelSpec; analysis: GraphAnalysis };

function compiled(doc: GraphDocument, what: string): Result<Compiled> {
  const c = compileGraph(doc);
  if (c.ok) return ok({ spec: c.spec, analysis: c.analysis });
  const first = c.analysis.diagnostics.find((d) => d.severity === 'error');
  return fail(
    'E_INVALID_GRAPH',
    `${what} cannot be written as PyTorch code yet: ${first?.message ?? 'the graph is empty.'}`,
  );
}

const MODEL_DOC = "The design, layer by layer, with the app's layer names.";

/** The classes and the train function of the design's procedure. */
function procedureParts(
  main: Compiled,
  settings: TrainSettings,
  procedure: Procedure | undefined,
): Result<{ classes: string[]; train: string[] }> {
  const { spec, analysis } = main;
  const classCount =
    spec.studio.task === 'classify'
      ? (spec.config.layers.find((l) => l.name === spec.studio.outputLayer)?.config.units as number)
      : null;
  if (procedure?.kind === 'greedy') {
    const phases = planGreedyPhases(spec, analysis, procedure);
    if (!phases.ok) return phases;
    const model = torchModule('Autoencoder', spec, analysis, MODEL_DOC, phases.value);
    if (!model.ok) return model;
    const attrs = model.value.attributes;
    const modules = (p: TorchPhase) =>
      p.layers.filter((l) => attrs.has(l)).map((l) => attrs.get(l)!);
    const train = greedyTraining(
      settings,
      phases.value.map((p, k) => ({ ...procedure.phases[k], modules: modules(p) })),
      procedure.fineTuneEpochs,
    );
    return ok({ classes: [model.value.text], train });
  }
  const model = torchModule('Autoencoder', spec, analysis, MODEL_DOC);
  if (!model.ok) return model;
  if (procedure?.kind !== 'reuse-encoder')
    return ok({ classes: [model.value.text], train: plainTraining(settings, classCount) });
  const preset = getPreset(procedure.pretrainPresetId);
  if (!preset || spec.studio.task !== 'classify')
    return fail(
      'E_UNSUPPORTED',
      `The encoder reuse cannot be written as PyTorch code: it needs a classifier and the preset '${procedure.pretrainPresetId}' to pretrain.`,
    );
  const pre = compiled(preset.graph, 'The pretrained autoencoder');
  if (!pre.ok) return pre;
  const pretrained = torchModule(
    'Pretrained',
    pre.value.spec,
    pre.value.analysis,
    'The autoencoder whose encoder the classifier reuses, pretrained without labels.',
  );
  if (!pretrained.ok) return pretrained;
  // Every layer with weights but the head has a twin of the same name in the pretrained model.
  const shared: [string, string][] = [];
  for (const [name, attr] of model.value.attributes) {
    if (name === spec.studio.outputLayer) continue;
    const twin = pretrained.value.attributes.get(name);
    if (!twin)
      return fail(
        'E_UNSUPPORTED',
        `The encoder reuse cannot be written as PyTorch code: the layer '${name}' has no twin in the preset '${procedure.pretrainPresetId}'.`,
      );
    shared.push([attr, twin]);
  }
  const head = model.value.attributes.get(spec.studio.outputLayer)!;
  const train = reuseTraining(
    settings,
    procedure.pretrainPresetId,
    procedure.labelledCount,
    classCount ?? 10,
    shared,
    head,
  );
  return ok({ classes: [model.value.text, pretrained.value.text], train });
}

/**
 * A PyTorch script of the design: the model as an nn.Module, trained as the app trains it on the
 * data given (an .npy path, else random placeholder samples), and a `--predict IN OUT` mode that
 * writes the outputs and codes of the app's trained weights.
 */
export function exportPytorchScript(
  doc: GraphDocument,
  settings: TrainSettings,
  options: PytorchScriptOptions = {},
): Result<string> {
  // A game's networks train by its own procedure (src/shared/export/game).
  const game = compiledGame(doc);
  if (game) return exportPytorchGameScript(game, settings, options);
  const main = compiled(doc, 'The model');
  if (!main.ok) return main;
  const parts = procedureParts(main.value, settings, options.procedure);
  if (!parts.ok) return parts;
  const { totals } = main.value.analysis;
  // The title is a person's text: escaped so no quote or newline in it can end the docstring.
  const title = pyDocText(options.title ?? 'autoencoder');
  const lines = [
    '"""',
    `${title}: exported from Autoencoder Studio.`,
    '',
    "The same model as the app's in PyTorch (channels-last between layers, as in Keras), with the",
    "project's loss, optimizer and training procedure.",
    '  python this.py [samples.npy] [--labels labels.npy]   trains (random placeholder data without a file)',
    '  python this.py --predict in.npy out.npz             outputs and codes of the trained weights',
    '  torchrun --nproc_per_node=N this.py [samples.npy]   trains in N processes (DistributedDataParallel)',
    `Parameters: ${totals.total.toLocaleString('en-US')} (${totals.trainable.toLocaleString('en-US')} trainable).`,
    '"""',
    'import argparse',
    'import json',
    'import os',
    '',
    'import numpy as np',
    'import torch',
    'import torch.distributed as dist',
    'import torch.nn.functional as F',
    'from torch import nn',
    'from torch.nn.parallel import DistributedDataParallel',
    'from torch.utils.data import DistributedSampler',
    '',
    `SEED = ${pyValue(settings.seed)}`,
    `BATCH_SIZE = ${pyValue(settings.batchSize)}`,
    PY_RUNTIME,
    '',
    ...optimizerLines(settings),
    '',
    '',
    ...parts.value.classes.flatMap((c) => [c, '', '']),
    ...parts.value.train,
    '',
    '',
    ...commandLine(options.weightsFile),
    '',
  ];
  return ok(lines.join('\n'));
}
