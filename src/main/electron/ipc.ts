import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatchCommand } from '../../shared/contract/dispatch';
import { fail } from '../../shared/contract/result';
import type { StudioHost } from '../services/host';

export const INVOKE_CHANNEL = 'studio:invoke';
export const EVENT_CHANNEL = 'studio:event';

/** Only our own window, showing our own page, may call the host. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents && frame !== null && frame === window.webContents.mainFrame
  );
}

/** Binds StudioApi to one invoke channel and one event channel. */
export function bindIpc(host: StudioHost, window: BrowserWindow): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, command: unknown, payload: unknown) => {
    if (!isTrustedSender(event, window))
      return fail('E_UNAUTHORIZED', 'Refused a request from an unknown page.');
    return dispatchCommand(host.handlers, command, payload);
  });
  const unsubscribe = host.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
