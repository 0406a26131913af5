import type { GraphDocument } from '../../../shared/graph/document';
import * as projects from '../project/projectActions';
import { projectStore } from '../project/projectStore';
import * as transfer from '../project/transferActions';
import { appStore } from '../stores/appStore';
import { graphStore } from '../stores/graphStore';
import { runHistory } from '../stores/runHistory';
import { runStore } from '../stores/runStore';
import { session } from './session';

/**
 * The project actions bound to the running app, for components: New, Open, Save, Save as, upload
 * and download, recovery. The logic lives in project/projectActions.ts and transferActions.ts,
 * which take their dependencies and are tested with their own stores.
 */

/** The project actions' dependencies in the running app (for the project lifecycle hook). */
export const projectDeps = (): projects.ProjectDeps => ({
  client: session().client,
  graph: graphStore,
  run: runStore,
  history: runHistory,
  app: appStore,
  project: projectStore,
});

/** Whether the design or settings changed since the project was opened or saved. */
export const hasUnsavedChanges = (): boolean => projects.hasUnsavedChanges(projectDeps());

/** Starts a new project from a preset (null: an empty design); false when none has that id. */
export const newProject = (presetId: string | null): boolean =>
  projects.newProject(projectDeps(), presetId);

/** Lets the person pick a project file and opens it. */
export const chooseAndOpen = (): Promise<void> => projects.chooseAndOpen(projectDeps());

/** Saves where the project was saved before, or asks for a name ("as": always asks). */
export const saveProject = (options: { as: boolean }): Promise<boolean> =>
  projects.saveProject(projectDeps(), options);

/** Saves under `name` in the projects folder (null path) or at `path`. */
export const saveTo = (name: string, path: string | null): Promise<boolean> =>
  projects.saveTo(projectDeps(), name, path);

/** Refreshes the list of saved projects in the project store. */
export const listProjects = () => projects.listProjects(projectDeps());

/** Opens the project at `path`. */
export const openProject = (path: string): Promise<boolean> =>
  projects.openProject(projectDeps(), path);

/** Throws away the recovery copy of unsaved work. */
export const discardRecovery = (): Promise<void> => projects.discardRecovery(projectDeps());

/** Replaces the design with an imported one (a Keras or tfjs model). */
export const importDesign = (doc: GraphDocument, name: string): boolean =>
  projects.importDesign(projectDeps(), doc, name);

/** Opens a project file sent from this computer. */
export const uploadProject = (file: File): Promise<boolean> =>
  transfer.uploadProject(projectDeps(), file);

/** Downloads the project, with its weights, as one file. */
export const downloadProject = (): Promise<boolean> => transfer.downloadProject(projectDeps());
