import type { GraphDocument } from '../graph/document';
import { migrateDocument } from '../graph/migrate';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A model.json written by this app carries the project's graph in userDefinedMetadata. The layers
 * still decide what is imported; the metadata only gives back each node's id, name and place on
 * the canvas where a layer matches its node's kind, so a round trip gives the same project.
 */
export function restoreStudioNames(imported: GraphDocument, json: unknown): GraphDocument {
  const meta =
    isRecord(json) && isRecord(json.userDefinedMetadata)
      ? json.userDefinedMetadata.autoencoderStudio
      : null;
  if (!isRecord(meta) || !isRecord(meta.layerOfNode)) return imported;
  const original = migrateDocument(meta.graph);
  if (!original.ok) return imported;
  const originalById = new Map(original.value.nodes.map((n) => [n.id, n]));
  const idOf = new Map<string, string>();
  for (const [nodeId, layer] of Object.entries(meta.layerOfNode)) {
    const node = originalById.get(nodeId);
    if (node && node.kind !== 'Output') idOf.set(String(layer), nodeId);
  }
  const originalOutput = original.value.nodes.find((n) => n.kind === 'Output');
  const importedOutput = imported.nodes.find((n) => n.kind === 'Output');
  if (originalOutput && importedOutput) idOf.set(importedOutput.id, originalOutput.id);
  // Only a complete, kind-for-kind match is trusted; anything else keeps the file's own names.
  const matches = imported.nodes.every(
    (n) => originalById.get(idOf.get(n.id) ?? '')?.kind === n.kind,
  );
  if (!matches || new Set(idOf.values()).size !== idOf.size) return imported;
  const map = (id: string) => idOf.get(id) ?? id;
  const originalEdges = original.value.edges;
  return {
    ...imported,
    nodes: imported.nodes.map((n) => {
      const o = originalById.get(map(n.id))!;
      const params = { ...n.params };
      if (n.kind === 'TiedDense' && typeof params.partner === 'string')
        params.partner = map(params.partner);
      return { ...n, id: o.id, name: o.name, position: { ...o.position }, params };
    }),
    edges: imported.edges.map((e) => {
      const source = map(e.source);
      const target = map(e.target);
      const same = originalEdges.find(
        (o) => o.source === source && o.target === target && o.targetPort === e.targetPort,
      );
      return { ...e, id: same?.id ?? e.id, source, target };
    }),
  };
}
