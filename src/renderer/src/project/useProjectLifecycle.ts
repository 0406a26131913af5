import { useEffect } from 'react';
import { getPreset } from '../../../shared/presets';
import { graphStore } from '../stores/graphStore';
import { runHistory } from '../stores/runHistory';
import { runStore } from '../stores/runStore';
import { isTyping } from '../editor/shortcuts';
import { projectDeps } from '../actions/project';
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
import { createAutosaveSchedule } from './autosaveSchedule';

/**
 * The project's life in the window: reopens unsaved work at start, writes the recovery copy
 * within half a second of each change and again as the page hides or closes, marks unsaved
 * changes in the title, asks before the window closes on them, and binds Ctrl+S / Ctrl+Shift+S /
 * Ctrl+O.
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
    let started = false;
    const autosaves = createAutosaveSchedule(() => void autosave(deps));
    const schedule = () => {
      if (started) autosaves.changed();
    };
    // The recovery copy is read (and its work opened) before any autosave could replace it; the
    // work it opens is that copy already, so it is not written again.
    void checkRecovery(deps)
      .catch(() => false)
      .then((recovered) => {
        started = true;
        // Edits made while the copy was being read wait no longer than any other.
        if (!recovered && hasUnsavedChanges(deps)) autosaves.changed();
      });
    void listProjects(deps);

    const title = () => {
      const dirty = hasUnsavedChanges(deps);
      document.title = `${dirty ? '● ' : ''}${projectStore.getState().name} — Autoencoder Studio`;
      return dirty;
    };
    title();
    // Every change is scheduled, back to the saved state too: that one removes the copy.
    const offGraph = graphStore.subscribe((s, prev) => {
      if (s.doc === prev.doc) return;
      title();
      schedule();
    });
    const offRun = runStore.subscribe((s, prev) => {
      if (s.settings === prev.settings && s.data === prev.data) return;
      title();
      schedule();
    });
    // A run that ended joins the run records (its curves, pictures and game figures): the copy
    // is written again, so a reload brings them back with the unsaved design.
    const offHistory = runHistory.subscribe((s, prev) => {
      if (s.runs !== prev.runs) schedule();
    });
    const offProject = projectStore.subscribe((s, prev) => {
      if (s.saved !== prev.saved || s.name !== prev.name) title();
    });

    // A reload, a closed tab or a closed window: what waits is sent now. The socket's send is
    // queued before the page goes, and the host writes each copy as it arrives.
    const flush = () => autosaves.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      flush();
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
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('keydown', onKey);
    return () => {
      autosaves.cancel();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      offGraph();
      offRun();
      offHistory();
      offProject();
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
