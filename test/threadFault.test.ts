import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StudioHost } from '../src/main/services/host';
import { getPreset } from '../src/shared/presets';
import { memoryStudio, nextEvent, requireBuiltTrainer } from './helpers';

/**
 * A model with convolutions: those run on the wasm pool's threads. (A dense model's products run on
 * the machine's BLAS where there is one, and its runs keep the wasm pool to the calling thread.)
 */
const preset = getPreset('conv-upsampling')!;
const dir = mkdtempSync(join(tmpdir(), 'studio-thread-fault-'));
/** While this file exists, a wasm pool thread handed work fails (see tf/pthreadScript.ts). */
const faultFile = join(dir, 'fail-threads');
let host: StudioHost | null = null;

beforeAll(() => requireBuiltTrainer());
afterEach(() => {
  host?.dispose();
  host = null;
  if (existsSync(faultFile)) rmSync(faultFile);
});

/** A host whose trainer starts with one thread and fails its pool threads while faultFile exists. */
function studio() {
  const env = {
    STUDIO_THREADS: process.env.STUDIO_THREADS,
    fault: process.env.STUDIO_TEST_THREAD_FAULT,
  };
  process.env.STUDIO_THREADS = '1';
  process.env.STUDIO_TEST_THREAD_FAULT = faultFile;
  const s = memoryStudio();
  // fork copies the environment when the trainer starts, on the first run.
  const restore = () => {
    if (env.STUDIO_THREADS === undefined) delete process.env.STUDIO_THREADS;
    else process.env.STUDIO_THREADS = env.STUDIO_THREADS;
    if (env.fault === undefined) delete process.env.STUDIO_TEST_THREAD_FAULT;
    else process.env.STUDIO_TEST_THREAD_FAULT = env.fault;
  };
  host = s.host;
  return { ...s, restore };
}

const start = (client: ReturnType<typeof studio>['client'], threads: number, epochs = 2) =>
  client.invoke('train.start', {
    graph: preset.graph,
    settings: { ...preset.settings, epochs, batchSize: 64, threads },
    data: { limit: 300 },
  });

describe('a training thread that dies', () => {
  it('ends the run as crashed with a message in words instead of hanging, and the host trains again', async () => {
    const { client, restore } = studio();
    try {
      const first = nextEvent(client, 'train.ended');
      expect((await start(client, 1, 1)).ok).toBe(true);
      expect((await first).status).toBe('completed');
      restore();

      // The next run asks for two threads: its new pool thread fails as it is handed work, while
      // the main thread waits for it inside the pool and can run no JavaScript.
      writeFileSync(faultFile, '');
      const crashed = nextEvent(client, 'train.ended');
      expect((await start(client, 2)).ok).toBe(true);
      const end = await crashed;
      expect(end.status).toBe('crashed');
      expect(end.message).toMatch(
        /The training process stopped unexpectedly .*press Train to start again/,
      );

      rmSync(faultFile);
      const again = nextEvent(client, 'train.ended');
      const started = nextEvent(client, 'train.started');
      expect((await start(client, 2, 1)).ok).toBe(true);
      expect((await started).backend.threads).toBe(2);
      expect((await again).status).toBe('completed');
    } finally {
      restore();
    }
  });

  it('killing the trainer mid-epoch with two threads ends the run in words and the host keeps answering', async () => {
    const { client, restore } = studio();
    try {
      const crashed = nextEvent(client, 'train.ended');
      const progress = nextEvent(client, 'train.progress');
      expect((await start(client, 2, 50)).ok).toBe(true);
      restore();
      await progress;
      host!.supervisor.kill();
      const end = await crashed;
      expect(end.status).toBe('crashed');
      expect(end.message).toMatch(/stopped unexpectedly/);
      const status = await client.invoke('run.status', {});
      expect(status.ok).toBe(true);
    } finally {
      restore();
    }
  });
});
