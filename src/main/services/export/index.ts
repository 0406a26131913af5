import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/contract/result';
import {
  DEFAULT_DATA_SPEC,
  DEFAULT_TRAIN_SETTINGS,
  type DataSpec,
  type Procedure,
  type TrainSettings,
} from '../../../shared/contract/training';
import { diagramOptionsSchema, graphToSvg } from '../../../shared/diagram';
import { exportKerasScript, kerasWeightsArrays } from '../../../shared/export/keras';
import { compiledGame } from '../../../shared/export/game/compiled';
import { exportPytorchScript } from '../../../shared/export/pytorch';
import { exportSummary } from '../../../shared/export/summary';
import type { GraphDocument } from '../../../shared/graph/document';
import { writeFileAtomic } from '../files';
import { svgToPdf, svgToPng, svgToPngAtDpi, type PngScale } from './diagramFiles';
import { graphToTikz } from '../../../shared/diagram/styles/tikz';
import type { RunRecord } from '../../../shared/project/schema';
import { refuseOverBudget } from './budgetGate';
import { MODEL_FORMATS, type ExportFormat } from './formats';
import { exportTfjsZip } from './tfjsInWorker';
import type { TfjsExportKind } from './tfjsNames';
import { encodeNpz } from './npz';

const ZIP_KIND: Record<'tfjs' | 'tfjs-training' | 'onnx', TfjsExportKind> = {
  tfjs: 'inference',
  'tfjs-training': 'training',
  onnx: 'onnx',
};

/** The trained weights as the .npz the Keras and PyTorch scripts load (the app's names, Keras layout). */
function weightsNpz(doc: GraphDocument, weights: Record<string, Float32Array>): Result<Uint8Array> {
  const arrays = kerasWeightsArrays(doc, weights);
  return arrays.ok ? ok(encodeNpz(arrays.value)) : arrays;
}

export { svgToPng, svgToPdf, PNG_SCALES, type PngScale } from './diagramFiles';
export { writeTfjsModel, type TfjsExportOptions } from './tfjs';
export { exportTfjsInWorker, TFJS_EXPORT_TIME_LIMIT_MS } from './tfjsInWorker';
export { importModelFile } from './importModel';

export { EXPORT_FORMATS, MODEL_FORMATS, type ExportFormat } from './formats';

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
    /** PNG resolution in dots per inch: the PNG is drawn at dpi/96 of the SVG's size and says so in its pHYs chunk. */
    dpi: z.number().int().min(36).max(1200).optional(),
    /** An animation's width (16:9). */
    slideWidth: z.union([z.literal(640), z.literal(960), z.literal(1280)]).optional(),
  })
  .strict();
export type ExportOptions = z.input<typeof exportOptionsSchema>;

export interface ExportExtras {
  settings?: TrainSettings;
  /** The project's training procedure, which the Keras and PyTorch scripts write as code. */
  procedure?: Procedure | null;
  /** Trained weights by name ("encoder_1/kernel"), for the model formats. */
  weights?: Record<string, Float32Array>;
  /** The data set the report and the latent walk take samples from. */
  data?: DataSpec;
  /** The project's runs: the report's loss curves; the last one is the training animation's. */
  runs?: RunRecord[];
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
      if (o.dpi) {
        const png = svgToPngAtDpi(svg(), o.dpi);
        return png.ok ? write(`${base}-${o.dpi}dpi.png`, png.value) : png;
      }
      const png = svgToPng(svg(), o.scale as PngScale);
      return png.ok ? write(`${base}${o.scale === 1 ? '' : `@${o.scale}x`}.png`, png.value) : png;
    }
    case 'tikz':
      return write(
        `${base}.tex`,
        graphToTikz(doc, { ...o.diagram, title: o.diagram?.title ?? o.title ?? null }),
      );
    case 'report': {
      const { makeReport } = await import('../report/collect');
      const made = await makeReport({
        graph: doc,
        title: o.title ?? 'Autoencoder',
        data: extras.data ?? DEFAULT_DATA_SPEC,
        runs: extras.runs ?? [],
        weights: extras.weights,
        diagram: o.diagram,
      });
      return made.ok ? write(`${base}-report.html`, made.value.html) : made;
    }
    case 'gif-walk': {
      if (!extras.weights)
        return fail(
          'E_NOT_FOUND',
          'Train the model first: a latent walk needs the trained decoder.',
        );
      const { latentWalkGif } = await import('../report/walk');
      const made = await latentWalkGif({
        graph: doc,
        weights: extras.weights,
        data: extras.data ?? DEFAULT_DATA_SPEC,
        title: o.title ?? 'Autoencoder',
        width: o.slideWidth,
      });
      return made.ok ? write(`${base}-latent-walk.gif`, made.value.gif) : made;
    }
    case 'gif-training': {
      const { trainingGifOfRun } = await import('../report/trainingRun');
      const made = trainingGifOfRun(extras.runs?.at(-1), o.title ?? 'Autoencoder', o.slideWidth);
      return made.ok ? write(`${base}-training.gif`, made.value.gif) : made;
    }
    case 'pdf': {
      const pdf = await svgToPdf(svg());
      return pdf.ok ? write(`${base}.pdf`, pdf.value) : pdf;
    }
    case 'keras':
    case 'pytorch': {
      // Trained weights travel in an .npz beside the script, which loads them.
      const weightsName = `${o.baseName}-weights.npz`;
      const npz = extras.weights ? weightsNpz(doc, extras.weights) : null;
      if (npz && !npz.ok) return npz;
      const scriptOptions = {
        title: o.title,
        procedure: extras.procedure ?? undefined,
        weightsFile: npz ? weightsName : undefined,
      };
      const script =
        format === 'keras'
          ? exportKerasScript(doc, settings, scriptOptions)
          : exportPytorchScript(doc, settings, scriptOptions);
      if (!script.ok) return script;
      const suffix = format === 'keras' ? '' : '-pytorch';
      const a = await write(`${base}${suffix}.py`, script.value);
      if (!a.ok || !npz) return a;
      const b = await write(join(outDir, weightsName), npz.value);
      return b.ok ? ok([...a.value, ...b.value]) : b;
    }
    case 'tfjs':
    case 'tfjs-training':
    case 'onnx':
      // A continue-training zip holds one model with one loss; a game is two players in turn.
      if (format === 'tfjs-training' && compiledGame(doc))
        return fail(
          'E_UNSUPPORTED',
          'A game of two networks cannot continue training from a TensorFlow.js zip: export the Keras or PyTorch script, which plays the game, or the TensorFlow.js model of the generator.',
        );
      // Built in a worker thread: the host's event loop keeps answering while tfjs runs.
      return exportTfjsZip(doc, outDir, o.baseName, ZIP_KIND[format], {
        settings,
        weights: extras.weights,
      });
    case 'summary': {
      const { text, markdown } = exportSummary(doc, o.title);
      const a = await write(`${base}-summary.txt`, text);
      if (!a.ok) return a;
      const b = await write(`${base}-summary.md`, markdown);
      return b.ok ? ok([...a.value, ...b.value]) : b;
    }
  }
}
