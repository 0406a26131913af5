import type { Result } from '../../../../shared/contract/result';
import { importIdx, importNpyFile } from './binary-import';
import { importCsv } from './csv';
import { importImageFolder } from './image-folder';
import { DEFAULT_MAX_BYTES } from './limits';
import { dataProblems } from './messages';
import { applyScaling } from './scaling';
import {
  importOptionsSchema,
  importSourceSchema,
  type ImportedDataset,
  type ImportOptions,
  type ImportSource,
  type RawDataset,
  type ReadLimits,
} from './types';

export { previewDataset, type DatasetPreview } from './preview';
export { DEFAULT_MAX_BYTES } from './limits';
export {
  importOptionsSchema,
  importSourceSchema,
  type ImportedDataset,
  type ImportOptions,
  type ImportSource,
  type ResizeMode,
  type Scaling,
} from './types';

function readRaw(source: ImportSource, limits: ReadLimits): Promise<Result<RawDataset>> {
  switch (source.kind) {
    case 'idx':
      return importIdx(source.imagesPath, source.labelsPath, limits);
    case 'npy':
      return importNpyFile(source.path, source.labelsPath, limits);
    case 'csv':
      return importCsv(source.path, source.labelColumn, limits);
    case 'imageFolder':
      return importImageFolder(source, limits);
    default: {
      const unhandled: never = source;
      return Promise.resolve(
        dataProblems.invalidRequest(`unknown kind ${JSON.stringify(unhandled)}`),
      );
    }
  }
}

const issueText = (issues: { path: PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`).join('; ');

/**
 * Reads a data set from IDX, NPY, CSV or a folder of pictures and scales it. Every problem,
 * including ones nobody foresaw, comes back as an E_DATA result; nothing is thrown.
 */
export async function importDataset(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<Result<ImportedDataset>> {
  try {
    const parsedSource = importSourceSchema.safeParse(source);
    if (!parsedSource.success)
      return dataProblems.invalidRequest(issueText(parsedSource.error.issues));
    const parsedOptions = importOptionsSchema.safeParse(options);
    if (!parsedOptions.success)
      return dataProblems.invalidRequest(issueText(parsedOptions.error.issues));

    const { scaling = 'unit', maxBytes = DEFAULT_MAX_BYTES } = parsedOptions.data;
    const raw = await readRaw(parsedSource.data, { maxBytes });
    if (!raw.ok) return raw;
    return applyScaling(raw.value, scaling);
  } catch (e) {
    return dataProblems.unexpected(e instanceof Error ? e.message : String(e));
  }
}
