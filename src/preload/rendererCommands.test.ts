import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBridge, INVOKE_CHANNEL, type RendererIpc } from './bridge';
import { RENDERER_COMMANDS } from './rendererCommands';

const rendererRoot = fileURLToPath(new URL('../renderer/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The command names the renderer passes to invoke(...), read from its source. */
function rendererInvokes(): { names: Set<string>; unnamed: string[] } {
  const names = new Set<string>();
  const unnamed: string[] = [];
  for (const file of sourceFiles(rendererRoot)) {
    const text = readFileSync(file, 'utf8');
    // The first argument, up to its comma: 'name', or a choice such as paused ? 'a' : 'b'.
    for (const call of text.matchAll(/\binvoke\(\s*([^,]*?)\s*,/g)) {
      const literals = [...call[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
      if (literals.length === 0) unnamed.push(`${relative(rendererRoot, file)}: ${call[0]}`);
      for (const name of literals) names.add(name);
    }
  }
  return { names, unnamed };
}

describe('the commands the preload exposes', () => {
  it('are exactly the commands the renderer invokes', () => {
    const { names } = rendererInvokes();
    expect([...RENDERER_COMMANDS].sort()).toEqual([...names].sort());
  });

  it('are named in the renderer source, except inside the transports that carry any name', () => {
    // A call with a computed name would hide a command from the list above.
    const { unnamed } = rendererInvokes();
    expect(unnamed.filter((call) => !call.startsWith('host/'))).toEqual([]);
  });
});

function recordingIpc() {
  const sent: unknown[][] = [];
  const ipc: RendererIpc = {
    invoke: async (...args) => (sent.push(args), { ok: true, value: {} }),
    on: () => undefined,
    removeListener: () => undefined,
  };
  return { ipc, sent };
}

describe('the preload bridge', () => {
  it('forwards a command the renderer uses, with its payload, on the one invoke channel', async () => {
    const { ipc, sent } = recordingIpc();
    await createBridge(ipc).invoke('project.list', {});
    expect(sent).toEqual([[INVOKE_CHANNEL, 'project.list', {}]]);
  });

  it('refuses a command the renderer never sends without passing it to main', async () => {
    const { ipc, sent } = recordingIpc();
    const bridge = createBridge(ipc);
    for (const name of ['trainer.kill', 'fs.read', 42, '__proto__', 'toString']) {
      const reply = (await bridge.invoke(name, {})) as { ok: boolean; error?: { code: string } };
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('E_UNKNOWN_COMMAND');
    }
    expect(sent).toEqual([]);
  });
});
