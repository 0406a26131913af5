import type { CommandName, ParsedRequest } from '../../shared/contract/commands';
import type { ImportSourceSpec } from '../../shared/contract/dataSources';

/** The filesystem paths one request carries, split by what the host does with them. */
export interface RequestPaths {
  /** Project files the host opens, writes or remembers as the current file. */
  project: string[];
  /** Data files and folders the host reads. */
  data: string[];
}

const none = (): RequestPaths => ({ project: [], data: [] });

/** Every path of a data source, whatever its kind. */
export function importSourcePaths(file: ImportSourceSpec | null | undefined): string[] {
  if (!file) return [];
  switch (file.kind) {
    case 'idx':
      return [file.imagesPath, ...(file.labelsPath ? [file.labelsPath] : [])];
    case 'npy':
      return [file.path, ...(file.labelsPath ? [file.labelsPath] : [])];
    case 'csv':
    case 'imageFolder':
      return [file.path];
    default: {
      // A new kind of data source fails the type check here until its paths are listed.
      const unhandled: never = file;
      return unhandled;
    }
  }
}

/**
 * The paths in a validated request. Every command is listed, so a new command fails the type
 * check here until someone says whether it carries a path (test/contract path-field test checks
 * the schemas too).
 */
export function requestPaths<N extends CommandName>(
  command: N,
  request: ParsedRequest<N>,
): RequestPaths {
  const name: CommandName = command;
  switch (name) {
    case 'project.save':
    case 'project.autosave': {
      const r = request as ParsedRequest<'project.save' | 'project.autosave'>;
      return {
        project: r.path === null ? [] : [r.path],
        data: importSourcePaths(r.project.data.file),
      };
    }
    case 'project.open':
      return { project: [(request as ParsedRequest<'project.open'>).path], data: [] };
    case 'data.describe':
    case 'train.start':
    case 'model.inspect': {
      const r = request as ParsedRequest<'data.describe' | 'train.start' | 'model.inspect'>;
      return { project: [], data: importSourcePaths(r.data.file) };
    }
    case 'export.render': {
      // The report and the animations read their sample images from the project's data set.
      const r = request as ParsedRequest<'export.render'>;
      return { project: [], data: importSourcePaths(r.data?.file) };
    }
    // data.upload and project.upload carry a file name the host cleans, not a path: the host
    // picks the folder. project.download writes nothing and reads no data. The lab's queries
    // (model.unit*, model.advise, run.views) carry samples and a run id, never a path.
    case 'app.info':
    case 'data.upload':
    case 'project.upload':
    case 'project.download':
    case 'train.continue':
    case 'run.status':
    case 'train.stop':
    case 'train.pause':
    case 'train.resume':
    case 'model.decode':
    case 'model.encode':
    case 'model.encodeVariance':
    case 'project.list':
    case 'project.recover':
    case 'project.discardRecovery':
    case 'project.choosePath':
    case 'model.unitLayers':
    case 'model.unit':
    case 'model.advise':
    case 'run.views':
    case 'model.chainWalk':
    case 'model.winners':
      return none();
    default: {
      const unhandled: never = name;
      return unhandled;
    }
  }
}
