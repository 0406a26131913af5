import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { StudioHandlers } from '../../shared/contract/dispatch';
import { fail } from '../../shared/contract/result';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/bridge';
import { dispatchFromWindow } from '../electron-policy/windowDispatch';
import type { StudioHost } from '../services/host';

/** Only our own window, showing our own page, may call the host. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents && frame !== null && frame === window.webContents.mainFrame
  );
}

/**
 * Binds the renderer's commands to one invoke channel and the host's events to one event channel.
 * `handlers` are the host's, already wrapped by guardPaths.
 */
export function bindIpc(host: StudioHost, handlers: StudioHandlers, window: BrowserWindow) {
  ipcMain.handle(INVOKE_CHANNEL, (event, command: unknown, payload: unknown) => {
    if (!isTrustedSender(event, window))
      return fail('E_UNAUTHORIZED', 'Refused a request from an unknown page.');
    return dispatchFromWindow(handlers, command, payload);
  });
  const unsubscribe = host.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
