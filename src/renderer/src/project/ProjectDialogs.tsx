import { useEffect, useState } from 'react';
import type { CommandReply } from '../../../shared/contract/commands';
import { formatWhen, safeName } from './draft';
import { listProjects, openProject, saveTo, uploadProject } from '../actions/project';
import { projectStore, useProject } from './projectStore';
import './ProjectDialogs.css';

const close = () => projectStore.getState().set({ dialog: null });

/** A project file from this computer: sent to the host, kept in its projects folder, opened. */
function UploadProjectField() {
  const busy = useProject((s) => s.busy);
  return (
    <label className="setting wide upload-project" title="Open a project file from this computer">
      <span>From this computer</span>
      <input
        type="file"
        accept=".json,application/json"
        data-testid="project-upload"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void uploadProject(file);
        }}
      />
    </label>
  );
}

/** Browser mode's Open: the projects folder and the recent projects, newest first. */
function OpenDialog() {
  const [listing, setListing] = useState<CommandReply<'project.list'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void listProjects().then((r) => (r.ok ? setListing(r.value) : setError(r.error.message)));
  }, []);
  const open = (path: string) => void openProject(path);
  return (
    <div
      className="overlay-card project-dialog"
      role="dialog"
      aria-label="Open a project"
      data-testid="open-dialog"
    >
      <div className="overlay-head">
        <h2>Open a project</h2>
        <button className="icon-button" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <UploadProjectField />
      {error && <p className="field-error">{error}</p>}
      {listing && (
        <>
          <p className="muted">Projects in {listing.folder}</p>
          {listing.projects.length === 0 ? (
            <p className="muted">No projects saved yet. Save one with Ctrl+S.</p>
          ) : (
            <ul className="project-list">
              {listing.projects.map((p) => (
                <li key={p.path}>
                  <button
                    className="project-row"
                    data-testid="project-row"
                    onClick={() => open(p.path)}
                  >
                    <span className="project-name">{p.name}</span>
                    <span className="muted">
                      {formatWhen(p.modified)} · {Math.max(1, Math.round(p.size / 1024))} KB
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {listing.recent.length > 0 && (
            <>
              <h3 className="palette-category">Recent</h3>
              <ul className="project-list">
                {listing.recent.map((p) => (
                  <li key={p.path}>
                    <button className="project-row" onClick={() => open(p.path)}>
                      <span className="project-name">{p.name}</span>
                      <span className="muted path">{p.path}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Browser mode's Save As: a name for the file in the projects folder. */
function SaveAsDialog() {
  const [name, setName] = useState(() => projectStore.getState().name);
  const busy = useProject((s) => s.busy);
  const submit = () => void saveTo(safeName(name), null);
  return (
    <form
      className="overlay-card project-dialog"
      role="dialog"
      aria-label="Save the project"
      data-testid="save-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="overlay-head">
        <h2>Save the project</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <div className="field">
        <label htmlFor="project-name">Name</label>
        <input
          id="project-name"
          data-testid="save-name"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <p className="muted">
        The graph, the training settings, the run history and the trained weights are saved in one
        file.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="submit"
          className="button primary"
          data-testid="save-confirm"
          disabled={busy || name.trim() === ''}
        >
          Save
        </button>
      </div>
    </form>
  );
}

/** The open project dialog, if any, over the window. */
export function ProjectDialogs() {
  const dialog = useProject((s) => s.dialog);
  if (!dialog) return null;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      {dialog === 'open' ? <OpenDialog /> : <SaveAsDialog />}
    </div>
  );
}
