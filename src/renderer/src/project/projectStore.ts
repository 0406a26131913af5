import { createStore, useStore } from 'zustand';
import type { Procedure, TrainSettings, DataSpec } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';

/** Unsaved work an earlier session left, opened at start: when it was kept, to say so. */
export interface Recovered {
  savedAt: string;
}

/** What the project's file looked like when last saved or opened: to tell unsaved changes. */
export interface SavedState {
  doc: GraphDocument;
  settings: TrainSettings;
  data: DataSpec;
}

export interface ProjectState {
  name: string;
  /** The file it was opened from or saved to; null until saved. */
  path: string | null;
  /** The greedy or encoder-reuse procedure a preset or opened project brings. */
  procedure: Procedure | null;
  saved: SavedState | null;
  /** The run under which the opened file's trained weights were loaded into the trainer. */
  loadedRunId: string | null;
  lastSavedAt: string | null;
  recent: { name: string; path: string }[];
  /** Set while the open work is what a crash or a reload left: the bar offers to discard it. */
  recovered: Recovered | null;
  /** Which dialog is open: choose a project to open, or name the project to save. */
  dialog: 'open' | 'saveAs' | null;
  busy: boolean;
  set(patch: Partial<Omit<ProjectState, 'set'>>): void;
}

/** Makes a project store; the app uses one, tests make their own. */
export const createProjectStore = () =>
  createStore<ProjectState>()((set) => ({
    name: 'Untitled',
    path: null,
    procedure: null,
    saved: null,
    loadedRunId: null,
    lastSavedAt: null,
    recent: [],
    recovered: null,
    dialog: null,
    busy: false,
    set: (patch) => set(patch),
  }));

export type ProjectStore = ReturnType<typeof createProjectStore>;

/** The app's open project: its name, file and saved state. */
export const projectStore: ProjectStore = createProjectStore();

export const useProject = <T>(selector: (state: ProjectState) => T): T =>
  useStore(projectStore, selector);
