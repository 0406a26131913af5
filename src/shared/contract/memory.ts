import type { ClientTransport } from './client';
import { dispatchCommand, type StudioHandlers } from './dispatch';

/**
 * The in-memory transport of the unit tests: the same dispatch as the real transports, with each
 * message structured-cloned so nothing is shared by reference across the "boundary".
 */
export function memoryTransport(
  handlers: StudioHandlers,
  subscribe: (listener: (name: string, payload: unknown) => void) => () => void,
): ClientTransport {
  return {
    invoke: async (command, payload) =>
      structuredClone(await dispatchCommand(handlers, command, structuredClone(payload))),
    onEvent: (listener) => subscribe((name, payload) => listener(name, structuredClone(payload))),
  };
}
