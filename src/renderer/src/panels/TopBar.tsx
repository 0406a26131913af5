import { useDesignMatch } from '../views/useDesignMatch';
import { editorUi } from '../editor/editorUi';
import { formatCount } from '../format/format';
import { ProjectDialogs } from '../project/ProjectDialogs';
import { DownloadProjectButton } from '../project/DownloadProjectButton';
import { ExportButton, ImportModelButton } from '../export';
import { chooseAndOpen, hasUnsavedChanges, importDesign, saveProject } from '../actions/project';
import { useProject } from '../project/projectStore';
import { RecoveryBanner } from '../project/RecoveryBanner';
import { useProjectLifecycle } from '../project/useProjectLifecycle';
import { StartGallery } from '../start/StartGallery';
import { useApp } from '../stores/appStore';
import { useGraph } from '../stores/graphStore';
import { useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { ConnectButton } from '../connect/ConnectDialog';
import { BackendBadge } from './BackendBadge';
import './TopBar.css';

/** Whether the open project has unsaved changes, re-read when the design, settings or file change. */
function useUnsaved(): boolean {
  useGraph((s) => s.doc);
  useRun((s) => s.settings);
  useRun((s) => s.data);
  useProject((s) => s.saved);
  return hasUnsavedChanges();
}

/** App name, the project and its file commands, the network's size, the connection and the backend. */
export function TopBar() {
  useProjectLifecycle();
  const total = useGraph((s) => s.analysis.totals);
  const busy = useRun((s) => isActive(s.phase));
  const shell = useApp((s) => s.shell);
  const connected = useApp((s) => s.connected);
  const name = useProject((s) => s.name);
  const path = useProject((s) => s.path);
  const saving = useProject((s) => s.busy);
  const unsaved = useUnsaved();
  const withWeights = useProject((s) => s.loadedRunId);
  const runId = useRun((s) => s.runId);

  return (
    <>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="22" height="22">
              <path d="M3 4h4l4 8-4 8H3l4-8zM21 4h-4l-4 8 4 8h4l-4-8z" fill="currentColor" />
            </svg>
          </span>
          <span className="brand-name">Autoencoder Studio</span>
        </div>
        <div className="top-divider" />
        <div className="project-title" title={path ?? 'Not saved yet'} data-testid="project-title">
          <span className="project-name">{name}</span>
          {unsaved && (
            <span
              className="unsaved-dot"
              aria-label="unsaved changes"
              title="Unsaved changes"
              data-testid="unsaved"
            >
              ●
            </span>
          )}
        </div>
        <div className="file-buttons">
          <button
            className="button small"
            data-testid="project-new"
            disabled={busy}
            title={busy ? 'Stop the training first' : 'Start a new project: empty or from a preset'}
            onClick={() => editorUi.getState().setGallery(true)}
          >
            New
          </button>
          <button
            className="button small"
            data-testid="project-open"
            disabled={busy}
            title="Open a project (Ctrl+O)"
            onClick={() => void chooseAndOpen()}
          >
            Open
          </button>
          <button
            className="button small"
            data-testid="project-save"
            disabled={saving}
            title="Save (Ctrl+S)"
            onClick={() => void saveProject({ as: false })}
          >
            Save
          </button>
          <button
            className="button small ghost"
            data-testid="project-save-as"
            disabled={saving}
            title="Save under another name (Ctrl+Shift+S)"
            onClick={() => void saveProject({ as: true })}
          >
            Save as…
          </button>
          <DownloadProjectButton />
          <ImportModelButton
            onGraph={(doc, name) => {
              const discard =
                !hasUnsavedChanges() ||
                window.confirm('Replace the current design? Its unsaved changes will be lost.');
              if (discard) importDesign(doc, name);
            }}
          />
          <ExportButton />
        </div>
        <span
          className="chip"
          data-testid="total-params"
          title={`${formatCount(total.trainable)} trainable, ${formatCount(total.nonTrainable)} fixed`}
        >
          {formatCount(total.total)} parameters
        </span>
        {withWeights !== null && withWeights === runId && <WeightsChip />}
        <div className="spacer" />
        {shell === 'browser' && (
          <span
            className={`connection ${connected ? 'on' : 'off'}`}
            title={
              connected ? 'Connected to the studio service' : 'Reconnecting to the studio service…'
            }
          >
            <span className="dot" />
            {/* Connected is the normal state: a green dot says it; only trouble takes words. */}
            {connected ? null : 'Reconnecting…'}
          </span>
        )}
        <ConnectButton />
        <BackendBadge />
      </header>
      <RecoveryBanner />
      <ProjectDialogs />
      <StartGallery />
    </>
  );
}

/** The loaded project's trained weights, and whether the design on the canvas still is theirs. */
function WeightsChip() {
  const { match } = useDesignMatch();
  const stale = match.kind === 'stale';
  return (
    <span
      className={`chip weights-chip${stale ? ' stale' : ''}`}
      data-testid="weights-loaded"
      data-stale={stale}
      title={
        stale
          ? 'The trained weights saved in this project belong to an earlier design: Inspect and Generate mark what comes from them.'
          : 'The trained weights saved in this project are loaded: Inspect and Generate use them.'
      }
    >
      {stale ? 'Weights of an earlier design' : 'Trained weights'}
    </span>
  );
}
