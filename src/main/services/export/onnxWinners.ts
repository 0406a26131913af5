import { winnerRuleOf } from '../../../shared/layers/winners';
import type { GraphBuilder, Value } from './onnxGraph';
import type { Config } from './onnxOps';

/**
 * A Code at inference: it passes its input on, unless it keeps each sample's top k values
 * (winner-take-all). Then TopK finds the winners, ScatterElements writes ones at their places into
 * zeros, and the product keeps exactly those k values, as the app's Code layer does.
 */
export function winners(b: GraphBuilder, name: string, c: Config, x: Value): Value {
  if (winnerRuleOf(c) !== 'top-k') return x;
  const size = x.shape.reduce((p, q) => p * q, 1);
  const k = Math.max(1, Math.min(Number(c.k ?? 5), size));
  const input = b.asLast(x, name);
  const flat =
    x.shape.length === 1
      ? input
      : b.op('Flatten', `${name}_flat`, [input], [{ name: 'axis', i: 1 }]);
  const values = b.unique(`${name}_top_values`);
  const indices = b.unique(`${name}_top_indices`);
  b.nodes.push({
    opType: 'TopK',
    name: b.unique(`${name}_topk`),
    inputs: [flat, b.int64s(`${name}_k`, [k])],
    outputs: [values, indices],
    attributes: [{ name: 'axis', i: 1 }],
  });
  const zero = b.floats(`${name}_zero`, [], Float32Array.of(0));
  const one = b.floats(`${name}_one`, [], Float32Array.of(1));
  const zeros = b.op('Mul', `${name}_zeros`, [flat, zero]);
  const ones = b.op('Add', `${name}_ones`, [b.op('Mul', `${name}_no_values`, [values, zero]), one]);
  const mask = b.op(
    'ScatterElements',
    `${name}_mask`,
    [zeros, indices, ones],
    [{ name: 'axis', i: 1 }],
  );
  const kept = b.op('Mul', x.shape.length === 1 ? name : `${name}_kept`, [flat, mask]);
  if (x.shape.length === 1) return { shape: x.shape, last: kept, first: kept };
  const shape = b.int64s(`${name}_shape`, [-1, ...x.shape]);
  return { shape: x.shape, last: b.op('Reshape', name, [kept, shape]) };
}
