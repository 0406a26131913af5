import { analyzeGraph } from '../../compiler/analyze';
import type { GraphAnalysis } from '../../compiler/types';
import { latexText, tikzName } from '../../escape/latex';
import type { GraphDocument } from '../../graph/document';
import { layoutDiagram } from '../layout';
import {
  DEFAULT_DIAGRAM_OPTIONS,
  diagramOptionsSchema,
  type DiagramOptionsInput,
} from '../options';
import { kindStyle, shade } from '../palette';
import { visibleGraph } from '../visible';

// The SVG layout is in pixels; TikZ draws in centimetres. 0.03 cm a pixel keeps a 784-wide
// layer about 4 cm tall, as PlotNeuralNet's boxes are.
const CM = 0.03;
const f = (v: number) => (Math.round(v * CM * 1000) / 1000).toString();
const hex = (c: string) => c.replace('#', '').toUpperCase().padEnd(6, '0').slice(0, 6);

/**
 * The box diagram as a standalone LaTeX document with TikZ (PlotNeuralNet's look: shaded cuboids
 * left to right, arrows between them, a label under each). Needs only the tikz package. Every
 * name from the project is escaped for LaTeX.
 */
export function graphToTikz(
  doc: GraphDocument,
  options: DiagramOptionsInput = {},
  analysis: GraphAnalysis = analyzeGraph(doc),
): string {
  const parsed = diagramOptionsSchema.safeParse(options);
  const opts = parsed.success ? parsed.data : DEFAULT_DIAGRAM_OPTIONS;
  const visible = visibleGraph(doc, analysis.order, opts);
  const layout = layoutDiagram(
    visible,
    (id) => ({ shape: analysis.nodes[id]?.shape ?? null, role: analysis.nodes[id]?.role ?? null }),
    opts,
  );
  const colours = new Map<string, string>();
  const names = new Map<string, string>();
  const body: string[] = [];
  layout.nodes.forEach((n, i) => {
    const base = opts.overrides[n.node.id]?.color ?? kindStyle(n.node.kind, opts.palette).fill;
    const key = `c${hex(base)}`;
    colours.set(key, hex(base));
    colours.set(`${key}t`, hex(shade(base, 0.3)));
    colours.set(`${key}s`, hex(shade(base, -0.18)));
    const name = tikzName(n.node.id, i);
    names.set(n.node.id, name);
    const { w, h, dx, dy } = n.glyph;
    const [x0, x1, y0, y1] = [n.x, n.x + w, -n.y, -(n.y + h)];
    body.push(
      `% ${latexText(n.node.name)}`,
      `\\fill[${key}t,draw=black!60] (${f(x0)},${f(y0)}) -- (${f(x0 + dx)},${f(y0 + dy)}) -- (${f(x1 + dx)},${f(y0 + dy)}) -- (${f(x1)},${f(y0)}) -- cycle;`,
      `\\fill[${key}s,draw=black!60] (${f(x1)},${f(y0)}) -- (${f(x1 + dx)},${f(y0 + dy)}) -- (${f(x1 + dx)},${f(y1 + dy)}) -- (${f(x1)},${f(y1)}) -- cycle;`,
      `\\fill[${key},draw=black!60] (${f(x0)},${f(y0)}) rectangle (${f(x1)},${f(y1)});`,
      `\\coordinate (${name}-in) at (${f(x0)},${f((y0 + y1) / 2)});`,
      `\\coordinate (${name}-out) at (${f(x1 + dx)},${f((y0 + y1) / 2)});`,
      `\\node[anchor=north,align=center,font=\\scriptsize] at (${f((x0 + x1) / 2)},${f(y1 - 4)}) {${n.lines.map((l) => latexText(l.text)).join('\\\\')}};`,
    );
  });
  for (const e of visible.edges) {
    const a = names.get(e.source);
    const b = names.get(e.target);
    if (a && b) body.push(`\\draw[-{Stealth},thick,black!70] (${a}-out) -- (${b}-in);`);
  }
  const title = opts.title
    ? `\\node[anchor=south west,font=\\bfseries] at (current bounding box.north west) {${latexText(opts.title)}};`
    : '';
  return [
    '% Made by Autoencoder Studio: compile with pdflatex (needs only TikZ).',
    '\\documentclass[tikz,border=8pt]{standalone}',
    '\\usetikzlibrary{arrows.meta}',
    ...[...colours].map(([k, v]) => `\\definecolor{${k}}{HTML}{${v}}`),
    '\\begin{document}',
    '\\begin{tikzpicture}',
    ...body,
    title,
    '\\end{tikzpicture}',
    '\\end{document}',
    '',
  ].join('\n');
}
