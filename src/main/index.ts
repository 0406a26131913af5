import { app, BrowserWindow, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { bindIpc } from './electron/ipc';
import { spawnUtilityTrainer } from './electron/utilityTrainer';
import { createMainWindow } from './electron/window';
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

const filters = [{ name: 'Autoencoder Studio project', extensions: ['aestudio.json', 'json'] }];

async function chooseProjectPath(
  mode: 'open' | 'save',
  suggestedName: string,
): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (mode === 'open') {
    const chosen = await dialog.showOpenDialog(window, { properties: ['openFile'], filters });
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  }
  const chosen = await dialog.showSaveDialog(window, {
    defaultPath: `${suggestedName}.aestudio.json`,
    filters,
  });
  return chosen.canceled ? null : (chosen.filePath ?? null);
}

void app.whenReady().then(() => {
  const window = createMainWindow(outDir);
  const unbind = bindIpc(host, window);
  void host.warmUp();
  window.on('closed', unbind);
});

app.on('window-all-closed', () => {
  host.dispose();
  app.quit();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) createMainWindow(outDir);
});
