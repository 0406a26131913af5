import { weightsFit } from '../stores/designMatch';
import type { GraphDocument } from '../../../shared/graph/document';
import type { StudioClient } from '../../../shared/contract/client';
import type { CommandReply } from '../../../shared/contract/commands';
import { GRAPH_VERSION, migrateDocument } from '../../../shared/graph';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import type { ProjectDraft } from '../../../shared/project/schema';
import type { AppStore } from '../stores/appStore';
import type { GraphStore } from '../stores/graphStore';
import type { RunHistory } from '../stores/runHistory';
import { loadProjectRuns } from '../stores/runProject';
import { isActive } from '../stores/runState';
import type { RunStore } from '../stores/runStore';
import { buildDraft, isDirty, runRecords, safeName } from './draft';
import type { ProjectStore, SavedState } from './projectStore';

/** What the project actions need: the host client and the app's stores. */
export interface ProjectDeps {
  client: Pick<StudioClient, 'invoke'>;
  graph: GraphStore;
  run: RunStore;
  history: RunHistory;
  app: AppStore;
  project: ProjectStore;
}

/** The state that decides whether there are unsaved changes. */
export function snapshot({ graph, run }: Pick<ProjectDeps, 'graph' | 'run'>): SavedState {
  const { settings, data } = run.getState();
  return { doc: graph.getState().doc, settings, data };
}

export const hasUnsavedChanges = (deps: Pick<ProjectDeps, 'graph' | 'run' | 'project'>): boolean =>
  isDirty(deps.project.getState().saved, snapshot(deps));

/** The project as a draft for the host: graph, settings, data, procedure and run history. */
export function currentDraft({ graph, run, history, project }: ProjectDeps): ProjectDraft {
  const { settings, data } = run.getState();
  return buildDraft({
    name: project.getState().name,
    doc: graph.getState().doc,
    settings,
    data,
    procedure: project.getState().procedure,
    runs: runRecords(history.getState().runs, settings),
  });
}

/** The latest run whose weights are worth saving: ended without failing. */
export function weightsOfRun({ run, graph }: Pick<ProjectDeps, 'run' | 'graph'>): string | null {
  const { runId, phase, ended, design } = run.getState();
  if (!runId || phase !== 'ended' || !ended) return null;
  if (ended.status !== 'completed' && ended.status !== 'stopped') return null;
  // Weights of an earlier design go into the file only while their shapes still fit the design
  // saved with them; otherwise the file would pair a graph with weights it cannot load.
  return !design || weightsFit(design, graph.getState().doc) ? runId : null;
}

function refuseWhileTraining({ run, app }: ProjectDeps, what: string): boolean {
  if (!isActive(run.getState().phase)) return false;
  app.getState().showError('E_BUSY', `Stop the running training before you ${what}.`);
  return true;
}

/** Starts a new project: empty, or from a preset with its settings and data. */
export function newProject(deps: ProjectDeps, presetId: string | null): boolean {
  if (refuseWhileTraining(deps, 'start a new project')) return false;
  const preset = presetId ? getPreset(presetId) : undefined;
  if (presetId && !preset) {
    deps.app.getState().showError('E_NOT_FOUND', `There is no preset called "${presetId}".`);
    return false;
  }
  if (preset) {
    deps.graph.getState().loadPreset(preset.id);
    deps.run.getState().useDefaults(preset.settings, preset.data);
  } else {
    deps.graph
      .getState()
      .loadDocument({ version: GRAPH_VERSION, nodes: [], edges: [] }, 'Untitled');
    const { settings, data } = deps.run.getState();
    deps.run.getState().useDefaults(settings, data);
  }
  deps.history.getState().clear();
  deps.project.getState().set({
    name: preset?.title ?? 'Untitled',
    path: null,
    procedure: preset?.procedure ?? null,
    saved: snapshot(deps),
    loadedRunId: null,
    lastSavedAt: null,
    dialog: null,
    recovered: null,
  });
  return true;
}

/** Puts a project draft into the app: its graph (migrated), settings, data and runs. */
export function loadDraft(
  deps: ProjectDeps,
  draft: ProjectDraft,
  path: string | null,
  loadedRunId: string | null,
): boolean {
  const graph = migrateDocument(draft.graph);
  if (!graph.ok) {
    deps.app.getState().showError(graph.error.code, graph.error.message);
    return false;
  }
  deps.graph.getState().loadDocument(graph.value, draft.name);
  loadProjectRuns({ run: deps.run, history: deps.history }, draft, '', loadedRunId);
  deps.project.getState().set({ name: draft.name, path, procedure: draft.procedure, dialog: null });
  return true;
}

/**
 * A side job of a project command that failed without failing it (remembering recent files on a
 * read-only disk, weights that could not be read): shown in the banner, the command went on.
 */
export function showWarning(
  deps: ProjectDeps,
  result: { ok: boolean; value?: { warning?: string } },
) {
  const warning = result.ok ? result.value?.warning : undefined;
  if (warning) deps.app.getState().showError('W_PROJECT', warning);
}

/** Lists the projects folder and the recent projects (browser mode's open dialog). */
export async function listProjects(deps: ProjectDeps) {
  const result = await deps.client.invoke('project.list', {});
  if (result.ok) deps.project.getState().set({ recent: result.value.recent });
  showWarning(deps, result);
  return result;
}

