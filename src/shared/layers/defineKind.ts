import { z } from 'zod';
import type { NodeKind, ParamValue } from '../graph/document';
import type {
  KerasArgs,
  KerasClassBinding,
  KerasLayerConfig,
  KindDiagram,
  LayerDescriptor,
  ParamCount,
  ParamMigration,
  ParamSpec,
  ParamsOf,
  ShapeArgs,
  ShapeOutcome,
} from './types';

/** A descriptor as a kind's file writes it: its functions see params typed from its specs. */
export interface KindDefinition<S extends Record<string, ParamSpec>> extends Omit<
  LayerDescriptor,
  'params' | 'paramsSchema' | 'migrations' | 'inferShape' | 'countParams' | 'toKeras' | 'diagram'
> {
  params: S;
  migrations?: readonly ParamMigration[];
  inferShape(args: ShapeArgs<ParamsOf<S>>): ShapeOutcome;
  countParams(args: {
    inputs: Record<string, number[]>;
    output: number[];
    params: ParamsOf<S>;
  }): ParamCount;
  toKeras(args: KerasArgs<ParamsOf<S>>): KerasLayerConfig | null;
  kerasClass?: KerasClassBinding;
  diagram: Omit<KindDiagram, 'detail'> & { detail(params: ParamsOf<S>): string };
}

/**
 * Makes a kind's descriptor: the zod schema of its params (each with its default) is built from
 * its specs, and its functions read typed params. They only ever receive params resolveParams
 * checked against those same specs, which is why the one widening below is sound.
 */
export function defineKind<S extends Record<string, ParamSpec>>(
  definition: KindDefinition<S> & { kind: NodeKind },
): LayerDescriptor {
  const shape: Record<string, z.ZodType<ParamValue>> = {};
  for (const [key, spec] of Object.entries(definition.params)) {
    shape[key] = (spec.schema as z.ZodType<ParamValue>).default(
      Array.isArray(spec.default) ? [...spec.default] : spec.default,
    ) as unknown as z.ZodType<ParamValue>;
  }
  return {
    ...(definition as unknown as LayerDescriptor),
    migrations: definition.migrations ?? [],
    paramsSchema: z.object(shape) as unknown as z.ZodType<Record<string, ParamValue>>,
  };
}
