import { useApp } from '../stores/appStore';
import { useProject } from './projectStore';
import { downloadProject } from '../actions/project';

/**
 * Browser mode keeps projects in the host's folder; this puts a copy of the open project on
 * this computer (the desktop app saves anywhere with Save as… instead).
 */
export function DownloadProjectButton() {
  const shell = useApp((s) => s.shell);
  const busy = useProject((s) => s.busy);
  if (shell !== 'browser') return null;
  return (
    <button
      className="button small ghost"
      data-testid="project-download"
      disabled={busy}
      title="Download the project file (design, settings, runs and trained weights) to this computer"
      onClick={() => void downloadProject()}
    >
      Download
    </button>
  );
}
