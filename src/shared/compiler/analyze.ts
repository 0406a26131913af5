import type { GraphDocument } from '../graph/document';
import { MESSAGES, type Diagnostic } from '../graph/messages';
import { checkBudget } from './budget';
import { checkContractive, checkOutput } from './checks';
import { countNodes } from './counts';
import { analyzeGame } from './gameAnalyze';
import { assignRoles, findCodeNode } from './roles';
import { inferShapes } from './shapes';
import { indexGraph, portSources, reach, topologicalOrder, type GraphIndex } from './structure';
import type { GraphAnalysis } from './types';

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

/** Noise is for games only: a Prior in a design without an Adversary feeds nothing useful. */
function checkPriorsOutsideGame(index: GraphIndex, diagnostics: Diagnostic[]) {
  for (const id of ofKind(index, 'Prior')) {
    diagnostics.push({
      code: 'E_PRIOR_OUTSIDE_GAME',
      severity: 'error',
      nodeIds: [id],
      message: MESSAGES.E_PRIOR_OUTSIDE_GAME(index.labels.get(id)!),
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
  // A design with an Adversary plays a game: two networks, checked as players (gameAnalyze.ts).
  if (ofKind(index, 'Adversary').length > 0) return analyzeGame(doc, index, diagnostics);
  checkPriorsOutsideGame(index, diagnostics);
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
      // A Prior gets its own message (checkPriorsOutsideGame).
      if (onPath.has(id) || onLoop.has(id) || index.nodes.get(id)!.kind === 'Prior') continue;
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

  const { nodes, totals } = countNodes(index, info, roles, frozen);
  // Before anything builds a model: a design over the budget is an error, not an allocation.
  checkBudget(index, nodes, diagnostics);
  const valid = doc.nodes.length > 0 && !diagnostics.some((d) => d.severity === 'error');
  return { nodes, order, diagnostics, totals, codeNodeId, task, valid };
}
