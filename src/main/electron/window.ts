import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The one window: isolated, sandboxed, no Node in the page, a strict CSP, no navigation away. */
export function createMainWindow(outDir: string): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Autoencoder Studio',
    backgroundColor: '#0f1420',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const page = join(outDir, 'renderer', 'index.html');
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  app.on('web-contents-created', (_e, contents) =>
    contents.on('will-attach-webview', (event) => event.preventDefault()),
  );
  // The page asks before it is closed with unsaved changes (beforeunload); the shell shows the question.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Discard changes and close', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'Your design has unsaved changes.',
      detail: 'Close without saving them?',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadFile(page);
  return window;
}
