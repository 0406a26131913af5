import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Named by variables, not literals: the bundler copies a file named by `new URL('literal',
// import.meta.url)`. The build writes custom-layers.js beside the main entry points (see
// scripts/customLayersPlugin.ts); from source (vitest) it is read from the build folder.
const BUILT_FILES = [
  './custom-layers.js',
  '../custom-layers.js',
  '../../../../out/main/custom-layers.js',
];

/**
 * The text of custom-layers.js: the app's own layer classes bundled into one ES module that
 * registers them with stock `@tensorflow/tfjs`. Throws when the build has not made it.
 */
export async function readCustomLayersModule(): Promise<string> {
  for (const path of BUILT_FILES) {
    const url = new URL(path, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return readFile(url, 'utf8');
  }
  throw new Error('custom-layers.js is missing: run `npm run build`');
}
