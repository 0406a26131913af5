import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fail, type Result } from '../../../shared/contract/result';
import { importLayersModel, type ImportedModel } from '../../../shared/export/importModel';

/** The weight files a model.json names, read in manifest order and joined into one buffer. */
async function readWeightFiles(json: unknown, folder: string): Promise<Result<ArrayBuffer | null>> {
  const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
  if (!Array.isArray(manifest)) return { ok: true, value: null };
  const parts: Uint8Array[] = [];
  for (const group of manifest) {
    for (const path of (group as { paths?: unknown[] }).paths ?? []) {
      // A manifest names files beside model.json; never follow it elsewhere.
      const name = String(path);
      if (name.includes('..') || name.startsWith('/') || name.includes('\\')) {
        return fail(
          'E_DATA',
          `The model names a weight file outside its folder ('${name}'); it was not read.`,
        );
      }
      try {
        parts.push(new Uint8Array(await readFile(join(folder, name))));
      } catch {
        return fail(
          'E_DATA',
          `The weight file '${name}' named by the model is missing beside model.json.`,
        );
      }
    }
  }
  const total = parts.reduce((s, p) => s + p.byteLength, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.byteLength;
  }
  return { ok: true, value: joined.buffer };
}

/**
 * Opens a Keras or TensorFlow.js model.json (with its weights when they are beside it) as a new
 * graph. All or nothing: on any problem the result is an error and nothing is changed.
 */
export async function importModelFile(path: string): Promise<Result<ImportedModel>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    return fail(
      missing ? 'E_NOT_FOUND' : 'E_DATA',
      missing
        ? `The file '${path}' does not exist.`
        : 'This file is not valid JSON, so it is not a model.json.',
    );
  }
  const weights = await readWeightFiles(json, dirname(path));
  if (!weights.ok) return weights;
  const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
  return importLayersModel(json, weights.value ? { manifest, data: weights.value } : null);
}
