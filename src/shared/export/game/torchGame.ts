/**
 * The PyTorch export of a design that plays an adversarial game: each network an nn.Module
 * (written by the same per-layer writers as any design), the game's rules as constants, the
 * adversarial procedure, and `--generate N OUT.npz` for samples of the generator.
 */
import { ok, fail, type Result } from '../../contract/result';
import type { TrainSettings } from '../../contract/training';
import { pyDocText } from '../../escape/python';
import { pyValue } from '../python';
import { torchModule } from '../pytorch/module';
import { PY_RUNTIME } from '../pytorch/runtime';
import { optimizerLines } from '../pytorch/training';
import type { CompiledGame } from './compiled';
import { decoderSpec, encoderLayers } from './decoderSpec';
import { gameWords, ruleLines } from './rules';
import { gameCommandLine } from './torchCommandLine';
import { gameTraining } from './torchTraining';

export interface GameScriptOptions {
  title?: string;
  weightsFile?: string;
}

const refuse = (message: string) =>
  fail('E_UNSUPPORTED', `The game cannot be written as PyTorch code yet: ${message}`);

/** The classes of the game's networks, and lines that tie them together after the classes. */
function classesOf({
  game,
  analysis,
}: CompiledGame): Result<{ classes: string[]; after: string[] }> {
  const discriminator = torchModule(
    'Discriminator',
    game.discriminator,
    analysis,
    game.kind === 'gan'
      ? 'The discriminator: a sample in, the probability that it is real out.'
      : 'The discriminator: a code in, the probability that it was drawn from the prior out.',
  );
  if (!discriminator.ok) return discriminator;
  if (game.kind === 'gan') {
    const generator = torchModule(
      'Generator',
      game.generator,
      analysis,
      "The generator: the Prior's noise in, a sample out.",
    );
    if (!generator.ok) return generator;
    return ok({ classes: [generator.value.text, discriminator.value.text], after: [] });
  }
  const spec = game.autoencoder;
  const autoencoder = torchModule(
    'Autoencoder',
    spec,
    analysis,
    'The autoencoder: its encoder plays the generator, its codes are what the discriminator judges.',
  );
  if (!autoencoder.ok) return autoencoder;
  const codeNode = spec.studio.codeLayer ? spec.studio.nodeOfLayer[spec.studio.codeLayer] : null;
  const codeShape = codeNode ? analysis.nodes[codeNode]?.shape : null;
  const decoding = codeShape ? decoderSpec(spec, codeShape) : null;
  if (!decoding) return refuse('its decoder cannot run on a code alone.');
  const decoder = torchModule(
    'Decoder',
    decoding,
    analysis,
    "The autoencoder's decoder alone, for generating from the prior's noise.",
  );
  if (!decoder.ok) return decoder;
  const attrs = autoencoder.value.attributes;
  const shared = [...decoder.value.attributes].map(
    ([name, attr]) => `(${pyValue(attr)}, ${pyValue(attrs.get(name))}),`,
  );
  const encoder = encoderLayers(spec)
    .filter((n) => attrs.has(n))
    .map((n) => attrs.get(n)!);
  return ok({
    classes: [autoencoder.value.text, discriminator.value.text, decoder.value.text],
    after: [
      "# The encoder's layers (the generator's part of the autoencoder), by attribute.",
      `Autoencoder.ENCODER = ${pyValue(encoder)}`,
      "# (the decoder's attribute, the autoencoder's attribute) of every layer they share.",
      `Decoder.SHARED = (${shared.length > 0 ? `\n    ${shared.join('\n    ')}\n` : ''})`,
    ],
  });
}

/** A PyTorch script of a game design; see the module's comment. */
export function exportPytorchGameScript(
  compiled: CompiledGame,
  settings: TrainSettings,
  options: GameScriptOptions = {},
): Result<string> {
  const parts = classesOf(compiled);
  if (!parts.ok) return parts;
  const { game, analysis } = compiled;
  const title = pyDocText(
    options.title ?? (game.kind === 'gan' ? 'GAN' : 'adversarial autoencoder'),
  );
  const { totals } = analysis;
  const lines = [
    '"""',
    `${title}: exported from Autoencoder Studio.`,
    gameWords(game),
    '',
    "The same networks as the app's in PyTorch (channels-last between layers, as in Keras), trained",
    "as the app trains them (the Adversary node's rules).",
    '  python this.py [samples.npy] [--max-steps N]    plays the game (random placeholder data without a file)',
    '  python this.py --generate N out.npz             N samples (and their noise) of the trained weights',
    `Parameters: ${totals.total.toLocaleString('en-US')} (${totals.trainable.toLocaleString('en-US')} trainable).`,
    '"""',
    'import argparse',
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
    ...ruleLines(game, settings.epochs),
    PY_RUNTIME,
    '',
    ...optimizerLines(settings),
    '',
    '',
    ...parts.value.classes.flatMap((c) => [c, '', '']),
    ...parts.value.after,
    '',
    '',
    ...gameTraining(game.kind),
    '',
    ...gameCommandLine(options.weightsFile),
    '',
  ];
  return ok(lines.join('\n'));
}
