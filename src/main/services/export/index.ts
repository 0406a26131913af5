import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings } from '../../../shared/contract/training';
import { diagramOptionsSchema, graphToSvg } from '../../../shared/diagram';
import { exportKerasScript } from '../../../shared/export/keras';
import { exportSummary } from '../../../shared/export/summary';
import type { GraphDocument } from '../../../shared/graph/document';
import { writeFileAtomic } from '../files';
import { svgToPdf, svgToPng, type PngScale } from './diagramFiles';
import { refuseOverBudget } from './budgetGate';
import { exportTfjsInWorker } from './tfjsInWorker';

export { svgToPng, svgToPdf, PNG_SCALES, type PngScale } from './diagramFiles';
export { writeTfjsModel, type TfjsExportOptions } from './tfjs';
export { exportTfjsInWorker, TFJS_EXPORT_TIME_LIMIT_MS } from './tfjsInWorker';
export { importModelFile } from './importModel';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'keras', 'tfjs', 'summary'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that describe a model to train or run, and so must fit the design budget. */
const MODEL_FORMATS: ReadonlySet<ExportFormat> = new Set(['tfjs', 'keras']);

export const exportOptionsSchema = z
  .object({
    /** The project's title: in the diagram, the script's docstring and the summary. */
    title: z.string().max(300).optional(),
    diagram: diagramOptionsSchema.partial().optional(),
    /** PNG size: 1x, 2x or 4x the SVG's. */
    scale: z.union([z.literal(1), z.literal(2), z.literal(4)]).default(2),
    /** The base of the file names written. */
    baseName: z
      .string()
      .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/)
      .default('autoencoder'),
  })
  .strict();
export type ExportOptions = z.input<typeof exportOptionsSchema>;

export interface ExportExtras {
  settings?: TrainSettings;
  /** Trained weights by name, for the tfjs export. */
  weights?: Record<string, Float32Array>;
}

/**
 * Writes one export of a project into `outDir`: the diagram (svg, png, pdf), the Keras script,
 * the TensorFlow.js model folder or the summary. Returns the paths written.
 */
export async function exportProject(
  doc: GraphDocument,
  format: ExportFormat,
  outDir: string,
  options: ExportOptions = {},
  extras: ExportExtras = {},
): Promise<Result<string[]>> {
  const parsed = exportOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return fail(
      'E_INVALID_MESSAGE',
      `The export settings are not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`,
    );
  }
  const o = parsed.data;
  // A model format of a design over the budget is refused before anything is built; a diagram or
  // summary of it holds no weights and is still drawn.
  const tooLarge = MODEL_FORMATS.has(format) ? refuseOverBudget(doc) : null;
  if (tooLarge) return tooLarge;
  const base = join(outDir, o.baseName);
  const settings = extras.settings ?? DEFAULT_TRAIN_SETTINGS;
  const svg = () => graphToSvg(doc, { ...o.diagram, title: o.diagram?.title ?? o.title ?? null });
  const write = async (path: string, data: string | Uint8Array): Promise<Result<string[]>> => {
    try {
      await mkdir(outDir, { recursive: true });
      await writeFileAtomic(path, data);
      return ok([path]);
    } catch (error) {
      return fail('E_INTERNAL', `The file '${path}' could not be written: ${String(error)}`);
    }
  };
  switch (format) {
    case 'svg':
      return write(`${base}.svg`, svg());
    case 'png': {
      const png = svgToPng(svg(), o.scale as PngScale);
      return png.ok ? write(`${base}${o.scale === 1 ? '' : `@${o.scale}x`}.png`, png.value) : png;
    }
    case 'pdf': {
      const pdf = await svgToPdf(svg());
      return pdf.ok ? write(`${base}.pdf`, pdf.value) : pdf;
    }
    case 'keras': {
      const script = exportKerasScript(doc, settings, { title: o.title });
      return script.ok ? write(`${base}.py`, script.value) : script;
    }
    case 'tfjs': {
      await mkdir(outDir, { recursive: true });
      const dir = `${base}-tfjs`;
      // Built in a worker thread: the host's event loop keeps answering while tfjs runs.
      const written = await exportTfjsInWorker({ doc, dir, settings, weights: extras.weights });
      return written.ok ? ok([dir]) : written;
    }
    case 'summary': {
      const { text, markdown } = exportSummary(doc, o.title);
      const a = await write(`${base}-summary.txt`, text);
      if (!a.ok) return a;
      const b = await write(`${base}-summary.md`, markdown);
      return b.ok ? ok([...a.value, ...b.value]) : b;
    }
  }
}
