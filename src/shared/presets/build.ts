import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../contract/training';
import type { DataSpec, TrainSettings } from '../contract/training';
import {
  GRAPH_VERSION,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type ParamValue,
} from '../graph/document';
import { createNode } from '../layers';

export interface Step {
  id: string;
  kind: NodeKind;
  name?: string;
  params?: Record<string, ParamValue>;
  /** Rows above (negative) or below the main line, for branches such as a VAE's mean and log-variance. */
  row?: number;
  /** Columns to place it at; defaults to the next one. */
  column?: number;
  /** Input edges other than the previous step's 'in': port to source id. */
  from?: Record<string, string>;
}

const X0 = 40;
const DX = 200;
const Y0 = 200;
const DY = 110;

/** Lays steps out left to right, each fed by the previous one unless it says otherwise. */
export function graphOf(steps: Step[]): GraphDocument {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let column = 0;
  steps.forEach((step, i) => {
    column = step.column ?? (i === 0 ? 0 : column + 1);
    const node = createNode(
      step.kind,
      step.id,
      { x: X0 + column * DX, y: Y0 + (step.row ?? 0) * DY },
      step.name,
    );
    Object.assign(node.params, step.params ?? {});
    nodes.push(node);
    const from = step.from ?? (i > 0 && step.kind !== 'Input' ? { in: steps[i - 1].id } : {});
    for (const [port, source] of Object.entries(from)) {
      edges.push({
        id: `${source}->${step.id}:${port}`,
        source,
        target: step.id,
        targetPort: port,
      });
    }
  });
  return { version: GRAPH_VERSION, nodes, edges };
}

export const settings = (overrides: Partial<TrainSettings> = {}): TrainSettings => ({
  ...DEFAULT_TRAIN_SETTINGS,
  epochs: 10,
  ...overrides,
});

export const data = (overrides: Partial<DataSpec> = {}): DataSpec => ({
  ...DEFAULT_DATA_SPEC,
  ...overrides,
});

export const dense = (id: string, units: number, activation: string, name?: string): Step => ({
  id,
  kind: 'Dense',
  name: name ?? `Dense ${units}`,
  params: { units, activation },
});

export const input = (shape: number[] = [784]): Step => ({
  id: 'input',
  kind: 'Input',
  name: 'digits',
  params: { shape },
});

export const output = (loss = 'binaryCrossentropy'): Step => ({
  id: 'output',
  kind: 'Output',
  name: 'reconstruction',
  params: { loss },
});
