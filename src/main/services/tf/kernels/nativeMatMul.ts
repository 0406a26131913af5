import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BlasAddon } from '../native/blas';
import { callStock, heapView, release, type Info, type StockKernel } from './wasmAccess';

/**
 * BatchMatMul and _FusedMatMul on the machine's optimized BLAS (native/blas.ts), reading and
 * writing the wasm heap in place. Transposed operands cost nothing (BLAS takes them as they lie),
 * so the dense backward pass needs no transposes either. Broadcasting other than "same batch" or
 * "one side has a batch of 1", and non-float32 inputs, go to the kernel this one replaced.
 */

const product = (shape: number[]): number => shape.reduce((x, y) => x * y, 1);

/** The geometry of one batched product, or null when the batch shapes do not fit the cases above. */
interface Geometry {
  m: number;
  n: number;
  k: number;
  batch: number;
  strideA: number;
  strideB: number;
  outShape: number[];
}

const geometry = (a: Info, b: Info, transposeA: boolean, transposeB: boolean): Geometry | null => {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 2 || rb < 2) return null;
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  if (k !== kb) return null;
  const batchShapeA = a.shape.slice(0, -2);
  const batchShapeB = b.shape.slice(0, -2);
  const batchA = product(batchShapeA);
  const batchB = product(batchShapeB);
  let batchShape: number[];
  if (batchA === batchB && batchShapeA.length === batchShapeB.length) batchShape = batchShapeA;
  else if (batchA === 1) batchShape = batchShapeB;
  else if (batchB === 1) batchShape = batchShapeA;
  else return null;
  if (batchShapeA.length > batchShape.length || batchShapeB.length > batchShape.length) return null;
  return {
    m,
    n,
    k,
    batch: Math.max(batchA, batchB),
    strideA: batchA === 1 ? 0 : m * k,
    strideB: batchB === 1 ? 0 : k * n,
    outShape: [...batchShape, m, n],
  };
};

/**
 * op(a) op(b) into a new tensor; when `bias` (one value per output column) is given it is added,
 * by starting each row from it (BLAS's beta = 1).
 */
const multiply = (
  blas: BlasAddon,
  backend: BackendWasm,
  a: Info,
  b: Info,
  transposeA: boolean,
  transposeB: boolean,
  g: Geometry,
  bias?: Info,
): Info => {
  const out = backend.makeOutput(g.outShape, 'float32');
  // Views after the allocation: makeOutput may grow the heap.
  const av = heapView(backend, a);
  const bv = heapView(backend, b);
  const cv = heapView(backend, out);
  const { m, n, k } = g;
  if (bias) {
    const row = heapView(backend, bias);
    for (let r = 0; r < g.batch * m; r++) cv.set(row, r * n);
  }
  const lda = transposeA ? m : k;
  const ldb = transposeB ? k : n;
  for (let i = 0; i < g.batch; i++)
    blas.sgemm(
      transposeA,
      transposeB,
      m,
      n,
      k,
      av.subarray(i * g.strideA),
      lda,
      bv.subarray(i * g.strideB),
      ldb,
      bias ? 1 : 0,
      cv.subarray(i * m * n, (i + 1) * m * n),
      n,
    );
  return out;
};

/** BatchMatMul on BLAS; other cases on `fallback` (the XNNPACK kernel it replaces). */
export const makeNativeBatchMatMul =
  (blas: BlasAddon, fallback: tf.KernelFunc): tf.KernelFunc =>
  (args) => {
    const { a, b } = args.inputs as { a: Info; b: Info };
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    const g = geometry(a, b, transposeA, transposeB);
    if (!g) return fallback(args);
    return multiply(blas, args.backend as BackendWasm, a, b, transposeA, transposeB, g);
  };

/** The stock kernel (and extra attributes) for each fused activation. */
const ACTIVATIONS: Record<string, string> = {
  relu: 'Relu',
  relu6: 'Relu6',
  elu: 'Elu',
  sigmoid: 'Sigmoid',
  leakyrelu: 'LeakyRelu',
  prelu: 'Prelu',
};

/**
 * _FusedMatMul (a dense layer's forward pass: product, bias, activation) with the product and bias
 * on BLAS and the activation on its own wasm kernel. A bias other than one value per output column,
 * or an activation without a kernel here, goes to the stock fused kernel.
 */
export const makeNativeFusedMatMul =
  (blas: BlasAddon, stock: StockKernel): tf.KernelFunc =>
  (args) => {
    const backend = args.backend as BackendWasm;
    const { a, b, bias, preluActivationWeights } = args.inputs as Record<string, Info | undefined>;
    const attrs = args.attrs as {
      transposeA: boolean;
      transposeB: boolean;
      activation?: string;
      leakyreluAlpha?: number;
    };
    const activation = attrs.activation ?? 'linear';
    const g = a && b ? geometry(a, b, attrs.transposeA, attrs.transposeB) : null;
    const biasFits =
      !bias || (bias.dtype === 'float32' && g !== null && product(bias.shape) === g.n);
    if (!a || !b || !g || !biasFits || (activation !== 'linear' && !(activation in ACTIVATIONS)))
      return stock({ inputs: args.inputs as Record<string, Info>, backend, attrs: args.attrs });
    const out = multiply(blas, backend, a, b, attrs.transposeA, attrs.transposeB, g, bias);
    if (activation === 'linear') return out;
    const kernel = ACTIVATIONS[activation];
    const activated =
      kernel === 'Prelu'
        ? callStock(kernel, backend, { x: out, alpha: preluActivationWeights as Info })
        : callStock(kernel, backend, { x: out }, { alpha: attrs.leakyreluAlpha ?? 0.2 });
    release(backend, out);
    return activated;
  };
