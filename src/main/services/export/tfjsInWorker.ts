import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/contract/result';
import { safeFileBase } from '../../../shared/escape/fileName';
import type { TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { tfjsZipName, type TfjsExportKind } from './tfjsNames';

/** What the export worker is sent: one model to build and write as one zip. */
export interface TfjsJob {
  doc: GraphDocument;
  /** The zip to write (see tfjsZipName). */
  zip: string;
  /** Which export; 'inference' when absent. */
  kind?: TfjsExportKind;
  settings?: TrainSettings;
  weights?: Record<string, Float32Array>;
}

/**
 * Longest a TensorFlow.js export may take. A design at the budget (5·10^7 weights) builds and
 * writes in well under a minute on a 2-core machine; five minutes leaves room for a loaded one.
 */
export const TFJS_EXPORT_TIME_LIMIT_MS = 5 * 60_000;

const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.array(z.string()) }).strict(),
  z
    .object({
      ok: z.literal(false),
      error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
    })
    .strict(),
]);

// Named by variables, not literals: the bundler copies a file named by `new URL('literal',
// import.meta.url)` into the build. Beside the built entry points in the app; in the build folder
// when running from source (vitest), as the trainer process is: `npm test` builds first.
const BUILT_ENTRIES = [
  './exportWorker.js',
  '../exportWorker.js',
  '../../../../out/main/exportWorker.js',
];

/** The bundled worker (out/main/exportWorker.js). */
function startWorker(): Worker {
  for (const path of BUILT_ENTRIES) {
    const url = new URL(path, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return new Worker(url);
  }
  throw new Error('the export worker (exportWorker.js) is missing: run `npm run build`');
}

/**
 * Builds the graph's model and writes its TensorFlow.js zip in a worker thread, so the caller's
 * event loop keeps answering meanwhile. Resolves to the model parts the zip holds. Stops the worker after `timeLimitMs` with E_TIMEOUT.
 */
export function exportTfjsInWorker(
  job: TfjsJob,
  timeLimitMs = TFJS_EXPORT_TIME_LIMIT_MS,
): Promise<Result<string[]>> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      resolve(fail('E_INTERNAL', `The TensorFlow.js export could not start: ${String(error)}`));
      return;
    }
    let settled = false;
    const finish = (result: Result<string[]>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish(
          fail(
            'E_TIMEOUT',
            `Writing the TensorFlow.js model took longer than ${Math.round(timeLimitMs / 1000)} s and was stopped. Make the largest layers smaller and export again.`,
          ),
        ),
      timeLimitMs,
    );
    worker.on('message', (message: unknown) => {
      const reply = replySchema.safeParse(message);
      if (!reply.success)
        return finish(fail('E_INTERNAL', 'The export worker sent a reply the app cannot read.'));
      const r = reply.data;
      finish(r.ok ? r : fail(r.error.code as ErrorCode, r.error.message, r.error.details));
    });
    worker.on('error', (error) =>
      finish(fail('E_INTERNAL', `The TensorFlow.js export failed: ${String(error)}`)),
    );
    worker.on('exit', (code) =>
      finish(fail('E_INTERNAL', `The TensorFlow.js export stopped early (exit code ${code}).`)),
    );
    worker.postMessage(job);
  });
}

/**
 * One TensorFlow.js export of a project as exportProject writes it: `<baseName>-tfjs.zip`
 * (inference) or `<baseName>-tfjs-training.zip` (continue training) in `outDir`, built in a worker.
 * Returns the path written.
 */
export async function exportTfjsZip(
  doc: GraphDocument,
  outDir: string,
  baseName: string,
  kind: TfjsExportKind,
  extras: { settings?: TrainSettings; weights?: Record<string, Float32Array> } = {},
  timeLimitMs = TFJS_EXPORT_TIME_LIMIT_MS,
): Promise<Result<string[]>> {
  await mkdir(outDir, { recursive: true });
  // Cleaned again here: joined to the folder, a base like '../x' would write outside it.
  const zip = join(outDir, tfjsZipName(safeFileBase(baseName), kind));
  const written = await exportTfjsInWorker({ doc, zip, kind, ...extras }, timeLimitMs);
  return written.ok ? ok([zip]) : written;
}
