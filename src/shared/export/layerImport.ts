import type { NodeKind, ParamValue } from '../graph/document';
import { ACTIVATIONS } from '../layers/params';
import type { TopologyLayer } from './kerasTopology';

export type LayerImport =
  | { ok: true; kind: NodeKind; params: Record<string, ParamValue> }
  /** E_MODEL_FILE when the setting is unreadable; otherwise the app lacks what the layer uses. */
  | { ok: false; message: string; unreadable?: boolean };

/** A config value under its Keras (snake_case) or tfjs (camelCase) key. */
const pick = (c: Record<string, unknown>, snake: string): unknown => {
  const camel = snake.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
  return c[snake] ?? c[camel];
};
/** A number from the file; anything else is NaN, which the param check then names. */
const num = (v: unknown): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
/** A string from the file without calling a hostile object's toString. */
const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? `${v}`
      : v == null
        ? fallback
        : '(unreadable)';
const side = (v: unknown): number => num(Array.isArray(v) ? v[0] : v);
const isSquare = (v: unknown) => !Array.isArray(v) || v.every((x) => x === v[0]);
const isSize = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31;

/** A list of sizes, or null when the value is not one (a string, nulls, fractions, negatives). */
function sizes(v: unknown, skipFirst: boolean): number[] | null {
  if (!Array.isArray(v) || v.length > 9) return null;
  const rest = skipFirst ? v.slice(1) : v;
  if (skipFirst && (v.length === 0 || (v[0] !== null && !isSize(v[0])))) return null;
  return rest.every(isSize) ? (rest as number[]) : null;
}

const unreadableSetting = (layer: TopologyLayer, what: string): LayerImport => ({
  ok: false,
  unreadable: true,
  message: `The layer '${layer.name}' (${layer.className}) has an unreadable ${what}.`,
});
/** The Keras activation name, if the app has it. */
function activationOf(layer: TopologyLayer): string | { error: string } {
  const raw = pick(layer.config, 'activation') ?? 'linear';
  const name =
    typeof raw === 'string' ? raw : str((raw as { class_name?: unknown }).class_name ?? raw);
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
      const raw = pick(c, 'batch_input_shape') ?? pick(c, 'batch_shape');
      if (raw === undefined)
        return {
          ok: false,
          unreadable: true,
          message: 'The model does not say what shape its input has.',
        };
      const shape = sizes(raw, true);
      if (!shape) return unreadableSetting(layer, 'input shape (batch_input_shape)');
      return { ok: true, kind: 'Input', params: { shape } };
    }
    case 'Dense': {
      const a = activationOf(layer);
      if (a === 'softmax' && isLast)
        return { ok: true, kind: 'ClassifierHead', params: { classes: num(c.units) } };
      return activated('Dense', { units: num(c.units), useBias: pick(c, 'use_bias') !== false });
    }
    case 'TiedDense': {
      const partner = c.partner;
      const name =
        typeof partner === 'string' ? partner : str((partner as { name?: unknown } | null)?.name);
      return activated('TiedDense', { partner: name, useBias: pick(c, 'use_bias') !== false });
    }
    case 'Activation':
      return activated('Activation', {});
    case 'Dropout':
      return { ok: true, kind: 'Dropout', params: { rate: num(c.rate) } };
    case 'GaussianNoise':
      return { ok: true, kind: 'GaussianNoise', params: { stddev: num(c.stddev) } };
    case 'MaskingNoise':
    case 'SaltAndPepperNoise':
      return { ok: true, kind: layer.className, params: { rate: num(c.rate) } };
    case 'BatchNormalization':
      return {
        ok: true,
        kind: 'BatchNormalization',
        params: { momentum: num(c.momentum), epsilon: num(c.epsilon) },
      };
    case 'Flatten':
      return { ok: true, kind: 'Flatten', params: {} };
    case 'Reshape': {
      const targetShape = sizes(pick(c, 'target_shape'), false);
      if (!targetShape) return unreadableSetting(layer, 'target shape');
      return { ok: true, kind: 'Reshape', params: { targetShape } };
    }
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const k = pick(c, 'kernel_size');
      const s = pick(c, 'strides') ?? 1;
      if (!isSquare(k) || !isSquare(s)) return unsupported(layer, 'a window that is not square');
      const dilation = pick(c, 'dilation_rate');
      if (dilation !== undefined && side(dilation) !== 1) return unsupported(layer, 'dilation');
      return activated(layer.className, {
        filters: num(c.filters),
        kernelSize: side(k),
        strides: side(s),
        padding: str(c.padding, 'valid'),
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
        params: { poolSize: side(p), padding: str(c.padding, 'valid') },
      };
    }
    case 'UpSampling2D': {
      const size = c.size ?? 2;
      if (!isSquare(size))
        return unsupported(layer, 'a factor that differs across width and height');
      if (c.interpolation !== undefined && c.interpolation !== 'nearest')
        return unsupported(layer, `'${str(c.interpolation)}' interpolation`);
      return { ok: true, kind: 'UpSampling2D', params: { size: side(size) } };
    }
    case 'Code':
      return {
        ok: true,
        kind: 'Code',
        params: {
          sparsity: str(pick(c, 'sparsity'), 'none'),
          sparsityWeight: num(pick(c, 'sparsity_weight') ?? 0.001),
          targetRate: num(pick(c, 'target_rate') ?? 0.1),
          contractiveWeight: num(pick(c, 'contractive_weight') ?? 0),
        },
      };
    case 'Sampling':
      return { ok: true, kind: 'Sampling', params: { beta: num(c.beta ?? 1) } };
    default:
      return {
        ok: false,
        message: `This model uses a layer the app does not have: ${layer.className} '${layer.name}'.`,
      };
  }
}
