import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';

/**
 * The fast kernels, the fused optimizer and the fused losses reach into tfjs internals (the cpu
 * backend's private `data.get().values`, `engine().registeredVariables`, the protected
 * `incrementIterations`, shared memory in Identity, the wasm heap layout). Those are not part of
 * tfjs's public API and may change in any release, silently corrupting training, so these paths
 * run only on the release they were tested with (`npm run test:kernels` runs tfjs-core's own op
 * tests against them). Raise this after that suite passes on a new release.
 */
export const TESTED_TFJS_VERSION = '4.22.0';

/** The tfjs packages whose internals the fast paths use, with their installed versions. */
export interface InstalledTfjs {
  'tfjs-core': string | null;
  'tfjs-backend-cpu': string | null;
  'tfjs-backend-wasm': string | null;
}

/** The backends whose internals the fast paths were written and tested against. */
const TESTED_BACKENDS = ['wasm', 'cpu'];

/** Whether the fast paths may run; when not, a sentence a person can read. */
export type FastPathDecision = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether the fast paths may run on `backend` with these installed versions: only on
 * the wasm or cpu backend and only when every package is exactly the tested release.
 */
export const decideFastPaths = (installed: InstalledTfjs, backend: string): FastPathDecision => {
  if (!TESTED_BACKENDS.includes(backend))
    return {
      ok: false,
      reason: `The app's faster training code is off: it works only on the wasm and cpu backends, and training runs on ${backend}.`,
    };
  const untested = Object.entries(installed).filter(([, v]) => v !== TESTED_TFJS_VERSION);
  if (untested.length === 0) return { ok: true };
  const found = untested.map(([name, v]) => `${name} ${v ?? 'not found'}`).join(', ');
  return {
    ok: false,
    reason:
      `The app's faster training code is off: it was tested with TensorFlow.js ${TESTED_TFJS_VERSION}, ` +
      `and this installation has ${found}. Training works, with TensorFlow.js's own (slower) code.`,
  };
};

/** The version in a package's package.json, or null when it is not installed. */
const packageVersion = (name: string): string | null => {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
};

let installed: InstalledTfjs | null = null;

/** The versions installed here, read once from tfjs itself and the wasm package's package.json. */
export const installedTfjs = (): InstalledTfjs =>
  (installed ??= {
    'tfjs-core': tf.version['tfjs-core'] ?? null,
    'tfjs-backend-cpu': tf.version['tfjs-backend-cpu'] ?? null,
    'tfjs-backend-wasm': packageVersion('@tensorflow/tfjs-backend-wasm'),
  });

/** The decision for the installed tfjs and the active backend. */
export const fastPathDecision = (backend: string = tf.getBackend()): FastPathDecision =>
  decideFastPaths(installedTfjs(), backend);
