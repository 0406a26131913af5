import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { importLayersModel, type ImportedModel } from '../../../shared/export/importModel';
import { refuseImportOverBudget } from './budgetGate';
import { MAX_MODEL_JSON_CHARS, parseModelJson } from '../../../shared/export/modelJson';
import { readWeightsManifest, type WeightsManifest } from '../../../shared/export/weightsManifest';

/**
 * The weight files a manifest names, read in its order and joined into one buffer. Paths were
 * checked to stay in the folder; sizes are compared with the manifest before any file is read.
 */
async function readWeightFiles(
  manifest: WeightsManifest,
  folder: string,
): Promise<Result<ArrayBuffer>> {
  let total = 0;
  for (const name of manifest.paths) {
    try {
      const info = await stat(join(folder, name));
      if (!info.isFile()) throw new Error('not a file');
      total += info.size;
    } catch {
      return fail(
        'E_MODEL_FILE',
        `The weight file '${name}' named by the model is missing beside model.json.`,
      );
    }
  }
  if (total !== manifest.totalBytes)
    return fail(
      'E_MODEL_FILE',
      `The weight files hold ${total} bytes where the model declares ${manifest.totalBytes}: a file is damaged or from another model.`,
    );
  const joined = new Uint8Array(total);
  let at = 0;
  for (const name of manifest.paths) {
    const part = await readFile(join(folder, name));
    // A file that grew since it was measured is refused rather than overflowing the buffer.
    if (at + part.byteLength > total)
      return fail('E_MODEL_FILE', `The weight file '${name}' changed while it was read.`);
    joined.set(part, at);
    at += part.byteLength;
  }
  return ok(joined.buffer);
}

async function importFromDisk(path: string): Promise<Result<ImportedModel>> {
  let text: string;
  try {
    const info = await stat(path);
    // UTF-8 takes at least a byte a character: a bigger file cannot be under the text limit.
    if (info.size > MAX_MODEL_JSON_CHARS * 4)
      return fail('E_TOO_LARGE', 'This model.json is far larger than any model; it was not read.');
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    return fail(
      missing ? 'E_NOT_FOUND' : 'E_MODEL_FILE',
      missing ? `The file '${path}' does not exist.` : `The file '${path}' could not be read.`,
    );
  }
  const parsed = parseModelJson(text);
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  const tooLarge = refuseImportOverBudget(json);
  if (tooLarge) return tooLarge;
  // The model itself first (as the window does with no .bin picked): its problems come before
  // those of its weight files.
  const structure = importLayersModel(json, null);
  const raw = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (!structure.ok || raw === undefined) return structure;
  const manifest = readWeightsManifest(raw);
  if (!manifest.ok) return manifest;
  const data = await readWeightFiles(manifest.value, dirname(path));
  if (!data.ok) return data;
  return importLayersModel(json, { manifest: raw, data: data.value });
}

/**
 * Opens a Keras or TensorFlow.js model.json (with its weights when they are beside it) as a new
 * graph. All or nothing: on any problem the result is an error and nothing is changed. Never
 * throws or writes anything.
 */
export async function importModelFile(path: string): Promise<Result<ImportedModel>> {
  try {
    return await importFromDisk(path);
  } catch (error) {
    return fail(
      'E_MODEL_FILE',
      `This model file could not be read (${error instanceof Error ? error.name : 'unknown problem'}).`,
    );
  }
}
