import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { guardPaths } from './electron-policy/guardPaths';
import { PathGrants } from './electron-policy/grants';
import { chooseProjectPath, confirmReadDataFile } from './electron/dialogs';
import { bindIpc } from './electron/ipc';
import { spawnUtilityTrainer } from './electron/utilityTrainer';
import { createMainWindow, hardenSession } from './electron/window';
import { createStudioHost } from './services/host';
import { APP_VERSION } from './services/version';

// The Electron shell: a window bound to the same host browser mode uses. No logic of its own.
const outDir = fileURLToPath(new URL('..', import.meta.url));
const host = createStudioHost({
  shell: 'electron',
  version: APP_VERSION,
  spawnTrainer: spawnUtilityTrainer(fileURLToPath(new URL('./trainer.js', import.meta.url))),
  choosePath: chooseProjectPath,
});
// The page touches only files the person chose this session (dialogs, recent projects).
const handlers = guardPaths(host.handlers, new PathGrants(), { confirmRead: confirmReadDataFile });

function openWindow(): void {
  const window = createMainWindow(outDir);
  const unbind = bindIpc(host, handlers, window);
  window.on('closed', unbind);
}

void app.whenReady().then(() => {
  hardenSession();
  openWindow();
  void host.warmUp();
});

app.on('window-all-closed', () => {
  host.dispose();
  app.quit();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) openWindow();
});
