import { z } from 'zod';
import { graphDocumentSchema } from '../graph/document';
import { projectDraftSchema, runRecordSchema } from '../project/schema';
import { diagramOptionsSchema } from '../diagram/options';
import { backendInfoSchema } from './backend';
import { generativeCommands } from './generativeQueries';
import { labCommands } from './labQueries';
import { runReportSchema } from './runReport';
import { EXPORT_FORMATS } from './exportFormats';
import { dataSpecSchema, procedureSchema, trainSettingsSchema } from './training';

const f32 = z.instanceof(Float32Array);
const u8 = z.instanceof(Uint8Array);
const runId = z.string().min(1).max(100);
const shape = z.array(z.number().int().positive()).min(1).max(4);
/** How decoded pixels travel: as the decoder's float32 values, or as bytes (see 'model.decode'). */
export const pixelFormat = z.enum(['float', 'byte']);
export type PixelFormat = z.infer<typeof pixelFormat>;

// Events name the backend too; it lives apart so the run report (built from events) can be a command.
export { backendInfoSchema, type BackendInfo } from './backend';

export const dataSummarySchema = z.object({
  name: z.string(),
  sampleShape: shape,
  trainCount: z.number().int(),
  validationCount: z.number().int(),
  labels: z.array(z.number().int()),
  /** A few samples for a preview, row after row. */
  preview: f32,
  previewCount: z.number().int(),
  /** What the reader detected and did on its own (an index column left out, a label column found). */
  notes: z.array(z.string().max(500)).max(20).default([]),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;

const empty = z.object({}).strict();

/** A project the host opened (from its path or from uploaded bytes). */
const openedProjectSchema = z.object({
  project: projectDraftSchema,
  path: z.string(),
  /** The run id under which the saved weights are loaded, or null when the file has none. */
  loadedRunId: z.string().nullable(),
  /** Something that went wrong on the side (a recent list not kept, weights not loaded), in words. */
  warning: z.string().max(10_000).optional(),
});

/**
 * Every command of StudioApi: its request and its reply. Nothing else crosses a process boundary,
 * and every request is validated against its schema where it arrives.
 */
export const commands = {
  'app.info': {
    request: empty,
    reply: z.object({
      version: z.string(),
      shell: z.enum(['electron', 'browser', 'memory']),
      backend: backendInfoSchema.nullable(),
    }),
  },
  'data.describe': {
    request: z.object({ data: dataSpecSchema }).strict(),
    reply: dataSummarySchema,
  },
  /**
   * Stores a data file sent from the browser in the host's uploads folder (browser mode reads only
   * there and in the folders named at start) and returns the path to use in a data spec.
   */
  'data.upload': {
    request: z
      .object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) })
      .strict(),
    reply: z.object({ path: z.string(), name: z.string(), size: z.number().int() }),
  },
  'train.start': {
    request: z
      .object({
        graph: graphDocumentSchema,
        settings: trainSettingsSchema,
        data: dataSpecSchema,
        /** A procedure beyond one fit (greedy layer-wise, encoder reuse); none trains the graph once. */
        procedure: procedureSchema.nullable().default(null),
        /** Start these layers from that run's trained weights (same names and shapes): a decoder used as a GAN's generator. */
        warmStart: z
          .object({ runId, layers: z.array(z.string().min(1).max(200)).min(1).max(500) })
          .optional(),
      })
      .strict(),
    reply: z.object({ runId }),
  },
  /**
   * Continues a run from its last checkpoint (weights and optimizer state), under the run id the
   * checkpoint belongs to: without `epochs`, the rest of a run that ended early (crash, stop,
   * diverged); with it, that many epochs more after the checkpoint's, numbered on.
   */
  'train.continue': {
    request: z.object({ runId, epochs: z.number().int().min(1).max(100000).optional() }).strict(),
    reply: z.object({ runId, fromEpoch: z.number().int() }),
  },
  /**
   * The run the host holds: the active one, else the last one that ended (until a new run starts
   * or a project is opened); null when there is none. A page that reloads rebuilds itself from it.
   */
  'run.status': {
    request: empty,
    reply: z.object({ run: runReportSchema.nullable() }),
  },
  'train.stop': { request: z.object({ runId }).strict(), reply: empty },
  'train.pause': { request: z.object({ runId }).strict(), reply: empty },
  'train.resume': { request: z.object({ runId }).strict(), reply: empty },
  'model.decode': {
    request: z
      .object({
        runId,
        /** Latent points, one after another: count x codeSize values. */
        points: f32,
        count: z.number().int().min(1).max(10000),
        /**
         * 'byte' sends each value as a byte, 0..1 clipped to 0..255 (NaN as 0): what a picture
         * shows, in a quarter of the bytes (a 20×20 grid of digits: 314 kB instead of 1.25 MB).
         * 'float', the default, sends the decoder's output as it is.
         */
        pixels: pixelFormat.optional(),
      })
      .strict(),
    reply: z.object({ images: f32.or(u8), shape, count: z.number().int() }),
  },
  /**
   * Sends a loaded model's views (samples, reconstructions, features, codes) as events, as if an
   * epoch had just ended: what an opened project with trained weights shows before any training.
   */
  'model.inspect': {
    request: z.object({ runId, data: dataSpecSchema, epoch: z.number().int().min(0) }).strict(),
    reply: empty,
  },
  'model.encode': {
    request: z
      .object({
        runId,
        /** Inputs, one after another: count x inputSize values. */
        images: f32,
        count: z.number().int().min(1).max(10000),
      })
      .strict(),
    reply: z.object({ codes: f32, codeSize: z.number().int(), count: z.number().int() }),
  },
  /**
   * Encodes like 'model.encode' and, for a variational model, also gives the log-variance its
   * encoder assigns each code value (null for other models): the Lab draws it as an ellipse.
   */
  'model.encodeVariance': {
    request: z
      .object({
        runId,
        /** Inputs, one after another: count x inputSize values. */
        images: f32,
        count: z.number().int().min(1).max(10000),
      })
      .strict(),
    reply: z.object({
      codes: f32,
      logVar: f32.nullable(),
      codeSize: z.number().int(),
      count: z.number().int(),
    }),
  },
  /** The host's projects folder (browser mode saves there), its projects and the recent ones. */
  'project.list': {
    request: empty,
    reply: z.object({
      folder: z.string(),
      projects: z.array(
        z.object({ name: z.string(), path: z.string(), modified: z.string(), size: z.number() }),
      ),
      recent: z.array(z.object({ name: z.string(), path: z.string() })),
      /** Something that went wrong on the side (a recent list not kept, weights not loaded), in words. */
      warning: z.string().max(10_000).optional(),
    }),
  },
  /** Saves atomically; path null saves as `name` in the projects folder. Weights of the named run are included. */
  'project.save': {
    request: z
      .object({
        project: projectDraftSchema,
        path: z.string().min(1).max(4096).nullable(),
        weightsOfRun: z.string().max(100).nullable(),
      })
      .strict(),
    reply: z.object({
      path: z.string(),
      savedAt: z.string(),
      withWeights: z.boolean(),
      /** Something that went wrong on the side (a recent list not kept, weights not loaded), in words. */
      warning: z.string().max(10_000).optional(),
    }),
  },
  /** Opens a project; its trained weights, if any, are loaded so the views can use them at once. */
  'project.open': {
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    reply: openedProjectSchema,
  },
  /**
   * Browser mode's open from disk: the page sends a project file's bytes; the host checks them as
   * a project, stores them in the projects folder under a safe new name, and opens that file.
   */
  'project.upload': {
    request: z
      .object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) })
      .strict(),
    reply: openedProjectSchema,
  },
  /** The project file as a save would write it (weights of the named run included), to download. */
  'project.download': {
    request: z
      .object({ project: projectDraftSchema, weightsOfRun: z.string().max(100).nullable() })
      .strict(),
    reply: z.object({
      name: z.string(),
      bytes: z.instanceof(Uint8Array),
      withWeights: z.boolean(),
    }),
  },
  /** Writes the crash-recovery copy (within half a second of a change, and when the page hides). */
  'project.autosave': {
    request: z.object({ project: projectDraftSchema, path: z.string().nullable() }).strict(),
    reply: empty,
  },
  /** The crash-recovery copy left by an earlier session, if any. */
  'project.recover': {
    request: empty,
    reply: z.object({
      project: projectDraftSchema.nullable(),
      path: z.string().nullable(),
      savedAt: z.string().nullable(),
    }),
  },
  'project.discardRecovery': { request: empty, reply: empty },
  /** A native open/save dialog (Electron only; browser mode answers E_UNSUPPORTED and lists the folder). */
  'project.choosePath': {
    request: z
      .object({ mode: z.enum(['open', 'save']), suggestedName: z.string().max(200) })
      .strict(),
    reply: z.object({ path: z.string().nullable() }),
  },
  /**
   * Renders an export in the host (PNG and PDF need native renderers; tfjs needs the trained
   * weights) and returns the files for the renderer to download or copy.
   */
  'export.render': {
    request: z
      .object({
        graph: graphDocumentSchema,
        format: z.enum(EXPORT_FORMATS),
        title: z.string().max(300).optional(),
        diagram: diagramOptionsSchema.partial().optional(),
        scale: z.union([z.literal(1), z.literal(2), z.literal(4)]).default(2),
        settings: trainSettingsSchema.optional(),
        /** The project's training procedure, written as code by the Keras and PyTorch scripts. */
        procedure: procedureSchema.nullable().default(null),
        /** Include the trained weights of this run (the model formats). */
        weightsOfRun: z.string().max(100).nullable().default(null),
        /** PNG resolution in dots per inch (written into the file); replaces `scale` when given. */
        dpi: z.number().int().min(36).max(1200).optional(),
        /** The report and the animations read samples from this data set. */
        data: dataSpecSchema.optional(),
        /** The project's runs: the report's loss curves. */
        runs: z.array(runRecordSchema).max(500).optional(),
        /** An animation's width on the slide (16:9). */
        slideWidth: z.union([z.literal(640), z.literal(960), z.literal(1280)]).optional(),
      })
      .strict(),
    reply: z.object({
      files: z.array(
        z.object({ name: z.string(), type: z.string(), data: z.instanceof(Uint8Array) }),
      ),
    }),
  },
  ...labCommands,
  ...generativeCommands,
} as const;

export type CommandName = keyof typeof commands;
export type CommandRequest<N extends CommandName> = z.input<(typeof commands)[N]['request']>;
export type ParsedRequest<N extends CommandName> = z.output<(typeof commands)[N]['request']>;
export type CommandReply<N extends CommandName> = z.output<(typeof commands)[N]['reply']>;

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
