import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStudioHost } from '../services/host';
import type { SpawnTrainer } from '../services/trainer/supervisor';
import { isLoopback, parseListen, tunnelRecipe } from './listen';
import { startWebServer, type WebServer } from './server';

const noTrainer: SpawnTrainer = () => {
  throw new Error('no trainer in this test');
};

describe('--listen', () => {
  it('without --listen serves this machine only, on 127.0.0.1', () => {
    expect(parseListen(['node', 'serve.js'])).toEqual({
      ok: true,
      value: { address: '127.0.0.1', remote: false },
    });
  });

  it('--listen alone stays on 127.0.0.1 (the SSH tunnel ends there) and lets remote UIs in', () => {
    expect(parseListen(['--listen'])).toEqual({
      ok: true,
      value: { address: '127.0.0.1', remote: true },
    });
    expect(parseListen(['--listen=127.0.0.2'])).toEqual({
      ok: true,
      value: { address: '127.0.0.2', remote: true },
    });
  });

  it('refuses an address that is not an IP address, in words', () => {
    const parsed = parseListen(['--listen=gpu-box']);
    expect(parsed.ok ? null : parsed.message).toMatch(/not an IP address/);
  });

  it('prints a one-line SSH tunnel and the key', () => {
    const lines = tunnelRecipe({ address: '127.0.0.1', remote: true }, 8765, 'KEY');
    expect(lines.filter((l) => l.includes('ssh -N -L 8765:127.0.0.1:8765'))).toHaveLength(1);
    expect(lines.some((l) => l.trim() === 'KEY')).toBe(true);
  });

  it('knows which addresses are loopback', () => {
    expect(['127.0.0.1', '127.0.0.2', '::1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['0.0.0.0', '192.168.1.4', '::'].map(isLoopback)).toEqual([false, false, false]);
  });
});

describe('browser mode listening for a UI on another machine', () => {
  let server: WebServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const start = async (options: { address?: string; remote?: boolean }) => {
    const root = await mkdtemp(join(tmpdir(), 'studio-listen-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Studio</title>');
    const host = createStudioHost({ shell: 'browser', version: 'test', spawnTrainer: noTrainer });
    return startWebServer({ host, rendererRoot: root, log: () => undefined, ...options });
  };

  const open = (url: string, origin: string) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(url, { headers: { Origin: origin } });
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
      ws.once('error', () => resolve('error'));
    });

  it('never binds beyond loopback without --listen', async () => {
    await expect(start({ address: '0.0.0.0' })).rejects.toThrow(/only with --listen/);
  });

  it('lets the app from another origin in with the key, and refuses it without or with a wrong one', async () => {
    server = await start({ address: '127.0.0.2', remote: true });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/\?token=/);
    const ws = `ws://127.0.0.2:${server.port}/ws`;
    const app = 'http://127.0.0.1:5173';
    expect(await open(`${ws}?token=${server.token}`, app)).toBe('open');
    expect(await open(ws, app)).toBe('HTTP 403');
    expect(await open(`${ws}?token=wrong${server.token.slice(5)}`, app)).toBe('HTTP 403');
    const page = await fetch(`http://127.0.0.2:${server.port}/`);
    expect(page.status).toBe(403);
  });

  it('without --listen refuses another origin even with the key', async () => {
    server = await start({});
    const ws = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`;
    expect(await open(ws, 'http://127.0.0.1:5173')).toBe('HTTP 403');
  });
});
