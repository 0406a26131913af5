import { BrowserWindow, dialog } from 'electron';

const filters = [{ name: 'Autoencoder Studio project', extensions: ['aestudio.json', 'json'] }];

const parentWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

/** The native open or save dialog; its answer is the only way a new project path is granted. */
export async function chooseProjectPath(
  mode: 'open' | 'save',
  suggestedName: string,
): Promise<string | null> {
  const window = parentWindow();
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

/**
 * Asks the person whether the app may read a data file they typed in. The page cannot draw or
 * answer this dialog, so a compromised page cannot read files on its own.
 */
export async function confirmReadDataFile(path: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox(parentWindow(), {
    type: 'question',
    buttons: ['Allow', 'Refuse'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'Let Autoencoder Studio read this data?',
    detail: `${path}\n\nAllow it only if you typed this path yourself.`,
  });
  return response === 0;
}
