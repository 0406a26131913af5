import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createStudioHost } from '../../src/main/services/host';
import type { ImportSourceSpec } from '../../src/shared/contract/dataSources';
import { DEFAULT_DATA_SPEC } from '../../src/shared/contract/training';

/** The hostile data corpus; the test adds it as the one data root the person named. */
export const HOSTILE_DATA_DIR = fileURLToPath(new URL('../fixtures/hostile/data', import.meta.url));
export const VALID_DATA_DIR = fileURLToPath(
  new URL('../fixtures/hostile/data-valid', import.meta.url),
);

/** The kind of import a file asks for, from its name (a folder is a folder of pictures). */
async function sourceFor(path: string): Promise<ImportSourceSpec> {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.csv')) return { kind: 'csv', path };
  if (lower.endsWith('.npy')) return { kind: 'npy', path };
  const isFolder = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isFolder || lower.endsWith('.png'))
    return { kind: 'imageFolder', path, width: 28, height: 28, channels: 1 };
  return { kind: 'idx', imagesPath: path };
}

/** No test here trains: a trainer that is asked for is a failure of the case. */
const noTrainer = () => {
  throw new Error('data.describe must not start the trainer');
};

/**
 * Runs one data file through the real host entry point, as browser mode does: data.describe
 * with the fixtures folder as the one data root. Returns the error code (null on success).
 */
export async function runDataCase(
  fixturePath: string,
  dataDir: string,
): Promise<{ code: string | null; message: string }> {
  const host = createStudioHost({
    shell: 'browser',
    version: 'test',
    spawnTrainer: noTrainer,
    dataDir,
    dataRoots: [HOSTILE_DATA_DIR, VALID_DATA_DIR],
  });
  try {
    const file = await sourceFor(fixturePath);
    const result = await host.handlers['data.describe']({
      data: { ...DEFAULT_DATA_SPEC, source: 'file', file },
    });
    return result.ok
      ? { code: null, message: result.value.notes.join(' ') }
      : { code: result.error.code, message: result.error.message };
  } finally {
    host.dispose();
  }
}
