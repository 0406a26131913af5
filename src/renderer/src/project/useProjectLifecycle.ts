import { useEffect } from 'react';
import { getPreset } from '../../../shared/presets';
import { graphStore } from '../stores/graphStore';
import { runStore } from '../stores/runStore';
import { isTyping } from '../editor/shortcuts';
import { projectDeps } from './deps';
import {
  autosave,
  chooseAndOpen,
  checkRecovery,
  hasUnsavedChanges,
  listProjects,
  saveProject,
  snapshot,
} from './projectActions';
import { projectStore } from './projectStore';

/** How long after the last change the recovery copy is written. */
export const AUTOSAVE_DELAY_MS = 2000;

/**
 * The project's life in the window: offers back unsaved work at start, writes the recovery copy
 * a moment after each change, marks unsaved changes in the title, asks before the window closes
 * on them, and binds Ctrl+S / Ctrl+Shift+S / Ctrl+O.
 */
export function useProjectLifecycle(): void {
  useEffect(() => {
    const deps = projectDeps();
    if (!projectStore.getState().saved) {
      // The app opens on a preset: the project starts under its name, with its procedure, unchanged.
      const preset = getPreset(deps.graph.getState().presetId);
      projectStore.getState().set({
        saved: snapshot(deps),
        ...(preset ? { name: preset.title, procedure: preset.procedure ?? null } : {}),
      });
    }
    let timer: number | undefined;
    let started = false;
    const schedule = () => {
      if (!started) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void autosave(deps), AUTOSAVE_DELAY_MS);
    };
    // The recovery copy is read before any autosave could replace it.
    void checkRecovery(deps).finally(() => {
      started = true;
      if (hasUnsavedChanges(deps)) schedule();
    });
    void listProjects(deps);

    const title = () => {
      const dirty = hasUnsavedChanges(deps);
      document.title = `${dirty ? '● ' : ''}${projectStore.getState().name} — Autoencoder Studio`;
      return dirty;
    };
    title();
    const offGraph = graphStore.subscribe((s, prev) => {
      if (s.doc === prev.doc) return;
      if (title()) schedule();
    });
    const offRun = runStore.subscribe((s, prev) => {
      if (s.settings === prev.settings && s.data === prev.data) return;
      if (title()) schedule();
    });
    const offProject = projectStore.subscribe((s, prev) => {
      if (s.saved !== prev.saved || s.name !== prev.name) title();
    });

    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges(deps)) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void saveProject(deps, { as: e.shiftKey });
      } else if (key === 'o' && !isTyping(e.target)) {
        e.preventDefault();
        void chooseAndOpen(deps);
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      offGraph();
      offRun();
      offProject();
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
