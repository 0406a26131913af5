import { fail, ok, type Result } from '../../../shared/contract/result';
import { graphFromSvg } from '../../../shared/diagram';
import { importLayersModel, type ImportedModel } from '../../../shared/export';
import type { GraphDocument } from '../../../shared/graph/document';
import { leafName, stemOf } from './fileNames';
import { EXPORT_MESSAGES } from './messages';

/** A file the person picked, read into memory. */
export interface PickedFile {
  name: string;
  data: Uint8Array;
}

/** What an import gives the app: the design, a name for it and, from a model.json, its weights. */
export interface ImportedDesign {
  doc: GraphDocument;
  name: string;
  model: ImportedModel | null;
}

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

/** The weight files a manifest names, in its order (paths are relative to model.json). */
function manifestPaths(manifest: unknown): string[] {
  if (!Array.isArray(manifest)) return [];
  return manifest.flatMap((group) => {
    const paths = (group as { paths?: unknown } | null)?.paths;
    return Array.isArray(paths) ? paths.map((p) => leafName(String(p))) : [];
  });
}

/** The manifest's bytes in its order; null when no .bin was picked (open it untrained). */
function weightBytes(manifest: unknown, bins: PickedFile[]): Result<ArrayBuffer | null> {
  if (bins.length === 0) return ok(null);
  const paths = manifestPaths(manifest);
  const byName = new Map(bins.map((b) => [leafName(b.name), b.data]));
  const missing = paths.filter((p) => !byName.has(p));
  if (missing.length > 0) return fail('E_DATA', EXPORT_MESSAGES.missingWeights(missing));
  const total = paths.reduce((sum, p) => sum + byName.get(p)!.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const p of paths) {
    joined.set(byName.get(p)!, offset);
    offset += byName.get(p)!.byteLength;
  }
  return ok(joined.buffer);
}

/** The model's own name when it has one ("sequence_autoencoder"), else the file's. */
function modelName(json: unknown, fileName: string): string {
  const topology = (json as { modelTopology?: { config?: { name?: unknown } } } | null)
    ?.modelTopology;
  const own = topology?.config?.name;
  const stem = stemOf(fileName);
  if (typeof own === 'string' && own.trim() && stem.toLowerCase() === 'model') return own;
  return stem;
}

function importModelJson(file: PickedFile, bins: PickedFile[]): Result<ImportedDesign> {
  let json: unknown;
  try {
    json = JSON.parse(decode(file.data));
  } catch {
    return fail('E_DATA', EXPORT_MESSAGES.notJson(file.name));
  }
  const manifest = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  const bytes = weightBytes(manifest, bins);
  if (!bytes.ok) return bytes;
  const imported = importLayersModel(
    json,
    bytes.value === null ? null : { manifest, data: bytes.value },
  );
  if (!imported.ok) return imported;
  return ok({ doc: imported.value.graph, name: modelName(json, file.name), model: imported.value });
}

/**
 * Opens what the person picked: one model.json (with its .bin weight files, if picked) or one
 * diagram .svg exported by the app. All or nothing: any problem is a message and no design.
 */
export function importPickedFiles(files: readonly PickedFile[]): Result<ImportedDesign> {
  if (files.length === 0) return fail('E_DATA', EXPORT_MESSAGES.noFiles);
  const svgs = files.filter((f) => extensionOf(f.name) === 'svg');
  const jsons = files.filter((f) => extensionOf(f.name) === 'json');
  const bins = files.filter((f) => extensionOf(f.name) === 'bin');
  const other = files.find((f) => !['svg', 'json', 'bin'].includes(extensionOf(f.name)));
  if (other) return fail('E_DATA', EXPORT_MESSAGES.unknownFile(other.name));
  if (svgs.length + jsons.length === 0) return fail('E_DATA', EXPORT_MESSAGES.noFiles);
  if (svgs.length + jsons.length > 1) return fail('E_DATA', EXPORT_MESSAGES.manyModels);
  if (svgs.length === 1) {
    const doc = graphFromSvg(decode(svgs[0].data));
    return doc.ok ? ok({ doc: doc.value, name: stemOf(svgs[0].name), model: null }) : doc;
  }
  return importModelJson(jsons[0], bins);
}

/** Reads picked browser files into memory. */
export const readPickedFiles = (files: Iterable<File>): Promise<PickedFile[]> =>
  Promise.all(
    [...files].map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
  );
