import { EventEmitter } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStudioHost } from '../src/main/services/host';
import type { SpawnTrainer } from '../src/main/services/trainer/supervisor';
import { installProcessGuard } from '../src/main/web/processGuard';
import { startWebServer, type WebServer } from '../src/main/web/server';
import { decodeFrame, encodeFrame } from '../src/shared/contract/codec';
import {
  buildFrame,
  closeCodeOf,
  openRawWebSocket,
  rawExchange,
  sendFramesAndWait,
  statusOf,
  upgradeRequest,
  type FrameSpec,
} from './hostile/rawSocket';

const noTrainer: SpawnTrainer = () => {
  throw new Error('no trainer in this test');
};

let server: WebServer;
const logged: string[] = [];
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'studio-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Studio</title>');
  const host = createStudioHost({ shell: 'browser', version: 'test', spawnTrainer: noTrainer });
  // Problems with single requests are logged; collected here so the output stays readable.
  server = await startWebServer({ host, rendererRoot: root, log: (line) => logged.push(line) });
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

/** Errors that escaped to the process while a test ran: each one would end a real host. */
const escaped: unknown[] = [];
const record = (error: unknown) => escaped.push(error);
beforeAll(() => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});
afterAll(() => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
});
afterEach(() => {
  expect(escaped.splice(0).map(String)).toEqual([]);
});

/** The host still does its job: a page with the token and app.info over a new WebSocket. */
async function expectStillServing(): Promise<void> {
  expect((await fetch(`${base()}/?token=${server.token}`)).status).toBe(200);
  const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
  const reply = nextReply(ws);
  ws.send(encodeFrame({ type: 'request', id: 1, command: 'app.info', payload: {} }));
  expect(await reply).toMatchObject({ id: 1, result: { ok: true } });
  ws.close();
}

const get = (path: string, headers: string[] = []) =>
  Buffer.from(
    [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${server.port}`,
      'Connection: close',
      ...headers,
      '',
      '',
    ].join('\r\n'),
    'latin1',
  );

describe('browser mode given a malformed address', () => {
  it('answers GET //[ without the token with 403 and keeps serving', async () => {
    const answer = await rawExchange(server.port, [get('//[x')]);
    expect(statusOf(answer.received)).toBe(403);
    await expectStillServing();
  });

  it('answers GET //[ with the token cookie with 400 and keeps serving', async () => {
    const cookie = `Cookie: studio_token=${server.token}`;
    const answer = await rawExchange(server.port, [get('//[x', [cookie])]);
    expect(statusOf(answer.received)).toBe(400);
    await expectStillServing();
  });

  it('refuses a WebSocket upgrade to //[ without the token and keeps serving', async () => {
    const answer = await rawExchange(server.port, [upgradeRequest(server.port, '//[x')]);
    expect(statusOf(answer.received)).toBe(403);
    await expectStillServing();
  });

  it('refuses a WebSocket upgrade to //[ with the token cookie and keeps serving', async () => {
    const cookie = `Cookie: studio_token=${server.token}`;
    const answer = await rawExchange(server.port, [upgradeRequest(server.port, '//[x', [cookie])]);
    expect(statusOf(answer.received)).toBe(400);
    await expectStillServing();
  });
});

const violations: Array<{ name: string; frame: FrameSpec; closeCode: number }> = [
  {
    name: 'a frame header announcing more than the frame limit',
    frame: { opcode: 2, declaredLength: 2 ** 31 },
    closeCode: 1009,
  },
  {
    name: 'a frame with RSV1 set (no compression was agreed)',
    frame: { opcode: 2, rsv: 4, payload: new Uint8Array([1, 2, 3]) },
    closeCode: 1002,
  },
  {
    name: 'an unmasked client frame',
    frame: { opcode: 2, masked: false, payload: new Uint8Array([1, 2, 3]) },
    closeCode: 1002,
  },
  {
    name: 'a frame with a reserved opcode',
    frame: { opcode: 3, payload: new Uint8Array([1]) },
    closeCode: 1002,
  },
  {
    name: 'a text frame of invalid UTF-8',
    frame: { opcode: 1, payload: new Uint8Array([0xc3, 0x28, 0xff]) },
    closeCode: 1007,
  },
  {
    name: 'a close frame with a forbidden close code',
    frame: { opcode: 8, payload: new Uint8Array([0x03, 0xe7]) },
    closeCode: 1002,
  },
  {
    name: 'a close frame whose reason is invalid UTF-8',
    frame: { opcode: 8, payload: new Uint8Array([0x03, 0xe8, 0xff, 0xfe]) },
    closeCode: 1007,
  },
];

describe('browser mode given WebSocket protocol violations', () => {
  for (const violation of violations) {
    it(`closes the connection that sends ${violation.name} and keeps serving`, async () => {
      const socket = await openRawWebSocket(server.port, server.token);
      const answer = await sendFramesAndWait(socket, [buildFrame(violation.frame)]);
      expect(answer.ended).toBe('closed');
      expect(closeCodeOf(answer.received)).toBe(violation.closeCode);
      await expectStillServing();
    });
  }
});

describe('the browser-mode process guard', () => {
  it('logs an escaped exception and rejection instead of ending the process', () => {
    const lines: string[] = [];
    // A stand-in for `process`: emitting on the real one would reach the test runner's own handlers.
    const target = new EventEmitter();
    const uninstall = installProcessGuard((line) => lines.push(line), target as never);
    target.emit('uncaughtException', new Error('thrown in a handler'));
    target.emit('unhandledRejection', new Error('rejected in a handler'));
    uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('thrown in a handler');
    expect(lines[1]).toContain('rejected in a handler');
  });
});
