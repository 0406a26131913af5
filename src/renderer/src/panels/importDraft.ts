import type { ImportSourceSpec } from '../../../shared/contract/dataSources';

/** What the person typed for a data file, before it is a complete import source. */
export interface ImportDraft {
  kind: ImportSourceSpec['kind'];
  path: string;
  labelsPath: string;
  labelColumn: string;
  width: number;
  height: number;
  channels: 1 | 3;
}

export const EMPTY_DRAFT: ImportDraft = {
  kind: 'idx',
  path: '',
  labelsPath: '',
  labelColumn: '',
  width: 28,
  height: 28,
  channels: 1,
};

/** The import source a draft describes, or null while its path is still empty. */
export function draftToSource(d: ImportDraft): ImportSourceSpec | null {
  const path = d.path.trim();
  if (!path) return null;
  const labelsPath = d.labelsPath.trim() || undefined;
  switch (d.kind) {
    case 'idx':
      return { kind: 'idx', imagesPath: path, ...(labelsPath ? { labelsPath } : {}) };
    case 'npy':
      return { kind: 'npy', path, ...(labelsPath ? { labelsPath } : {}) };
    case 'csv': {
      const labelColumn = d.labelColumn.trim() || undefined;
      return { kind: 'csv', path, ...(labelColumn ? { labelColumn } : {}) };
    }
    case 'imageFolder':
      return { kind: 'imageFolder', path, width: d.width, height: d.height, channels: d.channels };
  }
}

/** A draft showing an import source already chosen (a preset or an opened project). */
export function sourceToDraft(source: ImportSourceSpec | null): ImportDraft {
  if (!source) return EMPTY_DRAFT;
  switch (source.kind) {
    case 'idx':
      return {
        ...EMPTY_DRAFT,
        kind: 'idx',
        path: source.imagesPath,
        labelsPath: source.labelsPath ?? '',
      };
    case 'npy':
      return {
        ...EMPTY_DRAFT,
        kind: 'npy',
        path: source.path,
        labelsPath: source.labelsPath ?? '',
      };
    case 'csv':
      return {
        ...EMPTY_DRAFT,
        kind: 'csv',
        path: source.path,
        labelColumn: source.labelColumn ?? '',
      };
    case 'imageFolder':
      return {
        ...EMPTY_DRAFT,
        kind: 'imageFolder',
        path: source.path,
        width: source.width,
        height: source.height,
        channels: source.channels,
      };
  }
}

/** What the path field is called for each kind of file. */
export const PATH_LABELS: Record<ImportSourceSpec['kind'], string> = {
  idx: 'Images file (.idx, .gz)',
  npy: 'Array file (.npy)',
  csv: 'Table file (.csv)',
  imageFolder: 'Folder of PNG/JPEG images',
};
