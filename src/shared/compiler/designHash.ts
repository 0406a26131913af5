import type { GraphDocument } from '../graph/document';
import { defaultParams } from '../layers/resolve';

/** JSON with object keys sorted, so the same design always reads the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** cyrb53: a fast 53-bit string hash; collisions between a person's designs are not a concern. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A short fingerprint of what makes the model: each node's kind and parameters (defaults filled
 * in, so a default written out equals one left out; a value out of range counts as itself) and the edges between them. Positions, names
 * and edge ids are left out: moving or renaming a layer trains the same model.
 */
export function designHash(doc: GraphDocument): string {
  const nodes = [...doc.nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => [n.id, n.kind, { ...defaultParams(n.kind), ...n.params }]);
  const edges = doc.edges
    .map((e) => `${e.source}>${e.target}:${e.targetPort}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return cyrb53(canonical({ nodes, edges }));
}
