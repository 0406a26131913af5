import * as tf from '@tensorflow/tfjs';
import { Code } from '../model/layers/code';
import { initBackend } from './backend';
import { registerWebGpu } from './webgpu';

/**
 * A process of its own (as webgpuParityMain.ts) that compares, on wasm and on WebGPU, the ops a
 * winner-take-all code is made of and the Code layer itself, on a relu-like [256, 256] batch with
 * many exact zeros and ties. Prints one line, `WINNERS {json}`: per check, how many values differ
 * and the WebGPU validation errors seen while it ran.
 */
export interface WinnersCheck {
  check: string;
  differing: number;
  size: number;
  errors: string[];
}

const ROWS = 256;
const COLS = 256;
const K = 25;

/** Relu-like values on a 1/64 grid: about half exact zeros and many ties among the rest. */
function reluLike(): Float32Array {
  let s = 12345;
  const random = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Float32Array.from({ length: ROWS * COLS }, () =>
    Math.max(0, Math.round((random() * 2 - 1) * 64) / 64),
  );
}

const indices = (): tf.Tensor2D =>
  tf.tensor2d(
    Int32Array.from({ length: ROWS * K }, (_, i) => (i * 7) % COLS),
    [ROWS, K],
    'int32',
  );

const maskOf = (x: tf.Tensor): tf.Tensor => tf.cast(tf.greater(x, 0.5), 'float32');

/** Each check is run alone, so an invalid command buffer cannot spoil the next one. */
const CHECKS: Record<string, (x: tf.Tensor2D) => tf.Tensor> = {
  'topk values': (x) => tf.topk(x, K).values,
  'topk indices': (x) => tf.topk(x, K).indices,
  oneHot: () => tf.oneHot(indices(), COLS),
  'int32 sum over the middle axis (the one-hot sum)': () => tf.sum(tf.oneHot(indices(), COLS), 1),
  'customGrad through a mask': (x) =>
    tf.grad((a: tf.Tensor) =>
      tf.sum(
        tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
          const [v, save] = args as [tf.Tensor, tf.GradSaveFunc];
          const mask = maskOf(x);
          save([mask]);
          return {
            value: tf.mul(v, mask),
            gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]),
          };
        })(a),
      ),
    )(x),
  'Code top-k forward': (x) => new Code({ winners: 'top-k', k: K }).apply(x) as tf.Tensor,
  'Code top-k gradient': (x) => {
    const layer = new Code({ winners: 'top-k', k: K });
    return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(layer.apply(a) as tf.Tensor, x)))(x);
  },
  'Code lifetime forward': (x) =>
    new Code({ winners: 'lifetime', lifetimeRate: 0.05 }).apply(x, {
      training: true,
    }) as tf.Tensor,
};

async function run(): Promise<
  { ok: true; checks: WinnersCheck[] } | { ok: false; reason: string }
> {
  const probe = await registerWebGpu();
  if (!probe.ok) return probe;
  if ((await initBackend('wasm')).name !== 'wasm')
    return { ok: false, reason: 'The wasm backend did not load.' };
  const data = reluLike();
  const checks: WinnersCheck[] = [];
  const backend = (): {
    device: {
      pushErrorScope(f: string): void;
      popErrorScope(): Promise<{ message: string } | null>;
    };
  } => tf.backend() as never;
  for (const [name, f] of Object.entries(CHECKS)) {
    const out: Record<string, Float32Array | Int32Array> = {};
    const errors: string[] = [];
    for (const b of ['wasm', 'webgpu']) {
      await tf.setBackend(b);
      if (b === 'webgpu') backend().device.pushErrorScope('validation');
      const x = tf.tensor2d(data, [ROWS, COLS]);
      const t = f(x);
      out[b] = (await t.data()) as Float32Array;
      tf.dispose([x, t]);
      if (b === 'webgpu') {
        const error = await backend().device.popErrorScope();
        if (error) errors.push(error.message.split('\n')[0]);
      }
    }
    let differing = 0;
    for (let i = 0; i < out.wasm.length; i++) if (out.wasm[i] !== out.webgpu[i]) differing++;
    checks.push({ check: name, differing, size: out.wasm.length, errors });
  }
  return { ok: true, checks };
}

run()
  .catch((error: unknown) => ({ ok: false as const, reason: String(error) }))
  .then((report) => {
    process.stdout.write(`\nWINNERS ${JSON.stringify(report)}\n`);
    process.exit(0);
  });
