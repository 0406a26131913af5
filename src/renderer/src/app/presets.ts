import { newProject, type ProjectDeps } from '../project/projectActions';

/** Switches to a preset: a new project with its graph, settings and data (refused while training). */
export function pickPreset(id: string, deps: ProjectDeps): boolean {
  return newProject(deps, id);
}
