import * as tf from '@tensorflow/tfjs';

/**
 * Direct access to tensor memory on the two backends whose data lives in this process: the wasm
 * heap and the cpu backend's typed arrays. Fused kernels and the fused optimizer read and write
 * there in one JavaScript loop instead of dispatching a dozen small kernels.
 */

/** What both in-process backends offer besides the KernelBackend interface. */
interface HeapBackend {
  typedArrayFromHeap?(info: tf.TensorInfo): Float32Array;
  makeOutput?(shape: number[], dtype: 'float32'): tf.TensorInfo;
  makeTensorInfo(shape: number[], dtype: 'float32', values?: Float32Array): tf.TensorInfo;
  data?: { get(dataId: tf.DataId): { values?: unknown } | undefined };
}

/** The backends whose memory a fused loop can reach. */
export type HostBackendName = 'wasm' | 'cpu';

/** The name of the active backend when its memory is reachable from JavaScript, else null. */
export const hostBackendName = (): HostBackendName | null => {
  const name = tf.getBackend();
  return name === 'wasm' || name === 'cpu' ? name : null;
};

/** Which in-process backend `backend` is; another one (webgl, tfjs-node) keeps its memory away. */
const hostKind = (backend: unknown): HostBackendName | null => {
  if (backend === tf.findBackend('wasm')) return 'wasm';
  if (backend === tf.findBackend('cpu')) return 'cpu';
  return null;
};

const asHeapBackend = (backend: unknown): HeapBackend => backend as HeapBackend;

/**
 * A live Float32Array over a float32 tensor's memory, or null when the backend keeps it elsewhere.
 * On wasm, take every view after the last allocation: a malloc may grow the heap and detach views.
 */
export const float32Memory = (
  info: tf.TensorInfo,
  backend: unknown = tf.backend(),
): Float32Array | null => {
  if (info.dtype !== 'float32') return null;
  const b = asHeapBackend(backend);
  const kind = hostKind(backend);
  if (kind === 'wasm' && b.typedArrayFromHeap) return b.typedArrayFromHeap(info);
  if (kind === 'cpu' && b.data) {
    const values = b.data.get(info.dataId)?.values;
    return values instanceof Float32Array ? values : null;
  }
  return null;
};

/**
 * A new float32 tensor of `shape` on `backend` (wasm or cpu), for a kernel to return, with a view
 * on its memory to fill. On wasm the view is valid until the next allocation.
 */
export const newFloat32 = (
  backend: unknown,
  shape: number[],
): { info: tf.TensorInfo; values: Float32Array } => {
  const b = asHeapBackend(backend);
  if (hostKind(backend) === 'wasm' && b.makeOutput && b.typedArrayFromHeap) {
    const info = b.makeOutput(shape, 'float32');
    return { info, values: b.typedArrayFromHeap(info) };
  }
  const values = new Float32Array(shape.reduce((x, y) => x * y, 1));
  return { info: b.makeTensorInfo(shape, 'float32', values), values };
};
