import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, routeNavigation } from './externalLinks';
import { dispatchFromWindow } from './windowDispatch';
import { CONTENT_SECURITY_POLICY, refusePermission, secureWebPreferences } from './windowPolicy';
import { createStudioHost } from '../services/host';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('external links', () => {
  it('opens no page in the browser while the app lists no documentation host', () => {
    for (const url of [
      'https://example.com/',
      'https://github.com/',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url)).toBe(false);
      expect(routeNavigation(url)).toBe('deny');
    }
  });

  it('allows only https on a listed host, without credentials or another port', () => {
    const hosts = ['docs.example.org'];
    expect(isAllowedExternalUrl('https://docs.example.org/guide', hosts)).toBe(true);
    expect(routeNavigation('https://docs.example.org/guide', hosts)).toBe('open-in-browser');
    for (const url of [
      'http://docs.example.org/',
      'https://docs.example.org.evil.com/',
      'https://evil.com/?docs.example.org',
      'https://user:pw@docs.example.org/',
      'https://docs.example.org:8443/',
    ]) {
      expect(isAllowedExternalUrl(url, hosts)).toBe(false);
    }
  });
});

describe('the window', () => {
  it('keeps the page isolated, sandboxed, without Node and without webviews', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('refuses every permission the page asks for', () => {
    expect(refusePermission()).toBe(false);
  });

  it("has a policy that runs only the app's own scripts and talks to no other machine", () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    // Beyond itself only this machine's loopback, where a trainer's SSH tunnel ends.
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:*',
      'ws://localhost:*',
    ]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('commands from the window', () => {
  it('refuses a command the renderer never sends, and still answers one it does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studio-window-'));
    const host = createStudioHost({
      shell: 'electron',
      version: 'test',
      spawnTrainer: spawnNodeTrainer(join(dir, 'no-trainer.js')),
      dataDir: dir,
    });
    try {
      const refused = await dispatchFromWindow(host.handlers, 'trainer.kill', { runId: 'r' });
      expect(refused.ok ? null : refused.error.code).toBe('E_UNKNOWN_COMMAND');
      const info = await dispatchFromWindow(host.handlers, 'app.info', {});
      expect(info.ok).toBe(true);
    } finally {
      host.dispose();
    }
  });
});
