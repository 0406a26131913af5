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

type Totals = { total: number; trainable: number; nonTrainable: number };

/** One network of a game, as Keras would summarize it on its own. */
export interface SummaryGroup {
  /** The network's Keras model name; 'unplaced' for layers in neither player. */
  id: 'generator' | 'discriminator' | 'autoencoder' | 'unplaced';
  title: string;
  rows: SummaryRow[];
  totals: Totals;
}

export interface ModelSummary {
  /** Every layer; for a game, group after group. */
  rows: SummaryRow[];
  totals: Totals;
  /** A game's players, each with its own totals; absent for an ordinary model. */
  groups?: SummaryGroup[];
}

const kerasShape = (shape: number[] | null) =>
  shape ? `(None, ${shape.join(', ')})` : '(unknown)';

/** Kinds that add no layer: the model's end and the game's. */
const LAYERLESS = new Set(['Output', 'Adversary']);

const totalsOf = (rows: SummaryRow[]): Totals => ({
  total: rows.reduce((n, r) => n + r.params, 0),
  trainable: rows.reduce((n, r) => n + r.trainableParams, 0),
  nonTrainable: rows.reduce((n, r) => n + r.nonTrainableParams, 0),
});

const TITLES: Record<SummaryGroup['id'], string> = {
  generator: 'Generator',
  discriminator: 'Discriminator',
  autoencoder: 'Autoencoder',
  unplaced: 'In neither player',
};

/** The players' rows, each network from its source on; layers in neither player come last. */
function gameGroups(rows: SummaryRow[], game: NonNullable<GraphAnalysis['game']>): SummaryGroup[] {
  const members: [SummaryGroup['id'], (string | null)[]][] =
    game.kind === 'gan'
      ? [
          ['generator', [game.prior, ...game.generator]],
          ['discriminator', [game.realSource, ...game.discriminator]],
        ]
      : [
          ['autoencoder', game.autoencoder],
          ['discriminator', [game.realSource, ...game.discriminator]],
        ];
  const placed = new Set(members.flatMap(([, ids]) => ids));
  members.push(['unplaced', rows.map((r) => r.nodeId).filter((id) => !placed.has(id))]);
  return members
    .map(([id, ids]) => {
      const own = new Set(ids);
      const groupRows = rows.filter((r) => own.has(r.nodeId));
      return { id, title: TITLES[id], rows: groupRows, totals: totalsOf(groupRows) };
    })
    .filter((g) => g.id !== 'unplaced' || g.rows.length > 0);
}

/** The rows of a Keras-like model.summary(), in topological order; Output adds no layer. */
export function summarize(
  doc: GraphDocument,
  analysis: GraphAnalysis = analyzeGraph(doc),
): ModelSummary {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rows = analysis.order
    .map((id) => byId.get(id)!)
    .filter((node) => !LAYERLESS.has(node.kind))
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
  if (!analysis.game) return { rows, totals: { ...analysis.totals } };
  const groups = gameGroups(rows, analysis.game);
  return { rows: groups.flatMap((g) => g.rows), totals: { ...analysis.totals }, groups };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const pad = (text: string, width: number) =>
  text.length >= width ? `${text} ` : text.padEnd(width);

/**
 * The summary as monospaced text in the layout of Keras' model.summary(); a game as one summary
 * per network, as Keras prints its models one by one.
 */
export function formatSummaryText(summary: ModelSummary, title = 'autoencoder'): string {
  if (summary.groups)
    return summary.groups
      .map((g) => formatSummaryText({ rows: g.rows, totals: g.totals }, g.id))
      .join('\n\n');
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
