import type { NodeKind, ParamValue } from '../graph/document';
import { ACTIVATIONS } from '../layers/params';
import type { TopologyLayer } from './kerasTopology';

export type LayerImport =
  { ok: true; kind: NodeKind; params: Record<string, ParamValue> } | { ok: false; message: string };

/** A config value under its Keras (snake_case) or tfjs (camelCase) key. */
const pick = (c: Record<string, unknown>, snake: string): unknown => {
  const camel = snake.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
  return c[snake] ?? c[camel];
};
const side = (v: unknown): number => Number(Array.isArray(v) ? v[0] : v);
const isSquare = (v: unknown) => !Array.isArray(v) || v.every((x) => x === v[0]);

/** The Keras activation name, if the app has it. */
function activationOf(layer: TopologyLayer): string | { error: string } {
  const raw = pick(layer.config, 'activation') ?? 'linear';
  const name =
    typeof raw === 'string' ? raw : String((raw as { class_name?: unknown }).class_name ?? raw);
  const known =
    name === 'softmax' ? name : (ACTIVATIONS as readonly string[]).find((a) => a === name);
  return (
    known ?? {
      error: `The layer '${layer.name}' uses the activation '${name}', which the app does not have.`,
    }
  );
}

const unsupported = (layer: TopologyLayer, what: string): LayerImport => ({
  ok: false,
  message: `The layer '${layer.name}' (${layer.className}) uses ${what}, which the app cannot show.`,
});

/** The node kind and params a Keras layer becomes; a message for a layer the app lacks. */
export function importLayer(layer: TopologyLayer, isLast: boolean): LayerImport {
  const c = layer.config;
  const activated = (kind: NodeKind, params: Record<string, ParamValue>): LayerImport => {
    const a = activationOf(layer);
    if (typeof a !== 'string') return { ok: false, message: a.error };
    if (a === 'softmax') return unsupported(layer, 'softmax outside a final classifier layer');
    return { ok: true, kind, params: { ...params, activation: a } };
  };
  switch (layer.className) {
    case 'InputLayer': {
      const shape = (pick(c, 'batch_input_shape') ?? pick(c, 'batch_shape')) as
        unknown[] | undefined;
      if (!Array.isArray(shape))
        return { ok: false, message: 'The model does not say what shape its input has.' };
      return { ok: true, kind: 'Input', params: { shape: shape.slice(1).map(Number) } };
    }
    case 'Dense': {
      const a = activationOf(layer);
      if (a === 'softmax' && isLast)
        return { ok: true, kind: 'ClassifierHead', params: { classes: Number(c.units) } };
      return activated('Dense', { units: Number(c.units), useBias: pick(c, 'use_bias') !== false });
    }
    case 'TiedDense': {
      const partner = c.partner;
      const name =
        typeof partner === 'string'
          ? partner
          : String((partner as { name?: unknown } | null)?.name ?? '');
      return activated('TiedDense', { partner: name, useBias: pick(c, 'use_bias') !== false });
    }
    case 'Activation':
      return activated('Activation', {});
    case 'Dropout':
      return { ok: true, kind: 'Dropout', params: { rate: Number(c.rate) } };
    case 'GaussianNoise':
      return { ok: true, kind: 'GaussianNoise', params: { stddev: Number(c.stddev) } };
    case 'MaskingNoise':
    case 'SaltAndPepperNoise':
      return { ok: true, kind: layer.className, params: { rate: Number(c.rate) } };
    case 'BatchNormalization':
      return {
        ok: true,
        kind: 'BatchNormalization',
        params: { momentum: Number(c.momentum), epsilon: Number(c.epsilon) },
      };
    case 'Flatten':
      return { ok: true, kind: 'Flatten', params: {} };
    case 'Reshape':
      return {
        ok: true,
        kind: 'Reshape',
        params: { targetShape: (pick(c, 'target_shape') as number[]).map(Number) },
      };
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const k = pick(c, 'kernel_size');
      const s = pick(c, 'strides') ?? 1;
      if (!isSquare(k) || !isSquare(s)) return unsupported(layer, 'a window that is not square');
      const dilation = pick(c, 'dilation_rate');
      if (dilation !== undefined && side(dilation) !== 1) return unsupported(layer, 'dilation');
      return activated(layer.className, {
        filters: Number(c.filters),
        kernelSize: side(k),
        strides: side(s),
        padding: String(c.padding ?? 'valid'),
      });
    }
    case 'MaxPooling2D': {
      const p = pick(c, 'pool_size') ?? 2;
      const s = pick(c, 'strides') ?? p;
      if (!isSquare(p) || side(s) !== side(p))
        return unsupported(layer, 'a pooling step that differs from its window');
      return {
        ok: true,
        kind: 'MaxPooling2D',
        params: { poolSize: side(p), padding: String(c.padding ?? 'valid') },
      };
    }
    case 'UpSampling2D': {
      const size = c.size ?? 2;
      if (!isSquare(size))
        return unsupported(layer, 'a factor that differs across width and height');
      if (c.interpolation !== undefined && c.interpolation !== 'nearest')
        return unsupported(layer, `'${String(c.interpolation)}' interpolation`);
      return { ok: true, kind: 'UpSampling2D', params: { size: side(size) } };
    }
    case 'Code':
      return {
        ok: true,
        kind: 'Code',
        params: {
          sparsity: String(pick(c, 'sparsity') ?? 'none'),
          sparsityWeight: Number(pick(c, 'sparsity_weight') ?? 0.001),
          targetRate: Number(pick(c, 'target_rate') ?? 0.1),
          contractiveWeight: Number(pick(c, 'contractive_weight') ?? 0),
        },
      };
    case 'Sampling':
      return { ok: true, kind: 'Sampling', params: { beta: Number(c.beta ?? 1) } };
    default:
      return {
        ok: false,
        message: `This model uses a layer the app does not have: ${layer.className} '${layer.name}'.`,
      };
  }
}
