import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The narrow bridge: invoke a StudioApi command, listen to its events. Nothing else is exposed,
// and the host validates every request it receives.
const INVOKE = 'studio:invoke';
const EVENT = 'studio:event';

contextBridge.exposeInMainWorld('studio', {
  invoke: (command: string, payload: unknown): Promise<unknown> =>
    ipcRenderer.invoke(INVOKE, command, payload),
  onEvent: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) =>
      listener(name, payload);
    ipcRenderer.on(EVENT, wrapped);
    return () => void ipcRenderer.removeListener(EVENT, wrapped);
  },
});
