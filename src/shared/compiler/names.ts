import type { GraphNode } from '../graph/document';

/** Keras layer names from node names: snake_case, starting with a letter, unique. */
export function layerNames(nodes: GraphNode[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const node of nodes) {
    let base = node.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (!/^[a-z]/.test(base)) base = `${node.kind.toLowerCase()}${base ? `_${base}` : ''}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    names.set(node.id, name);
  }
  return names;
}
