import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { StudioClient } from '../../../shared/contract/client';
import { decodeFrame, encodeFrame } from '../../../shared/contract/codec';
import { MAX_REQUEST_FRAME_BYTES } from '../../../shared/contract/limits';
import { WebSocketTransport } from './websocket';

/**
 * The peer here enforces browser mode's frame limit exactly as the host does (ws, the same
 * maxPayload) and answers app.info; the host itself is tested in test/web.test.ts.
 */
let peer: WebSocketServer;
let port = 0;
beforeAll(async () => {
  peer = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: MAX_REQUEST_FRAME_BYTES });
  await new Promise((resolve) => peer.once('listening', resolve));
  port = (peer.address() as { port: number }).port;
  peer.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      const { id } = decodeFrame(new Uint8Array(data as Buffer)) as { id: number };
      const value = { version: 'test', shell: 'browser', backend: null };
      ws.send(encodeFrame({ type: 'reply', id, result: { ok: true, value } }));
    });
  });
});
afterAll(() => new Promise((resolve) => peer.close(resolve)));

describe("the renderer's WebSocket transport and the frame limit", () => {
  it('answers a request over the frame limit with E_TOO_LARGE without sending it, and keeps its connection', async () => {
    const globals = globalThis as { WebSocket?: unknown };
    const before = globals.WebSocket;
    // The transport uses the browser's WebSocket; ws offers the same interface.
    globals.WebSocket = WebSocket;
    const transport = new WebSocketTransport(`ws://127.0.0.1:${port}/ws`);
    const status: boolean[] = [];
    transport.onStatus((connected) => status.push(connected));
    try {
      const client = new StudioClient(transport);
      const images = new Float32Array(MAX_REQUEST_FRAME_BYTES / 4 + 1);
      const result = await client.invoke('model.encode', { runId: 'r', images, count: 1 });
      expect(result.ok ? null : result.error.code).toBe('E_TOO_LARGE');
      expect((await client.invoke('app.info', {})).ok).toBe(true);
      expect(status).toEqual([true]);
    } finally {
      transport.close();
      globals.WebSocket = before;
    }
  });
});
