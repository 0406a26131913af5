import { fail } from '../shared/contract/result';
import { isRendererCommand } from './rendererCommands';

export const INVOKE_CHANNEL = 'studio:invoke';
export const EVENT_CHANNEL = 'studio:event';

/** The part of Electron's ipcRenderer the bridge uses (kept apart so it is testable). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The narrow bridge: invoke one of the renderer's commands, listen to events. A name the
 * renderer never sends is refused here, before it reaches main (which checks it again).
 */
export function createBridge(ipc: RendererIpc) {
  return {
    invoke: (command: unknown, payload: unknown): Promise<unknown> => {
      if (!isRendererCommand(command)) {
        return Promise.resolve(
          fail('E_UNKNOWN_COMMAND', `The app does not offer the command "${String(command)}".`),
        );
      }
      return ipc.invoke(INVOKE_CHANNEL, command, payload);
    },
    onEvent: (listener: (name: string, payload: unknown) => void): (() => void) => {
      if (typeof listener !== 'function') return () => undefined;
      const wrapped = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
  };
}
