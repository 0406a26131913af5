import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pixelByte } from '../../../../shared/util/pixels';

/**
 * The machine's optimized BLAS (OpenBLAS, MKL, BLIS or Apple's Accelerate) for the wasm backend's
 * matrix products, through the addon native/studio_blas.c (built by scripts/build-native.mjs after
 * `npm ci`). WebAssembly has no fused multiply-add and only 128-bit vectors: XNNPACK multiplies at
 * about 21 GFLOP/s a core here where OpenBLAS reaches 60. The addon reads and writes the wasm heap
 * in place. Where it is not built, or finds no optimized library, products stay on XNNPACK.
 */

/** The addon's functions (native/studio_blas.c). */
export interface BlasAddon {
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    lda: number,
    b: Float32Array,
    ldb: number,
    beta: number,
    c: Float32Array,
    ldc: number,
  ): void;
  /**
   * The im2col rows of a convolution (kernels/im2col.ts says what they hold); `shape` is [batch,
   * height, width, channels, kH, kW, outH, outW, strideH, strideW, dir, offsetH, offsetW].
   */
  writeTaps(a: Float32Array, src: Float32Array, shape: Int32Array): void;
  /** y = tanh(x). */
  tanh(x: Float32Array, y: Float32Array): void;
  /** y = x + row, with row added to every row of x. */
  addRows(x: Float32Array, row: Float32Array, y: Float32Array): void;
  /** y = round(255 x), x clipped to 0..1 and NaN as 0. */
  toBytes(x: Float32Array, y: Uint8Array): void;
  /** The sum of the clipped binary cross-entropy terms (not yet divided by the count). */
  bceSum(p: Float32Array, t: Float32Array): number;
  /** g = scale (t / p - (1 - t) / (1 - p)) inside the clip, 0 outside. */
  bceGrad(scale: number, p: Float32Array, t: Float32Array, g: Float32Array): void;
  setThreads(n: number): boolean;
  library(): string;
  missing(): string;
}

/**
 * What loading found: the addon with its library, or why products stay on wasm. `loaded` is the
 * addon even without a library: its element-wise loops (tanh, the loss) need none.
 */
export type NativeBlasState =
  | { ok: true; addon: BlasAddon; loaded: BlasAddon; library: string }
  | { ok: false; loaded: BlasAddon | null; reason: string };

const ADDON = 'studio_blas.node';

/**
 * Where the built addon may lie: native/build beside the sources (out/main/** and src/main/** both
 * reach it by walking up), and the packaged app's resources folder.
 */
const candidates = (): string[] => {
  const found: string[] = [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    found.push(path.join(dir, 'native', 'build', ADDON));
    dir = path.dirname(dir);
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) found.push(path.join(resources, 'native', ADDON));
  return found;
};

let state: NativeBlasState | null = null;

/** Loads the addon once; STUDIO_NATIVE_BLAS=0 keeps every product on wasm (for comparisons). */
export const nativeBlas = (): NativeBlasState => {
  if (state) return state;
  if (process.env.STUDIO_NATIVE_BLAS === '0') {
    state = { ok: false, loaded: null, reason: 'turned off (STUDIO_NATIVE_BLAS=0)' };
    return state;
  }
  const file = candidates().find((f) => existsSync(f));
  if (!file) {
    state = {
      ok: false,
      loaded: null,
      reason: 'the native addon is not built (run node scripts/build-native.mjs)',
    };
    return state;
  }
  try {
    const addon = createRequire(import.meta.url)(file) as BlasAddon;
    const library = addon.library();
    state = library
      ? { ok: true, addon, loaded: addon, library }
      : { ok: false, loaded: addon, reason: addon.missing() };
  } catch (error) {
    state = {
      ok: false,
      loaded: null,
      reason: `the native addon did not load (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return state;
};

/** The addon when it is loaded with an optimized library, else null. */
export const blasAddon = (): BlasAddon | null => {
  const s = nativeBlas();
  return s.ok ? s.addon : null;
};

/** The addon for its element-wise loops (with or without a BLAS library), else null. */
export const nativeLoops = (): BlasAddon | null => nativeBlas().loaded;

/** The library's short name ("OpenBLAS", "Accelerate"), or null when products run on wasm. */
export const blasName = (): string | null => {
  const s = nativeBlas();
  return s.ok ? s.library.split(' ')[0] : null;
};

/** Gives the library `threads` threads; false where it cannot be told (or none is loaded). */
export const setBlasThreads = (threads: number): boolean =>
  blasAddon()?.setThreads(Math.max(1, Math.round(threads))) ?? false;

/** Pictures as bytes in JavaScript: what the addon's toBytes does, for machines without it. */
export function picturesToBytesInJs(values: Float32Array, bytes: Uint8Array): void {
  for (let i = 0; i < values.length; i++) bytes[i] = pixelByte(values[i]);
}

/**
 * Pictures as bytes: each value clipped to 0..1, times 255, rounded (NaN: 0). The addon's loop
 * where it loaded (about 0.3 ms for a 20×20 grid of digits), else the same in JavaScript (1.9 ms).
 */
export function picturesToBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length);
  const addon = nativeLoops();
  if (addon) addon.toBytes(values, bytes);
  else picturesToBytesInJs(values, bytes);
  return bytes;
}
