import { StudioClient } from '../../../shared/contract/client';
import { bridgeTransport } from './bridge';
import { remoteTrainer, trainerSocketUrl } from './remote';
import { WebSocketTransport } from './websocket';

export type Shell = 'electron' | 'browser';

/** The start token of browser mode, from the page's address (the server refuses requests without it). */
export const startToken = (): string =>
  new URLSearchParams(window.location.search).get('token') ?? '';

/**
 * Connects to the host: a trainer on another machine when this window was pointed at one, else
 * the preload bridge in Electron and the WebSocket in browser mode.
 */
export function connectStudio(): {
  client: StudioClient;
  shell: Shell;
  ws: WebSocketTransport | null;
} {
  const remote = remoteTrainer();
  const remoteUrl = remote && trainerSocketUrl(remote);
  // A trainer on another machine: its data comes by upload, as in browser mode.
  if (remoteUrl) {
    const ws = new WebSocketTransport(remoteUrl);
    return { client: new StudioClient(ws), shell: 'browser', ws };
  }
  if (window.studio) {
    return {
      client: new StudioClient(bridgeTransport(window.studio)),
      shell: 'electron',
      ws: null,
    };
  }
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${protocol}//${window.location.host}/ws?token=${encodeURIComponent(startToken())}`;
  const ws = new WebSocketTransport(url);
  return { client: new StudioClient(ws), shell: 'browser', ws };
}
