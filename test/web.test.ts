import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStudioHost } from '../src/main/services/host';
import type { SpawnTrainer } from '../src/main/services/trainer/supervisor';
import { startWebServer, type WebServer } from '../src/main/web/server';
import { decodeFrame, encodeFrame } from '../src/shared/contract/codec';

const noTrainer: SpawnTrainer = () => {
  throw new Error('no trainer in this test');
};

let server: WebServer;
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'studio-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Studio</title>');
  const host = createStudioHost({ shell: 'browser', version: 'test', spawnTrainer: noTrainer });
  server = await startWebServer({ host, rendererRoot: root });
});
afterAll(() => server.close());

const base = () => `http://127.0.0.1:${server.port}`;

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const nextReply = (
  ws: WebSocket,
): Promise<{ id: number; result: { ok: boolean; error?: { code: string } } }> =>
  new Promise((resolve) =>
    ws.once('message', (data) => resolve(decodeFrame(new Uint8Array(data as Buffer)) as never)),
  );

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a tokenized address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses HTTP requests without the token and serves with it, setting a same-site cookie', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(403);
    const res = await fetch(`${base()}/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = `studio_token=${server.token}`;
    expect((await fetch(`${base()}/index.html`, { headers: { cookie } })).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/..%2f..%2f..%2fetc%2fpasswd?token=${server.token}`);
    expect(res.status).toBe(404);
  });

  it('refuses WebSocket connections without the token or from another origin', async () => {
    await expect(openSocket(`ws://127.0.0.1:${server.port}/ws`)).rejects.toThrow('403');
    await expect(
      openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
        origin: 'http://evil.example',
      }),
    ).rejects.toThrow('403');
  });

  it('answers a malformed frame and an invalid request with named errors and stays up', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    let reply = nextReply(ws);
    ws.send(Buffer.from([1, 2, 3]));
    expect((await reply).result.error?.code).toBe('E_INVALID_MESSAGE');
    reply = nextReply(ws);
    ws.send(encodeFrame({ type: 'request', id: 7, command: 'train.stop', payload: { runId: [] } }));
    expect(await reply).toMatchObject({
      id: 7,
      result: { ok: false, error: { code: 'E_INVALID_MESSAGE' } },
    });
    reply = nextReply(ws);
    ws.send(encodeFrame({ type: 'request', id: 8, command: 'no.such', payload: {} }));
    expect((await reply).result.error?.code).toBe('E_UNKNOWN_COMMAND');
    reply = nextReply(ws);
    ws.send(encodeFrame({ type: 'request', id: 9, command: 'app.info', payload: {} }));
    expect(await reply).toMatchObject({ id: 9, result: { ok: true } });
    ws.close();
  });
});
