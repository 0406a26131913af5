import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { getPreset, PRESETS } from '../presets';
import { graphFromSvg, graphToSvg } from '.';

/** Parses with a real XML parser whose every warning or error fails the test. */
function parseStrict(svg: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc;
}

const layerIds = (svg: string) => [...svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]);

describe('graphToSvg', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'draws preset %s as SVG a real parser accepts',
    (_id, preset) => {
      const svg = graphToSvg(preset.graph, { title: preset.title });
      const doc = parseStrict(svg);
      expect(doc.documentElement?.nodeName).toBe('svg');
      expect(layerIds(svg)).toHaveLength(preset.graph.nodes.length);
    },
  );

  it('draws every palette, theme and direction as valid SVG', () => {
    const graph = getPreset('vae')!.graph;
    for (const palette of ['default', 'colorblind', 'print'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        for (const direction of ['LR', 'TB'] as const) {
          parseStrict(graphToSvg(graph, { palette, theme, direction }));
        }
      }
    }
  });

  it('paints print mode with textures and no kind colours', () => {
    const svg = graphToSvg(getPreset('conv-upsampling')!.graph, { palette: 'print' });
    expect(svg).toContain('<pattern');
    expect(svg).toMatch(/fill="url\(#tex-/);
    expect(svg).not.toContain('#F28E2B');
  });

  it('writes text as <text> and escapes names that look like markup', () => {
    const preset = getPreset('default')!;
    preset.graph.nodes[1].name = 'enc <1> & "x"';
    const svg = graphToSvg(preset.graph);
    parseStrict(svg);
    expect(svg).toContain('>enc &lt;1&gt; &amp; &quot;x&quot;</text>');
  });

  it('renames, hides and recolours layers for the picture only', () => {
    const preset = getPreset('default')!;
    const before = structuredClone(preset.graph);
    const [, first, second] = preset.graph.nodes;
    const svg = graphToSvg(preset.graph, {
      overrides: {
        [first.id]: { label: 'Squeeze' },
        [second.id]: { hidden: true, color: '#123456' },
      },
    });
    parseStrict(svg);
    expect(svg).toContain('>Squeeze</text>');
    expect(layerIds(svg)).not.toContain(second.id);
    expect(preset.graph).toEqual(before);
  });

  it('uses the colour override on the glyph', () => {
    const preset = getPreset('default')!;
    const id = preset.graph.nodes[1].id;
    const svg = graphToSvg(preset.graph, { overrides: { [id]: { color: '#123456' } } });
    expect(svg).toContain('fill="#123456"');
  });

  it('draws only the selection and embeds just that part', () => {
    const preset = getPreset('stacked')!;
    const ids = preset.graph.nodes.slice(1, 3).map((n) => n.id);
    const svg = graphToSvg(preset.graph, { selection: ids });
    expect(layerIds(svg).sort()).toEqual([...ids].sort());
    const opened = graphFromSvg(svg);
    expect(opened.ok && opened.value.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
  });

  it('gives a valid page when nothing is selected', () => {
    parseStrict(graphToSvg(getPreset('default')!.graph, { selection: [] }));
  });

  it('is deterministic: the same graph gives the same text', () => {
    const graph = getPreset('tied')!.graph;
    expect(graphToSvg(graph)).toBe(graphToSvg(graph));
  });
});

describe('graphFromSvg', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'opens the SVG of preset %s as the same graph',
    (_id, preset) => {
      const opened = graphFromSvg(graphToSvg(preset.graph, { palette: 'print', direction: 'TB' }));
      expect(opened).toEqual({ ok: true, value: preset.graph });
    },
  );

  it('refuses an SVG that carries no model, with a message', () => {
    const result = graphFromSvg('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/carries no model/);
  });

  it('refuses a damaged embedded model', () => {
    const svg = graphToSvg(getPreset('default')!.graph).replace(/(<metadata[^>]*>)[^<]{10}/, '$1');
    const result = graphFromSvg(svg);
    expect(result.ok).toBe(false);
  });
});
