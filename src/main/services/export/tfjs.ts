import { basename } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { isCustomClass } from '../../../shared/layers/registry';
import { writeFileAtomic } from '../files';
import { buildModel, type BuiltModel } from '../model';
import { readCustomLayersModule } from './customLayersModule';
import { inferenceArtifacts } from './inferenceTopology';
import { onnxExportFiles } from './onnxFiles';
import { zipExport, type ArchiveFiles } from './tfjsArchive';
import { artifactsOf, modelFiles, trainingConfigOf } from './tfjsArtifacts';
import type { TfjsExportKind } from './tfjsNames';
import { tfjsReadme, tfjsTrainingReadme } from './tfjsReadme';
import { decodeWeights } from './tiedToDense';

/** The folder holding the full design (custom layers included), for opening again in the app. */
export const DESIGN_FOLDER = 'design';

/** Every file of one export by its path inside the zip, and the inference parts it holds. */
export async function tfjsExportFiles(
  built: BuiltModel,
  doc: GraphDocument,
  kind: TfjsExportKind,
  settings: TrainSettings = DEFAULT_TRAIN_SETTINGS,
): Promise<{ files: ArchiveFiles; parts: string[] }> {
  const full = await artifactsOf(built.model);
  const trainingConfig = trainingConfigOf(built, settings);
  const userDefinedMetadata = {
    autoencoderStudio: { graph: doc, layerOfNode: built.spec.studio.layerOfNode },
  };
  const design = modelFiles({ ...full, trainingConfig, userDefinedMetadata });
  const used = [
    ...new Set(built.spec.config.layers.map((l) => l.class_name).filter(isCustomClass)),
  ];
  if (kind === 'training') {
    return {
      files: {
        'README.md': tfjsTrainingReadme(used),
        'model.json': design.json,
        'weights.bin': design.bin,
        'custom-layers.js': await readCustomLayersModule(),
      },
      parts: ['model'],
    };
  }
  const kernels = decodeWeights(full);
  const parts: [string, tf.LayersModel][] = [
    ['model', built.model],
    ['encoder', built.encoder],
  ];
  if (built.decoder) parts.push(['decoder', built.decoder]);
  const files: ArchiveFiles = {};
  for (const [part, model] of parts) {
    // What a user runs: only layers stock tfjs knows, as the app predicts outside training.
    let a = inferenceArtifacts(part === 'model' ? full : await artifactsOf(model), kernels);
    if (part === 'model') a = { ...a, trainingConfig, userDefinedMetadata };
    const { json, bin } = modelFiles(a);
    files[`${part}/model.json`] = json;
    files[`${part}/weights.bin`] = bin;
  }
  // The design as trained, custom layers and all: what the app opens again as the same project.
  files[`${DESIGN_FOLDER}/model.json`] = design.json;
  files[`${DESIGN_FOLDER}/weights.bin`] = design.bin;
  const names = parts.map(([p]) => p);
  files['README.md'] = tfjsReadme(names, used);
  return { files, parts: names };
}

/**
 * Writes one TensorFlow.js export of a built model as a single zip at `zipPath` (atomically: a
 * failure leaves no half-written file), its files below one folder named like the zip. Returns
 * the model parts it holds.
 */
export async function writeTfjsModel(
  built: BuiltModel,
  doc: GraphDocument,
  zipPath: string,
  settings?: TrainSettings,
  kind: TfjsExportKind = 'inference',
): Promise<Result<string[]>> {
  try {
    let made: { files: ArchiveFiles; parts: string[] };
    if (kind === 'onnx') {
      const onnx = await onnxExportFiles(built, doc);
      if (!onnx.ok) return onnx;
      made = onnx.value;
    } else {
      made = await tfjsExportFiles(built, doc, kind, settings);
    }
    const { files, parts } = made;
    await writeFileAtomic(zipPath, zipExport(basename(zipPath).replace(/\.zip$/i, ''), files));
    return ok(parts);
  } catch (error) {
    return fail('E_INTERNAL', `The TensorFlow.js model could not be written: ${String(error)}`);
  }
}

export interface TfjsExportOptions {
  settings?: TrainSettings;
  /** Trained weights by their names ("encoder_1/kernel"); fresh weights when absent. */
  weights?: Record<string, Float32Array>;
  /** Which export ('inference' when absent). */
  kind?: TfjsExportKind;
}

/** Builds the graph's model (with trained weights when given) and writes its TensorFlow.js zip. */
export async function exportTfjsModel(
  doc: GraphDocument,
  zipPath: string,
  options: TfjsExportOptions = {},
): Promise<Result<string[]>> {
  const built = buildModel(doc);
  if (!built.ok) return built;
  try {
    if (options.weights) {
      for (const w of built.value.model.weights) {
        const values = options.weights[w.originalName];
        if (!values) continue;
        if (values.length !== w.shape.reduce((a, b) => a! * b!, 1)) {
          return fail(
            'E_DATA',
            `The trained weight '${w.originalName}' does not fit the model (the graph changed since training).`,
          );
        }
        const t = tf.tensor(values, w.shape as number[]);
        w.write(t);
        t.dispose();
      }
    }
    return await writeTfjsModel(built.value, doc, zipPath, options.settings, options.kind);
  } finally {
    built.value.dispose();
  }
}
