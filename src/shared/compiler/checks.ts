import { formatShape, MESSAGES, type Diagnostic } from '../graph/messages';
import type { NodeInfo } from '../layers/types';
import type { GraphIndex } from './structure';

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** What to change so the last layer gives the input's shape. */
function outputHint(source: NodeInfo, gives: number[], needs: number[]): string {
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  if (source.node.kind === 'Dense' && needs.length === 1 && gives.length === 1) {
    return `Set the units of ${source.label} to ${needs[0]}.`;
  }
  if (size(gives) === size(needs)) {
    return needs.length === 1
      ? 'Add a Flatten before Output.'
      : `Add a Reshape to ${formatShape(needs)} before Output.`;
  }
  return `Change the layers before Output so they give ${formatShape(needs)} values, like the input.`;
}

/** An autoencoder's output must have its input's shape (a classifier's is its class count). */
export function checkOutput(
  index: GraphIndex,
  info: Map<string, NodeInfo>,
  inputId: string,
  outputId: string,
  classify: boolean,
  diagnostics: Diagnostic[],
): void {
  const needs = info.get(inputId)?.output;
  const edge = index.incoming.get(outputId)?.[0];
  const source = edge ? info.get(edge.source) : undefined;
  const gives = source?.output;
  if (!needs || !source || !gives || classify) return;
  if (sameShape(needs, gives)) return;
  diagnostics.push({
    code: 'E_OUTPUT_SHAPE',
    severity: 'error',
    nodeIds: [outputId, source.node.id],
    message: MESSAGES.E_OUTPUT_SHAPE(
      source.label,
      formatShape(gives),
      formatShape(needs),
      outputHint(source, gives, needs),
    ),
  });
}

/** The closed-form contractive penalty needs the Dense layer that makes the code. */
export function checkContractive(
  index: GraphIndex,
  info: Map<string, NodeInfo>,
  diagnostics: Diagnostic[],
): void {
  for (const [id, entry] of info) {
    if (entry.node.kind !== 'Code' || !((entry.params.contractiveWeight as number) > 0)) continue;
    const edge = index.incoming.get(id)?.[0];
    if (edge && index.nodes.get(edge.source)?.kind === 'Dense') continue;
    diagnostics.push({
      code: 'E_CONTRACTIVE',
      severity: 'error',
      nodeIds: [id],
      message: MESSAGES.E_CONTRACTIVE(entry.label),
    });
  }
}
