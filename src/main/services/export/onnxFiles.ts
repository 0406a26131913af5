import { ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import type { BuiltModel } from '../model';
import type { ExportGame } from './gameExport';
import { onnxModels } from './onnx';
import type { ArchiveFiles } from './tfjsArchive';

/** What the ONNX zip's README says: which file is which, and how to run one. */
function onnxReadme(parts: string[], game: ExportGame['kind'] | null): string {
  const lines = [
    '# ONNX models, exported from Autoencoder Studio',
    '',
    'The trained model as ONNX (opset 13), the format ONNX Runtime, Netron and most tools read.',
    'Each file takes a batch first; images are channels last, as in the app (N x 28 x 28 x 1).',
    'Training-only layers (noise, sparsity penalties) are left out; a variational encoder gives',
    'the mean of its code.',
    '',
    ...parts.map((p) => `- \`${p}.onnx\`: ${(game && GAME_TEXT[game][p]) || PART_TEXT[p] || p}`),
    '',
    ...(game ? [GAME_NOTE[game], ''] : []),
    'Run one in Python:',
    '',
    '```python',
    'import numpy as np, onnxruntime as ort',
    'session = ort.InferenceSession("model.onnx")',
    'name = session.get_inputs()[0].name',
    'x = np.random.rand(4, *session.get_inputs()[0].shape[1:]).astype("float32")',
    'print(session.run(None, {name: x})[0].shape)',
    '```',
    '',
  ];
  return lines.join('\n');
}

const PART_TEXT: Record<string, string> = {
  model: 'the whole model, input to output.',
  encoder: 'input to code.',
  decoder: 'code to output.',
};

/** What a game's files are: a GAN is its generator, an AAE generates with its decoder. */
const GAME_TEXT: Record<ExportGame['kind'], Record<string, string>> = {
  gan: {
    generator:
      "the generator: the Prior's noise (its input is named after the Prior node) to a generated sample. This is the model to deploy.",
    discriminator: 'the discriminator: a sample to the probability (0 to 1) that it is real.',
  },
  aae: {
    decoder:
      "code to output; also the generator: codes drawn from the Prior's distribution make new samples.",
    discriminator:
      "the discriminator: a code to the probability (0 to 1) that it was drawn from the Prior's distribution.",
  },
};

const GAME_NOTE: Record<ExportGame['kind'], string> = {
  gan: 'This design is a generative adversarial network: no encoder, nothing reconstructed. Feed the generator noise drawn as the Prior node draws it. The discriminator is included to score samples; you do not need it to generate.',
  aae: 'This design is an adversarial autoencoder. The discriminator is included to score codes; you do not need it to encode, decode or generate.',
};

/** The ONNX export's files: one .onnx per inference part, and a README. */
export async function onnxExportFiles(
  built: BuiltModel,
  doc: GraphDocument,
  game: ExportGame | null,
): Promise<Result<{ files: ArchiveFiles; parts: string[] }>> {
  // The weights are already in the built models (exportTfjsModel writes trained ones into them).
  const made = await onnxModels(built, doc, undefined, game);
  if (!made.ok) return made;
  const files: ArchiveFiles = {};
  for (const { part, bytes } of made.value) files[`${part}.onnx`] = bytes;
  const parts = made.value.map((m) => m.part);
  files['README.md'] = onnxReadme(parts, game?.kind ?? null);
  return ok({ files, parts });
}
