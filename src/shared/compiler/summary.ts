import type { GraphDocument } from '../graph/document';
import { analyzeGraph } from './analyze';
import type { GraphAnalysis } from './types';

export interface SummaryRow {
  nodeId: string;
  name: string;
  kind: string;
  /** Keras style, with the batch dimension: "(None, 784)". */
  outputShape: string;
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totals: { total: number; trainable: number; nonTrainable: number };
}

const kerasShape = (shape: number[] | null) =>
  shape ? `(None, ${shape.join(', ')})` : '(unknown)';

/** The rows of a Keras-like model.summary(), in topological order; Output adds no layer. */
export function summarize(
  doc: GraphDocument,
  analysis: GraphAnalysis = analyzeGraph(doc),
): ModelSummary {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rows = analysis.order
    .map((id) => byId.get(id)!)
    .filter((node) => node.kind !== 'Output')
    .map((node) => {
      const a = analysis.nodes[node.id];
      return {
        nodeId: node.id,
        name: node.name,
        kind: node.kind,
        outputShape: kerasShape(a.shape),
        params: a.trainableParams + a.nonTrainableParams,
        trainableParams: a.trainableParams,
        nonTrainableParams: a.nonTrainableParams,
      };
    });
  return { rows, totals: { ...analysis.totals } };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const pad = (text: string, width: number) =>
  text.length >= width ? `${text} ` : text.padEnd(width);

/** The summary as monospaced text in the layout of Keras' model.summary(). */
export function formatSummaryText(summary: ModelSummary, title = 'autoencoder'): string {
  const widths = [34, 26, 12];
  const rule = (ch: string) => ch.repeat(widths[0] + widths[1] + widths[2]);
  const line = (a: string, b: string, c: string) => pad(a, widths[0]) + pad(b, widths[1]) + c;
  const out = [
    `Model: "${title}"`,
    rule('_'),
    line('Layer (type)', 'Output Shape', 'Param #'),
    rule('='),
  ];
  summary.rows.forEach((row, i) => {
    out.push(line(`${row.name} (${row.kind})`, row.outputShape, thousands(row.params)));
    out.push(i === summary.rows.length - 1 ? rule('=') : '');
  });
  if (summary.rows.length === 0) out.push(rule('='));
  out.push(`Total params: ${thousands(summary.totals.total)}`);
  out.push(`Trainable params: ${thousands(summary.totals.trainable)}`);
  out.push(`Non-trainable params: ${thousands(summary.totals.nonTrainable)}`);
  out.push(rule('_'));
  return out.join('\n');
}
