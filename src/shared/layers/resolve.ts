import type { GraphNode, ParamValue } from '../graph/document';
import { LAYER_DESCRIPTORS } from './registry';
import type { ParamSpec, ResolvedParams } from './types';

/** Why a value does not fit its spec, in words; null when it fits. */
function checkValue(spec: ParamSpec, value: ParamValue): string | null {
  switch (spec.type) {
    case 'number': {
      const whole = spec.integer ? 'a whole number' : 'a number';
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (spec.integer && !Number.isInteger(value))
      ) {
        return `must be ${whole}`;
      }
      return value < spec.min || value > spec.max
        ? `must be ${whole} from ${spec.min} to ${spec.max}`
        : null;
    }
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `must be one of ${spec.options.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be on or off';
    case 'intList': {
      const fits =
        Array.isArray(value) &&
        value.length >= spec.minLength &&
        value.length <= spec.maxLength &&
        value.every((v) => Number.isInteger(v) && v >= spec.min && v <= spec.max);
      return fits
        ? null
        : `must be ${spec.minLength} to ${spec.maxLength} whole numbers from ${spec.min} to ${spec.max}`;
    }
    case 'nodeRef':
      return value === null || typeof value === 'string' ? null : 'must name a node';
  }
}

const describe = (value: ParamValue): string =>
  Array.isArray(value) ? value.join(', ') : JSON.stringify(value);

/**
 * The node's params with defaults for the missing ones, plus a sentence for each value that does
 * not fit its spec (the default stands in for it, so later checks can still run).
 */
export function resolveParams(node: GraphNode): { params: ResolvedParams; problems: string[] } {
  const specs = LAYER_DESCRIPTORS[node.kind].params;
  const params: ResolvedParams = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(specs)) {
    const given = Object.prototype.hasOwnProperty.call(node.params, key)
      ? node.params[key]
      : undefined;
    if (given === undefined) {
      params[key] = spec.default;
      continue;
    }
    const problem = checkValue(spec, given);
    if (problem === null) params[key] = given;
    else {
      params[key] = spec.default;
      problems.push(`${spec.label} ${problem} (it is ${describe(given)})`);
    }
  }
  return { params, problems };
}

/** Every param at its default. */
export function defaultParams(kind: GraphNode['kind']): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(LAYER_DESCRIPTORS[kind].params)) {
    out[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return out;
}
