/**
 * The trainer's side of its pipe to the host: Electron's utilityProcess gives it process.parentPort,
 * child_process.fork gives it process.send. Both carry structured clones, so typed arrays travel as is.
 */
export interface ParentChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function openParentChannel(): ParentChannel {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  if (!process.send) throw new Error('The trainer must be started by the app, not on its own.');
  return {
    send: (message) => process.send?.(message),
    onMessage: (listener) => process.on('message', listener),
  };
}
