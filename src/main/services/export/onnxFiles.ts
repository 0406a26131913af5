import { ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import type { BuiltModel } from '../model';
import { onnxModels } from './onnx';
import type { ArchiveFiles } from './tfjsArchive';

/** What the ONNX zip's README says: which file is which, and how to run one. */
function onnxReadme(parts: string[]): string {
  const lines = [
    '# ONNX models, exported from Autoencoder Studio',
    '',
    'The trained model as ONNX (opset 13), the format ONNX Runtime, Netron and most tools read.',
    'Each file takes a batch first; images are channels last, as in the app (N x 28 x 28 x 1).',
    'Training-only layers (noise, sparsity penalties) are left out; a variational encoder gives',
    'the mean of its code.',
    '',
    ...parts.map((p) => `- \`${p}.onnx\`: ${PART_TEXT[p] ?? p}`),
    '',
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

/** The ONNX export's files: one .onnx per inference part, and a README. */
export async function onnxExportFiles(
  built: BuiltModel,
  doc: GraphDocument,
): Promise<Result<{ files: ArchiveFiles; parts: string[] }>> {
  // The weights are already in the built model (exportTfjsModel writes trained ones into it).
  const made = await onnxModels(built, doc);
  if (!made.ok) return made;
  const files: ArchiveFiles = {};
  for (const { part, bytes } of made.value) files[`${part}.onnx`] = bytes;
  const parts = made.value.map((m) => m.part);
  files['README.md'] = onnxReadme(parts);
  return ok({ files, parts });
}
