import type { ClientTransport } from '../../../shared/contract/client';

/** What the Electron preload exposes as window.studio: invoke and onEvent, nothing more. */
export interface PreloadBridge {
  invoke(command: string, payload: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    studio?: PreloadBridge;
  }
}

/** The Electron transport: the preload bridge already has the transport's shape. */
export const bridgeTransport = (bridge: PreloadBridge): ClientTransport => ({
  invoke: (command, payload) => bridge.invoke(command, payload),
  onEvent: (listener) => bridge.onEvent(listener),
});
