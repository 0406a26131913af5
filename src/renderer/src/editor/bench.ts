import { analyzeGraph } from '../../../shared/compiler';
import { GRAPH_VERSION, type GraphDocument } from '../../../shared/graph/document';
import { createNode } from '../../../shared/layers';
import { edgeId } from '../stores/graphEdits';
import { createGraphStore } from '../stores/graphStore';

/** A chain of 100 nodes: Input, 98 Dense layers narrowing and widening again, Output. */
export function hundredNodeGraph(): GraphDocument {
  const nodes = [createNode('Input', 'input', { x: 0, y: 0 })];
  for (let i = 1; i <= 98; i++) {
    const node = createNode('Dense', `dense-${i}`, { x: i * 200, y: 0 });
    node.params.units = i === 98 ? 784 : 64 + Math.abs(49 - i) * 8;
    nodes.push(node);
  }
  nodes.push(createNode('Output', 'output', { x: 99 * 200, y: 0 }));
  const edges = nodes.slice(1).map((n, i) => ({
    id: edgeId(nodes[i].id, n.id, 'in'),
    source: nodes[i].id,
    target: n.id,
    targetPort: 'in',
  }));
  return { version: GRAPH_VERSION, nodes, edges };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * How long one undo and one re-validation take on a 100-node graph, in milliseconds (medians of
 * many runs). Undo includes the re-validation of the restored document, as the editor does it.
 */
export function benchEditor(runs = 200): { undoMs: number; validateMs: number } {
  const doc = hundredNodeGraph();
  for (let i = 0; i < 20; i++) analyzeGraph(doc);
  const validate: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    analyzeGraph(doc);
    validate.push(performance.now() - t0);
  }
  const store = createGraphStore();
  store.getState().loadDocument(doc, 'bench');
  for (let i = 0; i < runs; i++)
    store.getState().setParam(`dense-${(i % 97) + 1}`, 'units', 100 + i);
  const undo: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    store.getState().undo();
    undo.push(performance.now() - t0);
  }
  return { undoMs: median(undo), validateMs: median(validate) };
}
