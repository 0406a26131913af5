import { analyzeGraph } from '../../../shared/compiler';
import { designHash } from '../../../shared/compiler/designHash';
import type { GraphDocument } from '../../../shared/graph/document';

/** How a run's results stand against the design on the canvas now. */
export type DesignMatch =
  /** No results, or results whose design is not known (nothing to compare). */
  | { kind: 'none' }
  /** The results come from the design as it is now. */
  | { kind: 'current'; runId: string; hash: string }
  /** The design changed after the run trained it: its results are of an earlier design. */
  | {
      kind: 'stale';
      runId: string;
      /** Whether the run's weights have the shapes the current design needs (export, reuse). */
      weightsFit: boolean;
      /** Values in the code of the run's design and of the current one (null when unknown). */
      codeUnits: { was: number | null; now: number | null };
    };

type Analysis = ReturnType<typeof analyzeGraph>;

// A run's design is one object for the run's whole life, while the current design changes on
// every drag tick: caching by object keeps a drag from re-analysing the run's design each time.
const hashes = new WeakMap<GraphDocument, string>();
const analyses = new WeakMap<GraphDocument, Analysis>();
const hashOf = (doc: GraphDocument) => {
  if (!hashes.has(doc)) hashes.set(doc, designHash(doc));
  return hashes.get(doc)!;
};
const analysisOf = (doc: GraphDocument) => {
  if (!analyses.has(doc)) analyses.set(doc, analyzeGraph(doc));
  return analyses.get(doc)!;
};

const size = (shape: readonly number[] | null | undefined) =>
  shape ? shape.reduce((a, b) => a * b, 1) : null;

/**
 * What each layer with weights holds, as one comparable line: its kind, the shapes that feed it,
 * its output shape and how many numbers it keeps. Two designs whose lines agree can swap weights.
 */
function weightLayout(doc: GraphDocument, analysis: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of doc.nodes) {
    const info = analysis.nodes[node.id];
    const count = info ? info.trainableParams + info.nonTrainableParams : 0;
    if (!info || count === 0) continue;
    const inputs = doc.edges
      .filter((e) => e.target === node.id)
      .map((e) => `${e.targetPort}:${analysis.nodes[e.source]?.shape?.join('x') ?? '?'}`)
      .sort()
      .join(',');
    out.set(node.id, `${node.kind}|${inputs}|${info.shape?.join('x') ?? '?'}|${count}`);
  }
  return out;
}

/** Whether weights trained for `was` fit `now` layer by layer (same layers, same shapes). */
export function weightsFit(
  was: GraphDocument,
  now: GraphDocument,
  given?: { was?: Analysis; now?: Analysis },
): boolean {
  const a = weightLayout(was, given?.was ?? analysisOf(was));
  const b = weightLayout(now, given?.now ?? analysisOf(now));
  if (a.size !== b.size) return false;
  for (const [id, line] of a) if (b.get(id) !== line) return false;
  return true;
}

/** How many values the design's code holds (its code layer's output), null when unknown. */
export function codeUnitsOf(analysis: Analysis): number | null {
  const id = analysis.codeNodeId;
  return id ? size(analysis.nodes[id]?.shape) : null;
}

/**
 * Compares the design a run trained with the current one. Moving or renaming layers keeps the
 * results current (designHash leaves positions and names out); any change to kinds, parameters
 * or connections makes them stale.
 */
export function matchDesign(
  run: { runId: string | null; design?: GraphDocument | null },
  current: GraphDocument,
  currentAnalysis?: Analysis,
): DesignMatch {
  if (!run.runId || !run.design) return { kind: 'none' };
  const hash = hashOf(run.design);
  if (hash === hashOf(current)) return { kind: 'current', runId: run.runId, hash };
  const was = analysisOf(run.design);
  const now = currentAnalysis ?? analysisOf(current);
  return {
    kind: 'stale',
    runId: run.runId,
    weightsFit: weightsFit(run.design, current, { was, now }),
    codeUnits: { was: codeUnitsOf(was), now: codeUnitsOf(now) },
  };
}

/** "run 3" from a history name such as "Run 3 · Default autoencoder"; the name itself else. */
export function runLabel(runId: string, pastRuns: readonly { runId: string; name: string }[]) {
  const name = pastRuns.find((r) => r.runId === runId)?.name;
  if (!name) return 'the latest run';
  const numbered = /^Run (\d+)\b/.exec(name);
  return numbered ? `run ${numbered[1]}` : `“${name}”`;
}

/**
 * The mark's first words: "These results come from an earlier design (run 3, 48 code units).
 * Your design has changed since."
 */
export function describeStale(
  match: Extract<DesignMatch, { kind: 'stale' }>,
  label: string,
  what = 'These results',
): string {
  const units = match.codeUnits.was === null ? '' : `, ${match.codeUnits.was} code units`;
  return `${what} come from an earlier design (${label}${units}). Your design has changed since.`;
}

/** A second sentence on what changed in the code, when its size did; '' otherwise. */
export function describeCodeChange(match: Extract<DesignMatch, { kind: 'stale' }>): string {
  const { was, now } = match.codeUnits;
  if (was === null || now === null || was === now) return '';
  return `Its code had ${was} values; your design’s code now has ${now}.`;
}

/**
 * The run whose weights an export may carry: none when they come from an earlier design whose
 * layers no longer have the shapes of the current one (they would not load, or load wrongly).
 */
export function weightsToExport(runId: string | null, match: DesignMatch): string | null {
  return match.kind === 'stale' && !match.weightsFit ? null : runId;
}