/** Opens a project file; a broken or newer file leaves the open project as it was. */
export async function openProject(deps: ProjectDeps, path: string): Promise<boolean> {
  if (refuseWhileTraining(deps, 'open another project')) return false;
  deps.project.getState().set({ busy: true });
  const result = await deps.client.invoke('project.open', { path });
  deps.project.getState().set({ busy: false });
  if (!result.ok) {
    deps.app.getState().showError(result.error.code, result.error.message);
    return false;
  }
  return showOpened(deps, result.value);
}

/** Puts a project the host opened (from a path or uploaded bytes) into the app, as saved. */
export function showOpened(deps: ProjectDeps, opened: CommandReply<'project.open'>): boolean {
  showWarning(deps, { ok: true, value: opened });
  const { project, loadedRunId } = opened;
  if (!loadDraft(deps, project, opened.path, loadedRunId)) return false;
  deps.project
    .getState()
    .set({ saved: snapshot(deps), lastSavedAt: null, loadedRunId, recovered: null });
  void listProjects(deps);
  if (loadedRunId) void showLoadedModel(deps, loadedRunId, project);
  return true;
}

/**
 * Fills Inspect and Generate with what the opened project's trained model does on its data
 * (reconstructions, features, codes), without training it again.
 */
async function showLoadedModel(
  deps: ProjectDeps,
  runId: string,
  project: ProjectDraft,
): Promise<void> {
  const epoch = project.runs.at(-1)?.epochs.at(-1)?.epoch ?? 0;
  const result = await deps.client.invoke('model.inspect', { runId, data: project.data, epoch });
  if (!result.ok) deps.app.getState().showError(result.error.code, result.error.message);
}

/** Ctrl+O: the native dialog in Electron; the projects folder's list in browser mode. */
export async function chooseAndOpen(deps: ProjectDeps): Promise<void> {
  const chosen = await deps.client.invoke('project.choosePath', {
    mode: 'open',
    suggestedName: '',
  });
  if (chosen.ok) {
    if (chosen.value.path) await openProject(deps, chosen.value.path);
    return;
  }
  deps.project.getState().set({ dialog: 'open' });
}

/** Saves to `path` (null: by name in the projects folder) under `name`, with the latest weights. */
export async function saveTo(
  deps: ProjectDeps,
  name: string,
  path: string | null,
): Promise<boolean> {
  deps.project.getState().set({ busy: true, name: safeName(name) });
  const state = snapshot(deps);
  const result = await deps.client.invoke('project.save', {
    project: currentDraft(deps),
    path,
    weightsOfRun: weightsOfRun(deps),
  });
  deps.project.getState().set({ busy: false });
  if (!result.ok) {
    deps.app.getState().showError(result.error.code, result.error.message);
    return false;
  }
  showWarning(deps, result);
  deps.project.getState().set({
    path: result.value.path,
    saved: state,
    lastSavedAt: result.value.savedAt,
    dialog: null,
    recovered: null,
  });
  // The file now holds this work: a recovery copy of it would only offer it back.
  void deps.client.invoke('project.discardRecovery', {});
  void listProjects(deps);
  return true;
}

/** Ctrl+S (and Ctrl+Shift+S for Save As): asks where only for a project never saved. */
export async function saveProject(deps: ProjectDeps, options: { as: boolean }): Promise<boolean> {
  const { path, name } = deps.project.getState();
  if (path && !options.as) return saveTo(deps, name, path);
  const chosen = await deps.client.invoke('project.choosePath', {
    mode: 'save',
    suggestedName: safeName(name),
  });
  if (chosen.ok) return chosen.value.path ? saveTo(deps, name, chosen.value.path) : false;
  // Browser mode: no native dialog; the person names the file in the projects folder.
  deps.project.getState().set({ dialog: 'saveAs' });
  return false;
}

/**
 * Writes the crash-recovery copy of unsaved work; work back at its saved state (undone to it)
 * removes the copy instead, or a reload would reopen edits the person took back.
 */
export async function autosave(deps: ProjectDeps): Promise<void> {
  if (!hasUnsavedChanges(deps)) {
    await deps.client.invoke('project.discardRecovery', {});
    return;
  }
  await deps.client.invoke('project.autosave', {
    project: currentDraft(deps),
    path: deps.project.getState().path,
  });
}

/**
 * At start: unsaved work an earlier session left (a crash, a reload, a closed tab) opens
 * directly, still unsaved, with a bar offering to discard it. Returns whether it did.
 */
export async function checkRecovery(deps: ProjectDeps): Promise<boolean> {
  const result = await deps.client.invoke('project.recover', {});
  // An unreadable recovery copy was moved aside by the host: say so once, then start clean.
  if (!result.ok) deps.app.getState().showError(result.error.code, result.error.message);
  if (!result.ok || !result.value.project) return false;
  if (!loadDraft(deps, result.value.project, result.value.path, null)) return false;
  deps.project.getState().set({
    saved: null,
    loadedRunId: null,
    lastSavedAt: null,
    recovered: { savedAt: result.value.savedAt ?? '' },
  });
  return true;
}

/** Throws the recovered work and its copy away: the app starts over on the default design. */
export async function discardRecovery(deps: ProjectDeps): Promise<void> {
  if (!newProject(deps, DEFAULT_PRESET_ID)) return;
  await deps.client.invoke('project.discardRecovery', {});
}

/**
 * Opens an imported design (a Keras or TensorFlow.js model, or an exported diagram) as a new,
 * unsaved project. Refused while training, like every project change.
 */
export function importDesign(deps: ProjectDeps, doc: GraphDocument, name: string): boolean {
  if (!newProject(deps, null)) return false;
  deps.graph.getState().loadDocument(doc, name);
  deps.project.getState().set({ name });
  return true;
}
