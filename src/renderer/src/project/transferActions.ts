import { downloadFiles } from '../export/download';
import { isActive } from '../stores/runState';
import { currentDraft, showOpened, weightsOfRun, type ProjectDeps } from './projectActions';

/** The data upload's limit: above it the WebSocket frame would be refused. */
export const MAX_PROJECT_UPLOAD_MB = 60;

/**
 * Browser mode's open from disk: the chosen file's bytes go to the host, which checks them as a
 * project, keeps them in its projects folder and opens them. A broken file changes nothing here.
 */
export async function uploadProject(deps: ProjectDeps, file: File): Promise<boolean> {
  if (isActive(deps.run.getState().phase)) {
    deps.app
      .getState()
      .showError('E_BUSY', 'Stop the running training before you open another project.');
    return false;
  }
  if (file.size > MAX_PROJECT_UPLOAD_MB * 1024 * 1024) {
    deps.app
      .getState()
      .showError(
        'E_PROJECT_TOO_LARGE',
        `"${file.name}" is larger than ${MAX_PROJECT_UPLOAD_MB} MB; put it in the projects folder and open it from the list.`,
      );
    return false;
  }
  deps.project.getState().set({ busy: true });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await deps.client.invoke('project.upload', { name: file.name, bytes });
  deps.project.getState().set({ busy: false });
  if (!result.ok) {
    deps.app.getState().showError(result.error.code, result.error.message);
    return false;
  }
  return showOpened(deps, result.value);
}

/**
 * Downloads the project as the file a save would write (weights of the last good run included),
 * through the browser's own download. The open project stays as it is: unsaved where it was.
 */
export async function downloadProject(deps: ProjectDeps): Promise<boolean> {
  deps.project.getState().set({ busy: true });
  const result = await deps.client.invoke('project.download', {
    project: currentDraft(deps),
    weightsOfRun: weightsOfRun(deps),
  });
  deps.project.getState().set({ busy: false });
  if (!result.ok) {
    deps.app.getState().showError(result.error.code, result.error.message);
    return false;
  }
  downloadFiles([{ name: result.value.name, type: 'application/json', data: result.value.bytes }]);
  return true;
}
