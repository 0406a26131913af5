import type { GraphNode, NodeKind, ParamValue } from '../graph/document';
import { ruleOf } from './params';
import { LAYER_DESCRIPTORS } from './registry';
import type { ParamSpec, ResolvedParams } from './types';

/** Why a value does not fit its spec, in words; null when its zod schema accepts it. */
function checkValue(spec: ParamSpec, value: ParamValue): string | null {
  if (spec.schema.safeParse(value).success) return null;
  if (spec.type === 'number') {
    const whole = spec.integer ? 'a whole number' : 'a number';
    const isNumber =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!spec.integer || Number.isInteger(value));
    if (!isNumber) return `must be ${whole}`;
  }
  return ruleOf(spec);
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
      params[key] = copy(spec.default);
      continue;
    }
    const problem = checkValue(spec, given);
    if (problem === null) params[key] = given;
    else {
      params[key] = copy(spec.default);
      problems.push(`${spec.label} ${problem} (it is ${describe(given)})`);
    }
  }
  return { params, problems };
}

const copy = (v: ParamValue): ParamValue => (Array.isArray(v) ? [...v] : v);

/** Every param at its default: what the kind's zod schema gives for no params at all. */
export function defaultParams(kind: NodeKind): Record<string, ParamValue> {
  return LAYER_DESCRIPTORS[kind].paramsSchema.parse({});
}

/** A saved node's params lifted by its kind's migrations, oldest first. */
export function migrateParams(
  kind: NodeKind,
  params: Record<string, ParamValue>,
): Record<string, ParamValue> {
  return LAYER_DESCRIPTORS[kind].migrations.reduce((p, step) => step.up(p), params);
}
