import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { routeNavigation } from '../electron-policy/externalLinks';
import {
  CONTENT_SECURITY_POLICY,
  refusePermission,
  secureWebPreferences,
} from '../electron-policy/windowPolicy';

/** Session-wide rules, set once: a CSP on every response, no permissions, no webviews. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(refusePermission()));
  ses.setPermissionCheckHandler(() => refusePermission());
  ses.setDevicePermissionHandler(() => refusePermission());
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (routeNavigation(url) === 'open-in-browser') void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      if (routeNavigation(url) === 'open-in-browser') void shell.openExternal(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
  });
}

/** The one window: isolated, sandboxed, no Node in the page, a strict CSP, no navigation away. */
export function createMainWindow(outDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Autoencoder Studio',
    backgroundColor: '#0f1420',
    // Linux and Windows show it in the task bar; resources/ sits beside out/ in the app (and its asar).
    icon: join(outDir, '..', 'resources', 'icon.png'),
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.cjs')),
  });
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
  void window.loadFile(join(outDir, 'renderer', 'index.html'));
  return window;
}
