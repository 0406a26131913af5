import { fail, type Result } from '../contract/result';
import { importLayersModel, type ImportedModel } from './importModel';
import { parseModelJson } from './modelJson';
import { readWeightsManifest } from './weightsManifest';

/** A weight file beside model.json, by the name the manifest uses for it (its last part). */
export interface WeightFile {
  name: string;
  data: Uint8Array;
}

const leaf = (path: string) => path.split('/').pop() ?? path;

/**
 * Opens a model.json's text with the weight files picked beside it (none: the model opens
 * untrained). The one path a picked model takes, in the browser and in tests alike.
 */
export function importModelText(text: string, bins: readonly WeightFile[]): Result<ImportedModel> {
  const parsed = parseModelJson(text);
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  const manifestRaw = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  const manifest = readWeightsManifest(manifestRaw);
  if (!manifest.ok) return manifest;
  if (bins.length === 0) return importLayersModel(json, null);
  const byName = new Map(bins.map((b) => [leaf(b.name), b.data]));
  const names = manifest.value.paths.map(leaf);
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0)
    return fail(
      'E_MODEL_FILE',
      `The model needs the weight file${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}. Pick model.json together with all its .bin files, or model.json alone to open it untrained.`,
    );
  const total = names.reduce((sum, n) => sum + byName.get(n)!.byteLength, 0);
  // The files are joined only when they hold what the manifest declares, never more.
  if (total !== manifest.value.totalBytes)
    return fail(
      'E_MODEL_FILE',
      `The weight files hold ${total} bytes where the model declares ${manifest.value.totalBytes}: a file is damaged or from another model.`,
    );
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const n of names) {
    joined.set(byName.get(n)!, offset);
    offset += byName.get(n)!.byteLength;
  }
  return importLayersModel(json, { manifest: manifestRaw, data: joined.buffer });
}
