import type { GraphDocument } from '../graph/document';
import { MESSAGES, type Diagnostic } from '../graph/messages';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { checkBudget } from './budget';
import { checkContractive, checkOutput } from './checks';
import { assignRoles, findCodeNode } from './roles';
import { inferShapes } from './shapes';
import { indexGraph, portSources, reach, topologicalOrder, type GraphIndex } from './structure';
import type { GraphAnalysis, NodeAnalysis } from './types';

const ofKind = (index: GraphIndex, kind: string) =>
  [...index.nodes.values()].filter((n) => n.kind === kind).map((n) => n.id);

/** Exactly one Input and one Output; the diagnostics point at where the missing one belongs. */
function checkEnds(
  index: GraphIndex,
  inputs: string[],
  outputs: string[],
  diagnostics: Diagnostic[],
) {
  const all = [...index.nodes.keys()];
  const orAll = (ids: string[]) => (ids.length > 0 ? ids : all);
  if (inputs.length === 0) {
    const sources = all.filter((id) => index.incoming.get(id)!.length === 0);
    diagnostics.push({
      code: 'E_NO_INPUT',
      severity: 'error',
      nodeIds: orAll(sources),
      message: MESSAGES.E_NO_INPUT(),
    });
  }
  if (inputs.length > 1) {
    diagnostics.push({
      code: 'E_MANY_INPUTS',
      severity: 'error',
      nodeIds: inputs,
      message: MESSAGES.E_MANY_INPUTS(inputs.length),
    });
  }
  if (outputs.length === 0) {
    const sinks = all.filter((id) => index.outgoing.get(id)!.length === 0);
    diagnostics.push({
      code: 'E_NO_OUTPUT',
      severity: 'error',
      nodeIds: orAll(sinks),
      message: MESSAGES.E_NO_OUTPUT(),
    });
  }
  if (outputs.length > 1) {
    diagnostics.push({
      code: 'E_MANY_OUTPUTS',
      severity: 'error',
      nodeIds: outputs,
      message: MESSAGES.E_MANY_OUTPUTS(outputs.length),
    });
  }
}

/**
 * Checks a graph, infers shapes and parameter counts and finds its code. Pure and fast: the editor
 * runs it on every edit. Never throws for a document that passes graphDocumentSchema.
 */
export function analyzeGraph(doc: GraphDocument): GraphAnalysis {
  const diagnostics: Diagnostic[] = [];
  const index = indexGraph(doc, diagnostics);
  const inputs = ofKind(index, 'Input');
  const outputs = ofKind(index, 'Output');
  checkEnds(index, inputs, outputs, diagnostics);
  const { order, onLoop } = topologicalOrder(index, diagnostics);
  const sources = portSources(index, diagnostics);

  const fromInput = reach(inputs, (id) => index.outgoing.get(id)!);
  const toOutput = reach(outputs, (id) => index.incoming.get(id)!.map((e) => e.source));
  const onPath = new Set([...fromInput].filter((id) => toOutput.has(id)));
  if (inputs.length > 0 && outputs.length > 0) {
    for (const id of index.nodes.keys()) {
      if (onPath.has(id) || onLoop.has(id)) continue;
      diagnostics.push({
        code: 'E_UNREACHABLE',
        severity: 'error',
        nodeIds: [id],
        message: MESSAGES.E_UNREACHABLE(index.labels.get(id)!),
      });
    }
  }

  const { info } = inferShapes(index, order, sources, diagnostics);
  const heads = ofKind(index, 'ClassifierHead').filter((id) => onPath.has(id));
  const task = heads.length > 0 ? 'classify' : 'reconstruct';
  if (inputs.length === 1 && outputs.length === 1) {
    checkOutput(index, info, inputs[0], outputs[0], task === 'classify', diagnostics);
  }
  checkContractive(index, info, diagnostics);
  const codeNodeId = findCodeNode(index, order, onPath, info, diagnostics);
  const roles = assignRoles(index, codeNodeId);

  // Keras counts the weights of frozen layers as non-trainable.
  const frozenHeads = heads.filter((id) => info.get(id)?.params.frozen === true);
  const frozen = reach(frozenHeads, (id) => index.incoming.get(id)!.map((e) => e.source));
  for (const id of frozenHeads) frozen.delete(id);

  const nodes: Record<string, NodeAnalysis> = {};
  const totals = { trainable: 0, nonTrainable: 0, total: 0 };
  for (const [id, node] of index.nodes) {
    const entry = info.get(id);
    const shape = entry?.output ?? null;
    let count = { trainable: 0, nonTrainable: 0 };
    if (entry && shape) {
      count = LAYER_DESCRIPTORS[node.kind].countParams({
        inputs: entry.inputs,
        output: shape,
        params: entry.params,
      });
      if (frozen.has(id))
        count = { trainable: 0, nonTrainable: count.trainable + count.nonTrainable };
    }
    nodes[id] = {
      shape: shape ? [...shape] : null,
      trainableParams: count.trainable,
      nonTrainableParams: count.nonTrainable,
      role: roles.get(id) ?? null,
    };
    totals.trainable += count.trainable;
    totals.nonTrainable += count.nonTrainable;
  }
  totals.total = totals.trainable + totals.nonTrainable;
  // Before anything builds a model: a design over the budget is an error, not an allocation.
  checkBudget(index, nodes, diagnostics);
  const valid = doc.nodes.length > 0 && !diagnostics.some((d) => d.severity === 'error');
  return { nodes, order, diagnostics, totals, codeNodeId, task, valid };
}
