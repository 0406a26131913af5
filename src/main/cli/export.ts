import { resolve } from 'node:path';
import {
  EXPORT_FORMATS,
  exportProject,
  MODEL_FORMATS,
  type ExportFormat,
} from '../services/export';
import { decodeWeights } from '../services/projects/files';
import { namedWeights } from '../services/trainer/flatWeights';
import { initBackend } from '../services/tf/backend';
import { loadCliProject } from './source';

export interface ExportArgs {
  source: string | undefined;
  formats: Partial<Record<ExportFormat, boolean>>;
  out?: string;
  scale?: string;
}

/** `export <project> --svg|--png|--pdf|--keras|--pytorch|--tfjs|--tfjs-training|--onnx|--summary [--out DIR] [--scale 1|2|4]` */
export async function exportCommand(args: ExportArgs): Promise<number> {
  const formats = EXPORT_FORMATS.filter((f) => args.formats[f]);
  if (formats.length === 0) {
    console.error(`Choose at least one format: ${EXPORT_FORMATS.map((f) => `--${f}`).join(' ')}`);
    return 2;
  }
  const project = await loadCliProject(args.source);
  if (!project.ok) {
    console.error(project.error.message);
    return 1;
  }
  const { draft, weights, slug } = project.value;
  const outDir = resolve(args.out ?? 'export');
  const scale = Number(args.scale ?? 2) as 1 | 2 | 4;
  // The tfjs export runs the model: start the fast backend first (quietly, unlike tfjs's default).
  if (formats.some((f) => MODEL_FORMATS.has(f))) await initBackend();
  const named = weights
    ? namedWeights({ tensors: weights.tensors, data: decodeWeights(weights) })
    : undefined;
  let failed = 0;
  for (const format of formats as ExportFormat[]) {
    const result = await exportProject(
      draft.graph,
      format,
      outDir,
      { title: draft.name, scale, baseName: slug },
      { settings: draft.settings, procedure: draft.procedure, weights: named },
    );
    if (result.ok) result.value.forEach((p) => console.log(`wrote ${p}`));
    else {
      failed++;
      console.error(`${format}: ${result.error.message}`);
    }
  }
  return failed === 0 ? 0 : 1;
}
