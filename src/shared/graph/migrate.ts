import { fail, ok, type Result } from '../contract/result';
import { migrateParams } from '../layers/resolve';
import { GRAPH_VERSION, graphDocumentSchema, type GraphDocument } from './document';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Version 0 is the draft format of the design notes: no `version` field (or 0), edges with `port`
 * and no id, nodes without a name. Each step lifts a document by one version, so a file from any
 * earlier version reaches the current one through the same small functions.
 */
const MIGRATIONS: Record<number, (doc: Raw) => Raw> = {
  0: (doc) => ({
    ...doc,
    version: 1,
    nodes: (Array.isArray(doc.nodes) ? doc.nodes : []).map((n: unknown) =>
      isRecord(n)
        ? {
            ...n,
            name: typeof n.name === 'string' ? n.name : String(n.kind ?? ''),
            params: isRecord(n.params) ? n.params : {},
            position: isRecord(n.position) ? n.position : { x: 0, y: 0 },
          }
        : n,
    ),
    edges: (Array.isArray(doc.edges) ? doc.edges : []).map((e: unknown, i: number) => {
      if (!isRecord(e)) return e;
      const { port, ...rest } = e;
      const targetPort = typeof e.targetPort === 'string' ? e.targetPort : (port ?? 'in');
      return { id: `e${i}`, ...rest, targetPort };
    }),
  }),
};

const versionOf = (doc: Raw): number | null => {
  if (doc.version === undefined) return 0;
  return typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version >= 0
    ? doc.version
    : null;
};

/** Reads a graph document of any version up to the current one; refuses newer or malformed ones. */
export function migrateDocument(raw: unknown): Result<GraphDocument> {
  if (!isRecord(raw)) return fail('E_INVALID_GRAPH', 'This file does not contain a model graph.');
  let version = versionOf(raw);
  if (version === null) {
    return fail('E_INVALID_GRAPH', 'This model graph has an unreadable version number.');
  }
  if (version > GRAPH_VERSION) {
    return fail(
      'E_INVALID_GRAPH',
      `This model graph was saved by a newer Autoencoder Studio (graph version ${version}); this one reads up to version ${GRAPH_VERSION}. Update the app to open it.`,
    );
  }
  let doc = raw;
  while (version < GRAPH_VERSION) {
    doc = MIGRATIONS[version](doc);
    version += 1;
  }
  const parsed = graphDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'E_INVALID_GRAPH',
      `This model graph is damaged (${issue.path.join('.') || 'document'}: ${issue.message}).`,
    );
  }
  // Then each node's own params, by its kind's migrations (src/shared/layers/kinds).
  const nodes = parsed.data.nodes.map((n) => ({ ...n, params: migrateParams(n.kind, n.params) }));
  return ok({ ...parsed.data, nodes });
}
