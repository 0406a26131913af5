import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStudioHost } from '../../src/main/services/host';
import type { SpawnTrainer } from '../../src/main/services/trainer/supervisor';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { decodeFrame, encodeFrame } from '../../src/shared/contract/codec';
import { makeCases, type FuzzCase } from './fuzzCases';
import { rawExchange, statusOf, upgradeRequest, type Exchange } from './rawSocket';

/**
 * A bounded, seeded fuzz of browser mode: 2,000 hostile connections (malformed HTTP and WebSocket
 * frames, with and without the token), mostly concurrent in small batches. The server runs in this
 * process, so anything that escaped its handlers would end this test as it would end the host.
 */
const SEED = 20_240_610;
const CASES = 2000;
const BATCH = 50;
/** Each connection ends by this many milliseconds, answered or not, so nothing hangs. */
const SOCKET_TIMEOUT_MS = 300;

const noTrainer: SpawnTrainer = () => {
  throw new Error('no trainer in this test');
};

let server: WebServer;
const logged: string[] = [];
const escaped: unknown[] = [];
const record = (error: unknown) => escaped.push(error);

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'studio-fuzz-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Studio</title>');
  const host = createStudioHost({ shell: 'browser', version: 'test', spawnTrainer: noTrainer });
  server = await startWebServer({ host, rendererRoot: root, log: (line) => logged.push(line) });
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});
afterAll(async () => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  await server.close();
});

function run(c: FuzzCase): Promise<Exchange> {
  if (c.http) return rawExchange(server.port, c.http, SOCKET_TIMEOUT_MS);
  const path = c.withToken ? `/ws?token=${server.token}` : '/ws';
  return rawExchange(
    server.port,
    [upgradeRequest(server.port, path), ...(c.frames ?? [])],
    SOCKET_TIMEOUT_MS,
  );
}

function appInfoOverWebSocket(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    ws.once('error', reject);
    ws.once('open', () =>
      ws.send(encodeFrame({ type: 'request', id: 1, command: 'app.info', payload: {} })),
    );
    ws.once('message', (data) => {
      resolve(decodeFrame(new Uint8Array(data as Buffer)));
      ws.close();
    });
  });
}

describe('browser mode under a seeded fuzz of hostile traffic', () => {
  it('survives 2,000 malformed requests and frames, never serves without the token, and still answers', async () => {
    const cases = makeCases(SEED, CASES, server.port, server.token);
    const table = new Map<string, { tried: number; withToken: number; statuses: Set<number> }>();
    const leaks: string[] = [];
    const serverErrors: string[] = [];
    for (let at = 0; at < cases.length; at += BATCH) {
      const batch = cases.slice(at, at + BATCH);
      const answers = await Promise.all(batch.map(run));
      batch.forEach((c, i) => {
        const status = statusOf(answers[i].received);
        const row = table.get(c.kind) ?? { tried: 0, withToken: 0, statuses: new Set<number>() };
        row.tried++;
        if (c.withToken) row.withToken++;
        if (status !== null) row.statuses.add(status);
        table.set(c.kind, row);
        if (!c.withToken && (status === 200 || status === 101)) leaks.push(`${c.kind}: ${status}`);
        if (status !== null && status >= 500) serverErrors.push(`${c.kind}: ${status}`);
      });
    }

    const lines = [...table].map(
      ([kind, row]) =>
        `${kind.padEnd(44)} tried ${String(row.tried).padStart(4)} (with token ${row.withToken}), answers ${[...row.statuses].sort().join(' ') || 'none'}`,
    );
    console.log(`Fuzz of browser mode (seed ${SEED}), all held:\n${lines.join('\n')}`);

    expect([...table.values()].reduce((n, row) => n + row.tried, 0)).toBe(CASES);
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(logged.filter((line) => line.includes('unexpectedly'))).toEqual([]);
    expect(escaped.map(String)).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${server.port}/?token=${server.token}`)).status).toBe(
      200,
    );
    expect(await appInfoOverWebSocket()).toMatchObject({ id: 1, result: { ok: true } });
  });
});
