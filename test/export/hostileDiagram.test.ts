import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { svgToPdf, svgToPng } from '../../src/main/services/export/diagramFiles';
import { graphFromSvg, graphToSvg } from '../../src/shared/diagram';
import { isXmlSafe } from '../../src/shared/escape/xml';
import { getPreset } from '../../src/shared/presets';
import { hostileNames } from './hostileStrings';

const NASTY = 'a\ufffeb\uffff<script>alert(1)</script>\u0000\ud800"\'&]]>\u2028';

/** A preset with `name` on every layer, as a picture label override too. */
function hostileGraph(name: string) {
  const preset = getPreset('vae')!;
  return {
    ...preset.graph,
    nodes: preset.graph.nodes.map((n, i) => ({ ...n, name: `${name} ${i}`.slice(0, 200) })),
  };
}

/** XML errors xmldom reports, plus characters XML 1.0 forbids (xmldom lets those pass). */
function xmlProblems(svg: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') problems.push(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  if (doc.documentElement?.nodeName !== 'svg') problems.push('the root is not <svg>');
  if (!isXmlSafe(svg)) problems.push('a character XML 1.0 forbids');
  if (doc.getElementsByTagName('script').length > 0) problems.push('a <script> element');
  return problems;
}

describe('diagram export with hostile layer names and titles', () => {
  it('writes SVG that parses as XML, with no script element, for U+FFFE, U+FFFF and <script>', () => {
    const svg = graphToSvg(hostileGraph(NASTY), { title: NASTY });
    expect(xmlProblems(svg)).toEqual([]);
    const labels = new DOMParser()
      .parseFromString(svg, 'image/svg+xml')
      .getElementsByTagName('text');
    const shown = Array.from({ length: labels.length }, (_, i) => labels.item(i)!.textContent);
    expect(shown).toContain('ab<script>alert(1)</script>"\'&]]>\u2028 1');
  });

  it('renders that SVG to PNG and PDF with the app own paths', async () => {
    const svg = graphToSvg(hostileGraph(NASTY), { title: NASTY });
    const png = svgToPng(svg, 1);
    expect(png.ok ? 'ok' : png.error.message).toBe('ok');
    if (png.ok) expect([...png.value.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const pdf = await svgToPdf(svg);
    expect(pdf.ok ? 'ok' : pdf.error.message).toBe('ok');
  });

  it('keeps every character of the names in the embedded project, U+FFFE included', () => {
    const graph = hostileGraph(NASTY);
    const back = graphFromSvg(graphToSvg(graph));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.nodes.map((n) => n.name)).toEqual(graph.nodes.map((n) => n.name));
  });

  it('writes valid XML for 200 hostile names as layer names, labels and titles', () => {
    const bad = hostileNames(200).flatMap((name) => {
      const graph = hostileGraph(name);
      const overrides = { [graph.nodes[1].id]: { label: name.slice(0, 200) } };
      const problems = xmlProblems(graphToSvg(graph, { title: name.slice(0, 300), overrides }));
      return problems.length > 0 ? [`${JSON.stringify(name)}: ${problems.join('; ')}`] : [];
    });
    expect(bad).toEqual([]);
  });
});
