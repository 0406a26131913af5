/**
 * Module hooks that let a worker thread run this folder's TypeScript source as it is, for when
 * the app runs from source (vitest, and nothing else: the built app starts the bundled worker).
 * Kept as text because the hooks run in Node's loader before any TypeScript is understood;
 * `typescript` (a dev dependency) is loaded from the project root given as `data.root`.
 */
export const SOURCE_HOOK = `
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
let ts;
export function initialize(data) {
  ts = createRequire(data.root)('typescript');
}
const isFile = (url) => {
  const path = fileURLToPath(url);
  return existsSync(path) && statSync(path).isFile();
};
export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? '';
  if (specifier.startsWith('.') && parent.endsWith('.ts')) {
    const base = new URL(specifier, parent).href;
    for (const url of [base, base + '.ts', base + '/index.ts'])
      if (isFile(url)) return { url, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      isolatedModules: true,
      sourceMap: false,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

/** The bootstrap of a source-mode worker: install the hooks, then import the TypeScript entry. */
export const sourceBootstrap = (hookUrl: string, root: string, entryUrl: string): string => `
const { register } = require('node:module');
register(${JSON.stringify(hookUrl)}, { data: { root: ${JSON.stringify(root)} } });
import(${JSON.stringify(entryUrl)}).catch((error) => {
  require('node:worker_threads').parentPort.postMessage({
    ok: false,
    error: { code: 'E_INTERNAL', message: 'The export worker could not start: ' + String(error) },
  });
});
`;
