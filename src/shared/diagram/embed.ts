import { fail, type Result } from '../contract/result';
import type { GraphDocument } from '../graph/document';
import { migrateDocument } from '../graph/migrate';
import { jsonForXml, unescapeXml, xmlText } from '../escape/xml';

export const EMBED_ID = 'autoencoder-studio-graph';
const FORMAT = 'autoencoder-studio-graph';

/**
 * The graph as an SVG <metadata> element: JSON, XML-escaped, so any SVG tool keeps it intact.
 * Characters XML forbids (U+FFFE in a name) travel as JSON escapes, so no name loses a character.
 */
export function embedGraph(doc: GraphDocument): string {
  const json = JSON.stringify({ format: FORMAT, graph: doc });
  return `<metadata id="${EMBED_ID}">${xmlText(jsonForXml(json))}</metadata>`;
}

const METADATA = new RegExp(
  `<metadata\\b[^>]*\\bid=["']${EMBED_ID}["'][^>]*>([\\s\\S]*?)</metadata>`,
);

/** Opens an exported SVG as a project: the graph it carries, checked and migrated. */
export function graphFromSvg(svgText: string): Result<GraphDocument> {
  const match = METADATA.exec(svgText);
  if (!match) {
    return fail(
      'E_INVALID_GRAPH',
      'This picture carries no model: it was not exported by Autoencoder Studio, or the model was removed when it was edited. Open the project file instead.',
    );
  }
  // Another editor may have rewritten the text as CDATA; both read the same.
  const body = match[1].trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  let envelope: unknown;
  try {
    envelope = JSON.parse(cdata ? cdata[1] : unescapeXml(body));
  } catch {
    return fail('E_INVALID_GRAPH', 'The model inside this picture is damaged and cannot be read.');
  }
  const e = envelope as { format?: unknown; graph?: unknown } | null;
  if (e === null || typeof e !== 'object' || e.format !== FORMAT) {
    return fail(
      'E_INVALID_GRAPH',
      'The model inside this picture is in a format this app does not know.',
    );
  }
  return migrateDocument(e.graph);
}
