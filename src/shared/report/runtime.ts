/**
 * A tiny forward pass over the layers a decoder or encoder is made of (dense, convolution,
 * transposed convolution, pooling, up-sampling, batch normalization, reshape), in plain
 * JavaScript. The report embeds this very function's text so a reader's browser decodes with no
 * network and no library; the host runs the same function to compute the report's pictures.
 *
 * Self-contained on purpose: no imports, no helpers outside its body, no TypeScript-only runtime
 * constructs, because its source text (`Function.prototype.toString`) is what the report carries.
 */
export function createForward(): ForwardFn {
  function activate(v: Float32Array, act: string): void {
    const n = v.length;
    if (act === 'linear') return;
    if (act === 'softmax') return;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (act === 'relu') v[i] = x > 0 ? x : 0;
      else if (act === 'sigmoid') v[i] = 1 / (1 + Math.exp(-x));
      else if (act === 'tanh') v[i] = Math.tanh(x);
      else if (act === 'elu') v[i] = x > 0 ? x : Math.exp(x) - 1;
      else if (act === 'selu')
        v[i] = 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1));
      else if (act === 'softplus') v[i] = Math.log(1 + Math.exp(x));
    }
  }
  function softmaxRows(v: Float32Array, rows: number, width: number): void {
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let j = 0; j < width; j++) max = Math.max(max, v[r * width + j]);
      let sum = 0;
      for (let j = 0; j < width; j++) sum += Math.exp(v[r * width + j] - max);
      for (let j = 0; j < width; j++) v[r * width + j] = Math.exp(v[r * width + j] - max) / sum;
    }
  }
  function samePad(size: number, k: number, s: number): [number, number] {
    const out = Math.ceil(size / s);
    const total = Math.max((out - 1) * s + k - size, 0);
    return [out, Math.floor(total / 2)];
  }
  function run(
    plan: ForwardPlan,
    weights: Record<string, Float32Array>,
    input: Float32Array,
    count: number,
  ): Float32Array {
    let x = input;
    let shape = plan.inputShape.slice();
    for (const step of plan.steps) {
      const size = shape.reduce((a, b) => a * b, 1);
      if (step.op === 'shape') {
        shape = step.to.slice();
        continue;
      }
      if (step.op === 'act') {
        x = x.slice();
        if (step.act === 'softmax')
          softmaxRows(x, count * (size / shape[shape.length - 1]), shape[shape.length - 1]);
        else activate(x, step.act);
        continue;
      }
      if (step.op === 'dense') {
        const k = weights[step.kernel];
        const b = step.bias ? weights[step.bias] : null;
        const units = step.units;
        const y = new Float32Array(count * units);
        for (let r = 0; r < count; r++) {
          for (let j = 0; j < units; j++) {
            let acc = b ? b[j] : 0;
            if (step.transpose)
              for (let i = 0; i < size; i++) acc += x[r * size + i] * k[j * size + i];
            else for (let i = 0; i < size; i++) acc += x[r * size + i] * k[i * units + j];
            y[r * units + j] = acc;
          }
        }
        if (step.act === 'softmax') softmaxRows(y, count, units);
        else activate(y, step.act);
        x = y;
        shape = [units];
        continue;
      }
      const h = shape[0];
      const w = shape[1];
      const c = shape[2];
      if (step.op === 'bn') {
        const g = step.gamma ? weights[step.gamma] : null;
        const be = step.beta ? weights[step.beta] : null;
        const m = weights[step.mean];
        const va = weights[step.variance];
        const ch = shape[shape.length - 1];
        const y = new Float32Array(x.length);
        for (let i = 0; i < x.length; i++) {
          const q = i % ch;
          y[i] =
            ((x[i] - m[q]) / Math.sqrt(va[q] + step.epsilon)) * (g ? g[q] : 1) + (be ? be[q] : 0);
        }
        x = y;
        continue;
      }
      if (step.op === 'up') {
        const oh = h * step.sh;
        const ow = w * step.sw;
        const y = new Float32Array(count * oh * ow * c);
        for (let r = 0; r < count; r++)
          for (let i = 0; i < oh; i++)
            for (let j = 0; j < ow; j++)
              for (let q = 0; q < c; q++)
                y[((r * oh + i) * ow + j) * c + q] =
                  x[((r * h + Math.floor(i / step.sh)) * w + Math.floor(j / step.sw)) * c + q];
        x = y;
        shape = [oh, ow, c];
        continue;
      }
      if (step.op === 'pool') {
        const [oh, pt] =
          step.pad === 'same'
            ? samePad(h, step.kh, step.sh)
            : [Math.floor((h - step.kh) / step.sh) + 1, 0];
        const [ow, pl] =
          step.pad === 'same'
            ? samePad(w, step.kw, step.sw)
            : [Math.floor((w - step.kw) / step.sw) + 1, 0];
        const y = new Float32Array(count * oh * ow * c);
        for (let r = 0; r < count; r++)
          for (let i = 0; i < oh; i++)
            for (let j = 0; j < ow; j++)
              for (let q = 0; q < c; q++) {
                let best = -Infinity;
                for (let a = 0; a < step.kh; a++)
                  for (let b = 0; b < step.kw; b++) {
                    const yi = i * step.sh + a - pt;
                    const xj = j * step.sw + b - pl;
                    if (yi < 0 || yi >= h || xj < 0 || xj >= w) continue;
                    best = Math.max(best, x[((r * h + yi) * w + xj) * c + q]);
                  }
                y[((r * oh + i) * ow + j) * c + q] = best;
              }
        x = y;
        shape = [oh, ow, c];
        continue;
      }
      // conv and deconv: kernel [kh, kw, in, out] (conv) or [kh, kw, out, in] (deconv), as tfjs keeps them.
      const k = weights[step.kernel];
      const bias = step.bias ? weights[step.bias] : null;
      const f = step.filters;
      if (step.op === 'conv') {
        const [oh, pt] =
          step.pad === 'same'
            ? samePad(h, step.kh, step.sh)
            : [Math.floor((h - step.kh) / step.sh) + 1, 0];
        const [ow, pl] =
          step.pad === 'same'
            ? samePad(w, step.kw, step.sw)
            : [Math.floor((w - step.kw) / step.sw) + 1, 0];
        const y = new Float32Array(count * oh * ow * f);
        for (let r = 0; r < count; r++)
          for (let i = 0; i < oh; i++)
            for (let j = 0; j < ow; j++)
              for (let o = 0; o < f; o++) {
                let acc = bias ? bias[o] : 0;
                for (let a = 0; a < step.kh; a++) {
                  const yi = i * step.sh + a - pt;
                  if (yi < 0 || yi >= h) continue;
                  for (let b = 0; b < step.kw; b++) {
                    const xj = j * step.sw + b - pl;
                    if (xj < 0 || xj >= w) continue;
                    const at = ((r * h + yi) * w + xj) * c;
                    const kat = (a * step.kw + b) * c * f + o;
                    for (let q = 0; q < c; q++) acc += x[at + q] * k[kat + q * f];
                  }
                }
                y[((r * oh + i) * ow + j) * f + o] = acc;
              }
        activate(y, step.act);
        x = y;
        shape = [oh, ow, f];
        continue;
      }
      const oh = step.pad === 'same' ? h * step.sh : h * step.sh + Math.max(step.kh - step.sh, 0);
      const ow = step.pad === 'same' ? w * step.sw : w * step.sw + Math.max(step.kw - step.sw, 0);
      const pt =
        step.pad === 'same' ? Math.floor(Math.max((h - 1) * step.sh + step.kh - oh, 0) / 2) : 0;
      const pl =
        step.pad === 'same' ? Math.floor(Math.max((w - 1) * step.sw + step.kw - ow, 0) / 2) : 0;
      const y = new Float32Array(count * oh * ow * f);
      for (let r = 0; r < count; r++)
        for (let i = 0; i < h; i++)
          for (let j = 0; j < w; j++)
            for (let a = 0; a < step.kh; a++) {
              const yi = i * step.sh + a - pt;
              if (yi < 0 || yi >= oh) continue;
              for (let b = 0; b < step.kw; b++) {
                const xj = j * step.sw + b - pl;
                if (xj < 0 || xj >= ow) continue;
                const at = ((r * h + i) * w + j) * c;
                const out = ((r * oh + yi) * ow + xj) * f;
                const kat = (a * step.kw + b) * f * c;
                for (let o = 0; o < f; o++) {
                  let acc = 0;
                  for (let q = 0; q < c; q++) acc += x[at + q] * k[kat + o * c + q];
                  y[out + o] += acc;
                }
              }
            }
      if (bias) for (let i = 0; i < y.length; i++) y[i] += bias[i % f];
      activate(y, step.act);
      x = y;
      shape = [oh, ow, f];
    }
    return x;
  }
  return run;
}

export type ForwardStep =
  | { op: 'shape'; to: number[] }
  | { op: 'act'; act: string }
  | {
      op: 'dense';
      kernel: string;
      bias: string | null;
      units: number;
      act: string;
      transpose: boolean;
    }
  | {
      op: 'conv' | 'deconv';
      kernel: string;
      bias: string | null;
      filters: number;
      kh: number;
      kw: number;
      sh: number;
      sw: number;
      pad: 'same' | 'valid';
      act: string;
    }
  | { op: 'pool'; kh: number; kw: number; sh: number; sw: number; pad: 'same' | 'valid' }
  | { op: 'up'; sh: number; sw: number }
  | {
      op: 'bn';
      gamma: string | null;
      beta: string | null;
      mean: string;
      variance: string;
      epsilon: number;
    };

/** A chain of layers to run: the shape it takes (no batch) and the steps, weights by name. */
export interface ForwardPlan {
  inputShape: number[];
  outputShape: number[];
  steps: ForwardStep[];
}

export type ForwardFn = (
  plan: ForwardPlan,
  weights: Record<string, Float32Array>,
  input: Float32Array,
  count: number,
) => Float32Array;
