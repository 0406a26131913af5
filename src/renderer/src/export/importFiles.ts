import { fail, ok, type Result } from '../../../shared/contract/result';
import { graphFromSvg } from '../../../shared/diagram';
import type { ImportedModel } from '../../../shared/export';
import { importModelText } from '../../../shared/export/importFiles';
import type { GraphDocument } from '../../../shared/graph/document';
import { leafName, stemOf } from './fileNames';
import { IMPORT_MESSAGES } from './importMessages';

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

/** The model's own name when it has one ("sequence_autoencoder"), else the file's. */
function modelName(own: string | null, fileName: string): string {
  const stem = stemOf(fileName);
  if (own && stem.toLowerCase() === 'model') return own;
  return stem;
}

function importModelJson(file: PickedFile, bins: PickedFile[]): Result<ImportedDesign> {
  const weightFiles = bins.map((b) => ({ name: leafName(b.name), data: b.data }));
  const imported = importModelText(decode(file.data), weightFiles);
  if (!imported.ok) return imported;
  const name = modelName(imported.value.modelName, file.name);
  return ok({ doc: imported.value.graph, name, model: imported.value });
}

/**
 * Opens what the person picked: one model.json (with its .bin weight files, if picked) or one
 * diagram .svg exported by the app. All or nothing: any problem is a message and no design.
 */
export function importPickedFiles(files: readonly PickedFile[]): Result<ImportedDesign> {
  if (files.length === 0) return fail('E_DATA', IMPORT_MESSAGES.noFiles);
  const svgs = files.filter((f) => extensionOf(f.name) === 'svg');
  const jsons = files.filter((f) => extensionOf(f.name) === 'json');
  const bins = files.filter((f) => extensionOf(f.name) === 'bin');
  const other = files.find((f) => !['svg', 'json', 'bin'].includes(extensionOf(f.name)));
  if (other) return fail('E_DATA', IMPORT_MESSAGES.unknownFile(other.name));
  if (svgs.length + jsons.length === 0) return fail('E_DATA', IMPORT_MESSAGES.noFiles);
  if (svgs.length + jsons.length > 1) return fail('E_DATA', IMPORT_MESSAGES.manyModels);
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
