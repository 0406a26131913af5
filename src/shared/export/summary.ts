import { formatSummaryText, summarize, type ModelSummary } from '../compiler';
import type { GraphDocument } from '../graph/document';
import { kindTitle } from '../diagram/legend';
import { isNodeKind } from '../layers/registry';
import { mdCode, mdInline } from '../escape/markdown';

const thousands = (n: number) => n.toLocaleString('en-US');
/** Markdown cells and the heading: names are a person's text, never markup or raw HTML. */
const cell = mdInline;

/** The summary as Markdown: a table like Keras' model.summary(), then the totals. */
export function formatSummaryMarkdown(summary: ModelSummary, title = 'autoencoder'): string {
  const rows = summary.rows.map(
    (r) =>
      `| ${cell(r.name)} | ${cell(isNodeKind(r.kind) ? kindTitle(r.kind) : r.kind)} | ${mdCode(r.outputShape)} | ${thousands(r.params)} |`,
  );
  return [
    `### Model: ${cell(title)}`,
    '',
    '| Layer | Type | Output shape | Parameters |',
    '| --- | --- | --- | ---: |',
    ...rows,
    '',
    `**Total parameters:** ${thousands(summary.totals.total)}  `,
    `Trainable: ${thousands(summary.totals.trainable)} · Non-trainable: ${thousands(summary.totals.nonTrainable)}`,
    '',
  ].join('\n');
}

/** The model summary of a graph as plain text (Keras layout) and as Markdown. */
export function exportSummary(
  doc: GraphDocument,
  title = 'autoencoder',
): { text: string; markdown: string } {
  const summary = summarize(doc);
  return {
    text: `${formatSummaryText(summary, title)}\n`,
    markdown: formatSummaryMarkdown(summary, title),
  };
}
