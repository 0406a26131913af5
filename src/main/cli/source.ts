import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { GraphDocument } from '../../shared/graph/document';
import { getPreset, PRESETS } from '../../shared/presets';
import type { ProjectDraft, StoredWeights } from '../../shared/project/schema';
import { readProjectFile } from '../services/projects/files';

export interface CliProject {
  draft: ProjectDraft & { graph: GraphDocument };
  weights: StoredWeights | null;
  /** A short name for output files. */
  slug: string;
}

/** A project file path, or `preset:<id>` for one of the built-in designs. */
export async function loadCliProject(source: string | undefined): Promise<Result<CliProject>> {
  if (!source) return fail('E_INVALID_MESSAGE', 'Name a project file (or preset:<id>).');
  if (source.startsWith('preset:')) {
    const preset = getPreset(source.slice('preset:'.length));
    if (!preset) {
      return fail(
        'E_NOT_FOUND',
        `There is no preset "${source.slice(7)}". Presets: ${PRESETS.map((p) => p.id).join(', ')}.`,
      );
    }
    const { title, graph, settings, data } = preset;
    return ok({
      draft: { name: title, graph, settings, data, procedure: preset.procedure ?? null, runs: [] },
      weights: null,
      slug: preset.id,
    });
  }
  const file = await readProjectFile(source);
  if (!file.ok) return file;
  const { weights, ...rest } = file.value;
  const slug =
    basename(source)
      .replace(/\.aestudio\.json$|\.json$/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-') || 'project';
  return ok({ draft: { ...rest, graph: rest.graph as GraphDocument }, weights, slug });
}
