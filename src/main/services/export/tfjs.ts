import { basename } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
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
import {
  disposeExportGame,
  exportGameOf,
  inferenceParts,
  layerOfNodeOf,
  writeTrainedWeights,
  type ExportGame,
} from './gameExport';

/** The folder holding the full design (custom layers included), for opening again in the app. */
export const DESIGN_FOLDER = 'design';
/** A game's design: the discriminator's weights, the second file of the design's manifest. */
export const DISCRIMINATOR_WEIGHTS = 'discriminator.bin';

/** A part's model renamed after its folder: a GAN's generator is not called "autoencoder". */
function named(a: tf.io.ModelArtifacts, part: string): tf.io.ModelArtifacts {
  if (part !== 'generator' && part !== 'discriminator') return a;
  const topology = a.modelTopology as unknown as { config: Record<string, unknown> };
  return {
    ...a,
    modelTopology: { ...topology, config: { ...topology.config, name: part } } as never,
  };
}

/** Every file of one export by its path inside the zip, and the inference parts it holds. */
export async function tfjsExportFiles(
  built: BuiltModel,
  doc: GraphDocument,
  kind: TfjsExportKind,
  settings: TrainSettings = DEFAULT_TRAIN_SETTINGS,
  game: ExportGame | null = null,
): Promise<{ files: ArchiveFiles; parts: string[] }> {
  const full = await artifactsOf(built.model);
  const trainingConfig = trainingConfigOf(built, settings);
  const userDefinedMetadata = {
    autoencoderStudio: { graph: doc, layerOfNode: layerOfNodeOf(built, game) },
  };
  // A game's design keeps the discriminator's weights too (a second file in its manifest), so
  // opening it again gives back both players, not the generator alone.
  const judge = game && kind !== 'training' ? await artifactsOf(game.discriminator) : null;
  const design = modelFiles(
    { ...full, trainingConfig, userDefinedMetadata },
    judge ? { path: DISCRIMINATOR_WEIGHTS, artifacts: judge } : undefined,
  );
  const used = [
    ...new Set(
      [...built.spec.config.layers, ...(game?.game.discriminator.config.layers ?? [])]
        .map((l) => l.class_name)
        .filter(isCustomClass),
    ),
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
  const parts = inferenceParts(built, game);
  const files: ArchiveFiles = {};
  let keepsCustom = false;
  for (const [part, model] of parts) {
    // What a user runs: only layers stock tfjs knows, as the app predicts outside training.
    let a = inferenceArtifacts(model === built.model ? full : await artifactsOf(model), kernels);
    if (model === built.model) a = { ...a, trainingConfig, userDefinedMetadata };
    const { json, bin } = modelFiles(named(a, part));
    // A code that keeps its top k acts at inference too: that part needs the app's layer classes.
    keepsCustom ||= (
      a.modelTopology as unknown as { config: { layers: { class_name: string }[] } }
    ).config.layers.some((l) => isCustomClass(l.class_name));
    files[`${part}/model.json`] = json;
    files[`${part}/weights.bin`] = bin;
  }
  // The design as trained, custom layers and all: what the app opens again as the same project.
  files[`${DESIGN_FOLDER}/model.json`] = design.json;
  files[`${DESIGN_FOLDER}/weights.bin`] = design.bin;
  if (design.extra) files[`${DESIGN_FOLDER}/${DISCRIMINATOR_WEIGHTS}`] = design.extra;
  const names = parts.map(([p]) => p);
  files['README.md'] = tfjsReadme(names, used, { keepsCustom, game: game?.kind ?? null });
  if (keepsCustom) files['custom-layers.js'] = await readCustomLayersModule();
  return { files, parts: names };
}

/**
 * Writes one TensorFlow.js export of a built model as a single zip at `zipPath` (atomically: a
 * failure leaves no half-written file), its files below one folder named like the zip. Returns
 * the model parts it holds. A game's discriminator is `game`'s, or a fresh one when absent.
 */
export async function writeTfjsModel(
  built: BuiltModel,
  doc: GraphDocument,
  zipPath: string,
  settings?: TrainSettings,
  kind: TfjsExportKind = 'inference',
  game?: ExportGame | null,
): Promise<Result<string[]>> {
  const own = game === undefined ? exportGameOf(doc) : null;
  const players = game ?? own;
  try {
    let made: { files: ArchiveFiles; parts: string[] };
    if (kind === 'onnx') {
      const onnx = await onnxExportFiles(built, doc, players);
      if (!onnx.ok) return onnx;
      made = onnx.value;
    } else {
      made = await tfjsExportFiles(built, doc, kind, settings, players);
    }
    const { files, parts } = made;
    await writeFileAtomic(zipPath, zipExport(basename(zipPath).replace(/\.zip$/i, ''), files));
    return ok(parts);
  } catch (error) {
    return fail('E_INTERNAL', `The TensorFlow.js model could not be written: ${String(error)}`);
  } finally {
    disposeExportGame(own);
  }
}

export interface TfjsExportOptions {
  settings?: TrainSettings;
  /** Trained weights by their names ("encoder_1/kernel"); fresh weights when absent. */
  weights?: Record<string, Float32Array>;
  /** Which export ('inference' when absent). */
  kind?: TfjsExportKind;
}

/**
 * Builds the graph's model (with trained weights when given; a game's discriminator too, its
 * weights in the same map) and writes its TensorFlow.js zip.
 */
export async function exportTfjsModel(
  doc: GraphDocument,
  zipPath: string,
  options: TfjsExportOptions = {},
): Promise<Result<string[]>> {
  const built = buildModel(doc);
  if (!built.ok) return built;
  let game: ExportGame | null = null;
  try {
    game = exportGameOf(doc);
    if (options.weights) {
      for (const model of [built.value.model, ...(game ? [game.discriminator] : [])]) {
        const misfit = writeTrainedWeights(model, options.weights);
        if (misfit) return fail('E_DATA', misfit);
      }
    }
    return await writeTfjsModel(built.value, doc, zipPath, options.settings, options.kind, game);
  } finally {
    disposeExportGame(game);
    built.value.dispose();
  }
}
