import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importModelFile } from '../../src/main/services/export/importModel';
import { importModelText } from '../../src/shared/export/importFiles';

/** One row of test/fixtures/hostile/models/manifest.json. */
export interface ModelCase {
  case: string;
  code: string | null;
  why: string;
}

/**
 * Opens one corpus case the two ways the app opens a model: as a person picks it in the window
 * (model.json with every .bin beside it, the path the Import button takes) and as the host reads
 * it from disk. Both must agree; a disagreement comes back as its own code so the test names it.
 * `dataDir` is the app's data folder for the run: nothing here may write into it.
 */
export async function runModelCase(
  caseFolder: string,
  dataDir: string,
): Promise<{ code: string | null; message: string }> {
  void dataDir;
  const names = await readdir(caseFolder);
  const bins = await Promise.all(
    names
      .filter((n) => n.endsWith('.bin'))
      .map(async (name) => ({
        name,
        data: new Uint8Array(await readFile(join(caseFolder, name))),
      })),
  );
  const text = new TextDecoder().decode(await readFile(join(caseFolder, 'model.json')));
  const picked = importModelText(text, bins);
  const disk = await importModelFile(join(caseFolder, 'model.json'));
  const pickedCode = picked.ok ? null : picked.error.code;
  const diskCode = disk.ok ? null : disk.error.code;
  if (pickedCode !== diskCode)
    return {
      code: `MISMATCH(picked ${pickedCode}, disk ${diskCode})`,
      message: `${picked.ok ? '' : picked.error.message} | ${disk.ok ? '' : disk.error.message}`,
    };
  return { code: diskCode, message: disk.ok ? '' : disk.error.message };
}
